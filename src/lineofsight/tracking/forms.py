"""Forms for running the plan: updates with evidence, sign-off, action edits, members."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

from lineofsight.accounts.models import Organisation, Role
from lineofsight.plans.models import Action, Person, Rag, Status
from lineofsight.tracking.models import EVIDENCE_EXTENSIONS, RagSettings

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


_WIDGET_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.SelectMultiple: "govuk-select",
    forms.RadioSelect: "govuk-radios__input",
    forms.CheckboxInput: "govuk-checkboxes__input",
    forms.ClearableFileInput: "govuk-file-upload",
    forms.FileInput: "govuk-file-upload",
    forms.DateInput: "govuk-input govuk-input--width-10",
    forms.NumberInput: "govuk-input govuk-input--width-4",
    forms.TextInput: "govuk-input",
    forms.EmailInput: "govuk-input",
}


def govuk_classes(form: forms.BaseForm) -> None:
    """Give each widget its GOV.UK Frontend class, and mark fields in error."""
    for name, bound in form.fields.items():
        widget = bound.widget
        css = next((c for cls, c in _WIDGET_CLASSES.items() if type(widget) is cls), None)
        if css is None:
            css = next((c for cls, c in _WIDGET_CLASSES.items() if isinstance(widget, cls)), "")
        classes = widget.attrs.get("class", css)
        # Read ``_errors`` (not ``errors``) so that styling never triggers validation early.
        errors = getattr(form, "_errors", None) or {}
        if name in errors and "error" not in classes:
            suffix = css.split()[0] + "--error" if css else ""
            classes = f"{classes} {suffix}".strip()
        widget.attrs["class"] = classes


class GovukForm(forms.Form):
    """A form whose widgets carry GOV.UK Frontend classes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        govuk_classes(self)

    def full_clean(self) -> None:
        super().full_clean()
        govuk_classes(self)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"class": "govuk-file-upload"}))
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
        widget=forms.Textarea(attrs={"rows": 6, "class": "govuk-textarea"}),
        max_length=20_000,
        error_messages={"required": "Enter what has happened since the last update"},
    )
    status = forms.ChoiceField(label="Delivery status", choices=STATUS_CHOICES, required=False)
    rag = forms.ChoiceField(label="Proposed RAG", choices=PROPOSED_RAG_CHOICES, required=False)
    impact = forms.CharField(
        label="Impact for children (optional)",
        help_text="What evidence shows things changed for children, e.g. an indicator that moved",
        widget=forms.Textarea(attrs={"rows": 3, "class": "govuk-textarea"}),
        required=False,
        max_length=10_000,
    )
    evidence = MultipleFileField(
        label="Evidence files (optional)",
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


class ReviewForm(GovukForm):
    """The plan manager's decision on an update."""

    decision = forms.ChoiceField(
        label="Decision",
        choices=[("accept", "Sign off"), ("return", "Return to the owner for more work")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to sign the update off or return it"},
    )
    comment = forms.CharField(
        label="Comment for the owner",
        help_text="Needed when you return an update: say what is missing",
        widget=forms.Textarea(attrs={"rows": 3, "class": "govuk-textarea"}),
        required=False,
        max_length=5_000,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "return" and not (data.get("comment") or "").strip():
            self.add_error("comment", "Say what the owner needs to do before you return the update")
        return data


class _VersionedForm(GovukForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def clean_override(self, data: dict[str, Any]) -> None:
        if data.get("rag_override") and not (data.get("rag_override_reason") or "").strip():
            self.add_error("rag_override_reason", "Give a reason for overriding the RAG")


class RagOverrideForm(_VersionedForm):
    """Override the rules' RAG by hand; a reason is required and shown beside it."""

    rag_override = forms.ChoiceField(label="RAG override", choices=OVERRIDE_CHOICES, required=False)
    rag_override_reason = forms.CharField(
        label="Reason for the override",
        widget=forms.Textarea(attrs={"rows": 3, "class": "govuk-textarea"}),
        required=False,
        max_length=2_000,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.clean_override(data)
        return data


class ActionEditForm(_VersionedForm):
    """A plan manager's edit of an action's text, owners, deadline, status and override."""

    text = forms.CharField(label="Action", widget=forms.Textarea(attrs={"rows": 4, "class": "govuk-textarea"}))
    owners = forms.ModelMultipleChoiceField(
        label="Owners",
        queryset=Person.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"class": "govuk-select", "size": 6}),
    )
    due_text = forms.CharField(label="Timescale as printed", required=False, max_length=300)
    due_date = forms.DateField(
        label="Deadline",
        required=False,
        help_text="For example, 2026-06-30",
        # A browser's date input shows only ISO values; any other format renders empty and
        # saving the form unchanged would clear the deadline.
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date", "class": "govuk-input govuk-input--width-10"}),
    )
    status = forms.ChoiceField(label="Delivery status", choices=[("", "Not set"), *Status.choices], required=False)
    rag_override = forms.ChoiceField(label="RAG override", choices=OVERRIDE_CHOICES, required=False)
    rag_override_reason = forms.CharField(
        label="Reason for the override",
        widget=forms.Textarea(attrs={"rows": 2, "class": "govuk-textarea"}),
        required=False,
        max_length=2_000,
    )

    FIELDS = ("text", "due_text", "due_date", "status", "rag_override", "rag_override_reason")

    def __init__(self, *args: Any, organisation_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owners"].queryset = Person.objects.filter(organisation_id=organisation_id)  # type: ignore[attr-defined]

    @classmethod
    def initial_for(cls, action: Action) -> dict[str, Any]:
        initial: dict[str, Any] = {name: getattr(action, name) for name in cls.FIELDS}
        initial["owners"] = [link.person_id for link in action.owner_links.all()]
        initial["version"] = action.version
        return initial

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.clean_override(data)
        return data

    def field_changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) or ("" if name != "due_date" else None) for name in self.FIELDS}

    def ordered_owners(self, action: Action) -> list[Person]:
        """Chosen owners: the existing ones keep their order, new ones follow by name."""
        chosen = list(self.cleaned_data.get("owners") or [])
        current = [link.person_id for link in action.owner_links.all()]
        return sorted(chosen, key=lambda p: (current.index(p.pk) if p.pk in current else len(current), p.name))


class RagSettingsForm(forms.ModelForm):
    """A council's thresholds for the RAG rules."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        govuk_classes(self)

    class Meta:
        model = RagSettings
        fields = ["due_soon_days", "no_update_days", "stale_days", "use_blue"]
        labels = {
            "due_soon_days": "Due soon (days before the deadline)",
            "no_update_days": "No update for (days) before a due-soon action turns amber",
            "stale_days": "No update for (days) before an action is flagged as drifting",
            "use_blue": "Show complete and signed-off actions as blue",
        }


ROLE_CHOICES = Role.choices


class MemberAddForm(GovukForm):
    """An admin invites an existing account to the organisation by username or email.

    The form never looks the account up, so its answer cannot tell the admin whether a
    username exists (in this council or another); the person joins by accepting.
    """

    who = forms.CharField(label="Username or email address", max_length=254)
    role = forms.ChoiceField(label="Role", choices=ROLE_CHOICES, initial=Role.VIEWER)

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_who(self) -> str:
        return str(self.cleaned_data["who"]).strip()


class MemberRoleForm(GovukForm):
    """Change a member's role."""

    role = forms.ChoiceField(label="Role", choices=ROLE_CHOICES)
