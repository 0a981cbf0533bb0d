"""The upload form: one plan document, optionally a plan it is a newer version of."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms

from lineofsight.accounts.models import Organisation
from lineofsight.core.forms import DatePicker, GovukForm, text_box
from lineofsight.importing import MAX_UPLOAD_BYTES
from lineofsight.importing.review import FIELDS
from lineofsight.plans.forms import inspection_dates_in_order
from lineofsight.plans.models import Inspection, Plan

ALLOWED_EXTENSIONS = (".docx", ".xlsx", ".csv", ".pdf", ".html", ".htm", ".md", ".markdown", ".txt", ".tsv")


class UploadForm(GovukForm):
    """Upload a plan document; size and type are checked before anything is read."""

    document = forms.FileField(
        label="Plan document",
        help_text="Word (.docx), Excel (.xlsx), CSV, PDF, HTML, Markdown or text; up to "
        f"{MAX_UPLOAD_BYTES // (1024 * 1024)} MB.",
    )
    plan = forms.ModelChoiceField(
        queryset=Plan.objects.none(),
        required=False,
        label="Update an existing plan",
        help_text="Choose a plan when this is a newer version of its document; leave empty to create a new plan.",
        empty_label="No – create a new plan",
    )
    inspection_end = forms.DateField(
        required=False,
        widget=DatePicker,
        label="Last day of the inspection",
        help_text="For timescales such as '3 months'. For example, 2026-01-23.",
    )
    # What the document often cannot say; left empty, the preview offers what the
    # importer read from the title block instead.
    inspection_kind = forms.ChoiceField(
        required=False,
        label="Kind of inspection",
        choices=[("", "As the document says"), *Inspection.Kind.choices],
    )
    inspection_start = forms.DateField(required=False, widget=DatePicker, label="First day of the inspection")

    field_order = ["document", "plan", "inspection_kind", "inspection_start", "inspection_end"]

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = Plan.objects.filter(organisation=organisation)  # type: ignore[attr-defined]
        self.fields["document"].widget.attrs["accept"] = ",".join(ALLOWED_EXTENSIONS)

    def clean_document(self) -> Any:
        upload = self.cleaned_data["document"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"{upload.name} is larger than the {MAX_UPLOAD_BYTES // (1024 * 1024)} MB limit."
            )
        if Path(upload.name).suffix.lower() not in ALLOWED_EXTENSIONS:
            raise forms.ValidationError(
                f"{upload.name} is not a plan document type Line of Sight reads "
                "(.docx, .xlsx, .csv, .pdf, .html, .md or .txt)."
            )
        return upload


class InspectionForm(GovukForm):
    """The inspection the plan answers, on the preview: dates for relative timescales."""

    kind = forms.ChoiceField(
        required=False, label="Kind of inspection", choices=[("", "Not known"), *Inspection.Kind.choices]
    )
    started = forms.DateField(required=False, widget=DatePicker, label="First day of the inspection")
    ended = forms.DateField(
        required=False,
        widget=DatePicker,
        label="Last day of the inspection",
        help_text="Timescales such as '3 months' count from this day",
    )

    def clean(self) -> dict[str, Any]:
        return inspection_dates_in_order(self, super().clean() or {})


class OwnerMergeForm(GovukForm):
    """Merge spellings of one owner in the preview; the others become aliases on confirm."""

    keep = forms.CharField(max_length=300)
    merge = forms.MultipleChoiceField(choices=[])

    def __init__(self, *args: Any, names: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["merge"].choices = [(n, n) for n in names]  # type: ignore[attr-defined]
        self.names = names

    def clean_keep(self) -> str:
        keep = self.cleaned_data["keep"]
        if keep not in self.names:
            raise forms.ValidationError(f"{keep!r} is not an owner in this document")
        return keep


class PreviewActionForm(GovukForm):
    """Correct one action in the preview: text, owners, deadline, recommendation."""

    text = forms.CharField(label="Action", widget=forms.Textarea(attrs={"rows": 3}))
    owners = text_box("Owners", rows=2, help_text="One per line, as the plan should print them")
    due_text = forms.CharField(label="Timescale as printed", required=False, max_length=300)
    due_date = forms.DateField(
        label="Deadline",
        required=False,
        widget=DatePicker,
    )
    recommendation = forms.TypedChoiceField(label="Under recommendation", coerce=int, choices=[])

    def __init__(self, *args: Any, recommendations: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recommendation"].choices = recommendations  # type: ignore[attr-defined]

    def owner_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["owners"].splitlines() if line.strip()]


class ReassignForm(GovukForm):
    """Say that what was read as one column is really another, for every action."""

    source = forms.ChoiceField(label="What was read as", choices=list(FIELDS.items()))
    target = forms.ChoiceField(label="is really", choices=list(FIELDS.items()))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("source") and data.get("source") == data.get("target"):
            self.add_error("target", "Choose a different column")
        return data
