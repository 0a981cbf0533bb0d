"""Forms for running the plan: updates with evidence, sign-off, action edits, RAG settings."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

from lineofsight.core.forms import GovukForm, GovukModelForm, text_box
from lineofsight.plans.forms import ActionFields, lines_of
from lineofsight.plans.models import Action, GovernanceBody, Person, Rag, Status
from lineofsight.tracking.models import EVIDENCE_EXTENSIONS, EmailPreferences, RagSettings, parse_reminder_days

PROPOSED_RAG_CHOICES = [("", "No change"), (Rag.RED, "Red"), (Rag.AMBER, "Amber"), (Rag.GREEN, "Green")]
STATUS_CHOICES = [("", "No change"), *Status.choices]
OVERRIDE_CHOICES = [("", "No override (use the rules)"), *Rag.choices]

# The first bytes each binary type must start with, so a renamed executable is refused.
_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
}
ALLOWED_TEXT = "PDF, Word (.docx), Excel (.xlsx), PNG, JPG, CSV or plain text (.txt)"


def check_evidence_file(upload: UploadedFile) -> None:
    """Refuse a file whose type is not on the allow-list, whose content does not match
    its extension, or which is larger than MAX_UPLOAD_BYTES."""
    name = upload.name or "file"
    ext = PurePosixPath(name).suffix.lower().lstrip(".")
    if ext not in EVIDENCE_EXTENSIONS:
        shown = f".{ext}" if ext else "with no extension"
        raise forms.ValidationError(f"{name}: files {shown} cannot be attached. Attach {ALLOWED_TEXT}.")
    limit = settings.MAX_UPLOAD_BYTES
    if (upload.size or 0) > limit:
        raise forms.ValidationError(
            f"{name}: the file is {filesizeformat(upload.size or 0)}; the limit is {filesizeformat(limit)}."
        )
    if (upload.size or 0) == 0:
        raise forms.ValidationError(f"{name}: the file is empty.")
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    signatures = _SIGNATURES.get(ext)
    if signatures and not head.startswith(signatures):
        raise forms.ValidationError(f"{name}: the content is not a .{ext} file.")
    if not signatures and b"\x00" in head:
        raise forms.ValidationError(f"{name}: a .{ext} file must be text, but this one is binary.")
    if ext in ("docx", "xlsx"):
        # Never opened by the server, but a damaged archive or a zip bomb is no evidence either.
        from lineofsight.importing.errors import ImportFailed
        from lineofsight.importing.limits import check_zip

        data = upload.read()
        upload.seek(0)
        try:
            check_zip(data, name)
        except ImportFailed as exc:
            raise forms.ValidationError(str(exc)) from exc


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        if not data:
            if self.required:
                raise forms.ValidationError("Choose a file")
            return []
        files = data if isinstance(data, list | tuple) else [data]
        cleaned: list[UploadedFile] = []
        errors: list[str] = []
        for upload in files:
            try:
                cleaned.append(super().clean(upload, initial))
            except forms.ValidationError as exc:
                # Name the file, so a batch of five says which one was wrong.
                name = getattr(upload, "name", "file")
                errors.extend(f"{name}: {message}" for message in exc.messages)
        if errors:
            raise forms.ValidationError(errors)
        return cleaned


class ProgressUpdateForm(GovukForm):
    """An owner's progress update: what happened, delivery status, proposed RAG, impact."""

    text = forms.CharField(
        label="What has happened since the last update?",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20_000,
        error_messages={"required": "Enter what has happened since the last update"},
    )
    status = forms.ChoiceField(label="Delivery status", choices=STATUS_CHOICES, required=False)
    rag = forms.ChoiceField(label="Proposed RAG", choices=PROPOSED_RAG_CHOICES, required=False)
    impact = text_box(
        "Impact for children",
        max_length=10_000,
        help_text="What evidence shows things changed for children, e.g. an indicator that moved",
    )
    evidence = MultipleFileField(
        label="Evidence files",
        help_text=f"{ALLOWED_TEXT}; each up to {filesizeformat(settings.MAX_UPLOAD_BYTES)}",
        required=False,
    )

    def clean_evidence(self) -> list[UploadedFile]:
        files = self.cleaned_data.get("evidence") or []
        errors = []
        for upload in files:
            try:
                check_evidence_file(upload)
            except forms.ValidationError as exc:
                errors.extend(exc.messages)
        if errors:
            raise forms.ValidationError(errors)
        return files


class _ReasonedForm(GovukForm):
    """A form with a text box that is required only for some answers (returning an update,
    setting an override): the page never labels it "(optional)", and leaving it empty
    for such an answer is an error."""

    reason_field: str
    reason_when: str  # finishes "Required when ..."
    reason_missing: str

    def needs_reason(self, data: dict[str, Any]) -> bool:
        raise NotImplementedError

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[self.reason_field].required_when = self.reason_when  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.needs_reason(data) and not (data.get(self.reason_field) or "").strip():
            self.add_error(self.reason_field, self.reason_missing)
        return data


class ReviewForm(_ReasonedForm):
    """The plan manager's decision on an update."""

    decision = forms.ChoiceField(
        label="Decision",
        choices=[("accept", "Sign off"), ("return", "Return to the owner for more work")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to sign the update off or return it"},
    )
    comment = text_box(
        "Comment for the owner", max_length=5_000, help_text="Needed when you return an update: say what is missing"
    )
    reason_field, reason_when = "comment", "you return the update"
    reason_missing = "Say what the owner needs to do before you return the update"

    def needs_reason(self, data: dict[str, Any]) -> bool:
        return data.get("decision") == "return"


class _OverrideForm(_ReasonedForm):
    """The action's version (so a stale edit is refused), and the RAG override with its
    reason, which is required whenever an override is chosen."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    rag_override = forms.ChoiceField(label="RAG override", choices=OVERRIDE_CHOICES, required=False)
    rag_override_reason = text_box("Reason for the override", max_length=2_000)
    reason_field, reason_when = "rag_override_reason", "you set an override"
    reason_missing = "Give a reason for overriding the RAG"

    def needs_reason(self, data: dict[str, Any]) -> bool:
        return bool(data.get("rag_override"))


class RagOverrideForm(_OverrideForm):
    """Override the rules' RAG by hand; a reason is required and shown beside it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only this page tells the owners (an edit of the whole action does not).
        self.fields[
            "rag_override_reason"
        ].help_text = "Needed when you set an override; the action's owners are sent it with the new RAG"


class ActionEditForm(_OverrideForm, ActionFields):
    """A plan manager's edit of an action: text, owners, partners, deadline (a moved
    deadline needs a reason), status, measures, reported-to bodies and override."""

    due_date_reason = text_box(
        "Why the deadline moved",
        rows=2,
        max_length=2_000,
        help_text="Needed when you change a deadline that was already set; the original date is kept",
    )
    # The order the edit page shows them in.
    field_order = [
        "version", "text", "owners", "new_owner", "partners", "due_text", "due_date", "due_date_reason",
        "status", "measures", "reported_to", "rag_override", "rag_override_reason",
    ]  # fmt: skip

    FIELDS = ("text", "due_text", "due_date", "status", "rag_override", "rag_override_reason")
    LIST_FIELDS = ("partners", "measures")

    @classmethod
    def initial_for(cls, action: Action) -> dict[str, Any]:
        initial: dict[str, Any] = {name: getattr(action, name) for name in cls.FIELDS}
        for name in cls.LIST_FIELDS:
            initial[name] = "\n".join(getattr(action, name) or [])
        initial["owners"] = [link.person_id for link in action.owner_links.all()]
        initial["reported_to"] = [link.body_id for link in action.report_links.all()]
        initial["version"] = action.version
        return initial

    def field_changes(self) -> dict[str, Any]:
        """The action's own fields as the form holds them."""
        changes: dict[str, Any] = {
            name: self.cleaned_data.get(name) or ("" if name != "due_date" else None) for name in self.FIELDS
        }
        for name in self.LIST_FIELDS:
            if name in self.data:  # a form posted without the field leaves the list alone
                changes[name] = lines_of(self.cleaned_data.get(name) or "")
        return changes

    def ordered_owners(self, action: Action) -> list[Person]:
        """Chosen owners: the existing ones keep their order, new ones follow by name, and
        a name typed in "Add an owner" is found or created last."""
        chosen = list(self.cleaned_data.get("owners") or [])
        current = [link.person_id for link in action.owner_links.all()]
        ordered = sorted(chosen, key=lambda p: (current.index(p.pk) if p.pk in current else len(current), p.name))
        typed = self.typed_owner()
        if typed is not None and typed not in ordered:
            ordered.append(typed)
        return ordered

    def save(self, action: Action, user: Any) -> Action:
        """Apply the checked edit through the one write path (the web page and the API both
        call this, so an edit means the same wherever it is made). Raises the service's
        ``EditConflict`` or ``DeadlineReasonMissing``; nothing is written then."""
        from lineofsight.tracking import services

        return services.edit_action(
            action,
            user,
            expected_version=self.cleaned_data["version"],
            fields=self.field_changes(),
            owners=self.ordered_owners(action),
            bodies=self.ordered_bodies(action),
            deadline_reason=self.cleaned_data.get("due_date_reason") or "",
        )

    def ordered_bodies(self, action: Action) -> list[GovernanceBody] | None:
        """Chosen governance bodies in the order the action already lists them, or None
        when the form did not carry the field."""
        # The page posts ``bodies_shown`` beside the checkboxes, since a form with none
        # ticked posts nothing at all and must still clear them.
        if "bodies_shown" not in self.data:
            return None
        chosen = list(self.cleaned_data.get("reported_to") or [])
        current = [link.body_id for link in action.report_links.all()]
        return sorted(chosen, key=lambda b: (current.index(b.pk) if b.pk in current else len(current), b.name))


class RagSettingsForm(GovukModelForm):
    """A council's thresholds for the RAG rules."""

    class Meta:
        model = RagSettings
        fields = ["due_soon_days", "no_update_days", "stale_days", "use_blue", "reminder_days"]
        labels = {
            "reminder_days": "Remind owners this many days before a deadline",
            "due_soon_days": "Due soon (days before the deadline)",
            "no_update_days": "No update for (days) before a due-soon action turns amber",
            "stale_days": "No update for (days) before an action is flagged as drifting",
            "use_blue": "Show complete and signed-off actions as blue",
        }
        help_texts = {
            "reminder_days": "Days separated by commas, for example 14, 3. Each must be no more than the due-soon "
            "days; leave it empty to remind once, when an action becomes due soon. Owners are also reminded on "
            "the day of the deadline, and every day after it until the action is delivered.",
        }

    def clean_reminder_days(self) -> str:
        """Store the days in one form ("14,3"), largest first."""
        text = self.cleaned_data.get("reminder_days") or ""
        try:
            days = parse_reminder_days(text)
        except ValueError as exc:
            raise forms.ValidationError(f"Enter days separated by commas, like 14, 3: {exc}") from exc
        return ",".join(str(d) for d in days)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        due_soon = data.get("due_soon_days")
        days = data.get("reminder_days")
        if due_soon and days:
            late = [d for d in parse_reminder_days(days) if d > due_soon]
            if late:
                self.add_error(
                    "reminder_days",
                    f"Reminders must fall inside the due-soon window of {due_soon} days; "
                    f"{', '.join(str(d) for d in late)} is more",
                )
        return data


class EmailPreferencesForm(GovukModelForm):
    """The optional emails one person wants."""

    class Meta:
        model = EmailPreferences
        fields = ["updates_posted", "update_signed_off", "rag_overridden", "weekly_summary"]
        labels = {
            "updates_posted": "An owner posts an update for me to sign off",
            "update_signed_off": "My update is signed off",
            "rag_overridden": "A plan manager overrides the RAG of my action",
            "weekly_summary": "A weekly summary of the plan",
        }
