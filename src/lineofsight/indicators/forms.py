"""Forms a plan manager uses to keep the scorecard: local indicators, targets, a value
for one period, and a CSV of values."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings

from lineofsight.accounts.models import Organisation
from lineofsight.core.forms import DatePicker, GovukForm, GovukModelForm
from lineofsight.indicators import rules
from lineofsight.indicators.models import Indicator, Target

MAX_CSV_BYTES = 2 * 1024 * 1024  # a scorecard CSV is a few kilobytes; refuse anything huge
# Wider than the base's whole-number box: values such as 1250.5 or 65.25 must show whole.
NUMBER = forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-5"})


class IndicatorForm(GovukModelForm):
    """A council's own indicator, such as "% of visits to children in care within 6 weeks"."""

    class Meta:
        model = Indicator
        fields = ["code", "title", "definition", "unit", "polarity", "data_source"]
        help_texts = {"code": "As the scorecard and the plan write it, e.g. 'P12' or 'VIS6'."}

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_code(self) -> str:
        code = " ".join(self.cleaned_data["code"].split())
        if not code or not any(ch.isalnum() for ch in code):
            raise forms.ValidationError("Enter a code made of letters and numbers, e.g. 'VIS6'.")
        clash = Indicator.objects.filter(organisation=self.organisation, code__iexact=code)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(f"Your scorecard already has an indicator with code {code}.")
        return code


class TargetForm(GovukModelForm):
    """A target value, the date it should be met by, and how far short is still amber."""

    class Meta:
        model = Target
        fields = ["value", "by_date", "tolerance", "note"]
        labels = {"by_date": "To be met by", "tolerance": "Tolerance (amber within)"}
        widgets = {"by_date": DatePicker, "value": NUMBER, "tolerance": NUMBER}

    def clean_tolerance(self) -> float:
        tolerance = self.cleaned_data.get("tolerance") or 0.0
        if tolerance < 0:
            raise forms.ValidationError("Enter a tolerance of 0 or more.")
        return tolerance


class ValueForm(GovukForm):
    """One period's value, typed in; it replaces any value already held for the period."""

    period = forms.CharField(max_length=40, help_text=f"For example {rules.PERIOD_EXAMPLES}.")
    value = forms.FloatField(widget=NUMBER)
    numerator = forms.FloatField(required=False, min_value=0, widget=NUMBER)
    denominator = forms.FloatField(required=False, min_value=0, widget=NUMBER)

    def __init__(self, *args: Any, indicator: Indicator, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicator = indicator

    def clean_period(self) -> rules.Period:
        try:
            return rules.parse_period(self.cleaned_data["period"])
        except rules.PeriodError as exc:
            raise forms.ValidationError(str(exc).capitalize()) from exc

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        value = data.get("value")
        if value is not None and self.indicator.unit == "percent" and not 0 <= value <= 100:
            self.add_error("value", "Enter a percentage between 0 and 100.")
        numerator, denominator = data.get("numerator"), data.get("denominator")
        if (numerator is None) != (denominator is None):
            self.add_error("denominator", "Give both the numerator and the denominator, or neither.")
        elif self.indicator.unit == "percent" and numerator is not None and numerator > denominator:
            self.add_error("numerator", "The numerator cannot be more than the denominator.")
        return data


class ValuesUploadForm(GovukForm):
    """A CSV of values with columns code, period, value, numerator, denominator."""

    file = forms.FileField(label="CSV file of values")

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() != ".csv":
            raise forms.ValidationError("The file must be a CSV (.csv); save the spreadsheet as CSV first.")
        limit = min(MAX_CSV_BYTES, settings.MAX_UPLOAD_BYTES)
        if upload.size > limit:
            raise forms.ValidationError(f"The file is larger than {limit // 1024 // 1024} MB.")
        return upload


class LinkAddForm(GovukForm):
    """Link an indicator to an action or a recommendation the measures text does not name."""

    indicator = forms.ModelChoiceField(queryset=Indicator.objects.none(), empty_label="Choose…")
    plan_item = forms.ChoiceField(label="Action or recommendation")

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        from lineofsight.plans.models import Action, Recommendation

        super().__init__(*args, **kwargs)
        indicator_field = self.fields["indicator"]
        assert isinstance(indicator_field, forms.ModelChoiceField)
        indicator_field.queryset = Indicator.objects.filter(organisation=organisation).order_by("order", "code")
        recommendations = Recommendation.objects.filter(plan__organisation=organisation).select_related("plan")
        actions = Action.objects.filter(recommendation__plan__organisation=organisation).select_related(
            "recommendation__plan"
        )
        by_plan: dict[str, list[tuple[str, str]]] = {}
        for recommendation in recommendations:
            by_plan.setdefault(recommendation.plan.title, []).append(
                (f"recommendation-{recommendation.pk}", f"Recommendation {recommendation}")
            )
        for action in actions:
            label = f"Action {action.recommendation.ref}{action.ref}: {action.text[:90]}"
            by_plan.setdefault(action.recommendation.plan.title, []).append((f"action-{action.pk}", label))
        item_field = self.fields["plan_item"]
        assert isinstance(item_field, forms.ChoiceField)
        item_field.choices = [("", "Choose…"), *by_plan.items()]
        self._items: dict[str, dict[int, Any]] = {
            "action": {a.pk: a for a in actions},
            "recommendation": {r.pk: r for r in recommendations},
        }

    def clean_plan_item(self) -> Any:
        kind, _, pk = self.cleaned_data["plan_item"].partition("-")
        item = self._items.get(kind, {}).get(int(pk)) if pk.isdigit() else None
        if item is None:
            raise forms.ValidationError("Choose an action or recommendation of your plans.")
        return item


class LinkDecisionForm(GovukForm):
    """Confirm or reject one suggested link."""

    decision = forms.ChoiceField(choices=[("confirm", "Confirm"), ("reject", "Reject")])
