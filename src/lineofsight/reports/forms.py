"""Forms for choosing which meeting a pack is for."""

from __future__ import annotations

from django import forms

from lineofsight.core.forms import DatePicker, GovukForm


class MeetingForm(GovukForm):
    """The meeting date a pack is built for (and, rarely, a date to compare with)."""

    date = forms.DateField(
        label="Meeting date",
        widget=DatePicker,
        error_messages={"required": "Enter the meeting date", "invalid": "Enter the meeting date as YYYY-MM-DD"},
    )
    since = forms.DateField(
        label="Compare with the plan as it stood on (optional)",
        required=False,
        help_text="Leave blank to compare with the last issued pack.",
        widget=DatePicker,
        error_messages={"invalid": "Enter the date to compare with as YYYY-MM-DD"},
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("since") and data.get("date") and data["since"] >= data["date"]:
            self.add_error("since", "The date to compare with must be before the meeting")
        return data
