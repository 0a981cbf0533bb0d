"""The upload form: one plan document, optionally a plan it is a newer version of."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms

from lineofsight.accounts.models import Organisation
from lineofsight.importing import MAX_UPLOAD_BYTES
from lineofsight.plans.models import Plan

ALLOWED_EXTENSIONS = (".docx", ".xlsx", ".csv", ".pdf", ".html", ".htm", ".md", ".markdown", ".txt", ".tsv")


class UploadForm(forms.Form):
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
        label="Last day of the inspection",
        help_text="For timescales such as '3 months'. For example, 2026-01-23.",
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = Plan.objects.filter(organisation=organisation)  # type: ignore[attr-defined]
        self.fields["document"].widget.attrs.update(
            {"class": "govuk-file-upload", "accept": ",".join(ALLOWED_EXTENSIONS)}
        )
        self.fields["plan"].widget.attrs["class"] = "govuk-select"
        self.fields["inspection_end"].widget.attrs["class"] = "govuk-input govuk-input--width-10"

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
