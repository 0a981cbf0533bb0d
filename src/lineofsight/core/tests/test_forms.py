"""Every form gets its GOV.UK Frontend classes from one place, whatever kind of field it has."""

from __future__ import annotations

import datetime

from django import forms

from lineofsight.core.forms import DatePicker, GovukForm


class Visit(GovukForm):
    name = forms.CharField()
    email = forms.EmailField(required=False)
    link = forms.URLField(required=False, assume_scheme="https")
    notes = forms.CharField(widget=forms.Textarea, required=False)
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")])
    children = forms.IntegerField(required=False)
    on = forms.DateField(widget=DatePicker, required=False)
    seen = forms.BooleanField(required=False)
    how = forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect, required=False)
    who = forms.MultipleChoiceField(choices=[("a", "A")], widget=forms.CheckboxSelectMultiple, required=False)
    wide = forms.CharField(widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-20"}), required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


def classes(form: forms.Form) -> dict[str, str]:
    return {name: form.fields[name].widget.attrs.get("class", "") for name in form.fields}


def test_each_kind_of_widget_gets_its_govuk_class() -> None:
    assert classes(Visit()) == {
        "name": "govuk-input",
        "email": "govuk-input",
        "link": "govuk-input",
        "notes": "govuk-textarea",
        "kind": "govuk-select",
        "children": "govuk-input govuk-input--width-4",
        "on": "govuk-input govuk-input--width-10",
        "seen": "govuk-checkboxes__input",
        "how": "govuk-radios__input",
        "who": "govuk-checkboxes__input",
        "wide": "govuk-input govuk-input--width-20",  # a class of its own is kept
        "version": "",
    }


def test_fields_in_error_are_marked_once_validated_and_rendered() -> None:
    form = Visit({"name": "", "kind": "z", "children": "many", "wide": "ok"})
    assert not form.is_valid()
    html = str(form["name"]) + str(form["kind"]) + str(form["children"])
    assert 'class="govuk-input govuk-input--error"' in html
    assert 'class="govuk-select govuk-select--error"' in html
    assert 'class="govuk-input govuk-input--width-4 govuk-input--error"' in html
    assert "--error" not in str(form["wide"])
    str(form["name"])  # reading a field again does not add the class twice
    assert form.fields["name"].widget.attrs["class"].count("--error") == 1


def test_a_field_added_after_the_form_is_made_is_styled_when_rendered() -> None:
    form = Visit()
    form.fields["extra"] = forms.CharField(widget=forms.Textarea)
    assert 'class="govuk-textarea"' in str(form["extra"])


def test_the_date_picker_shows_an_iso_date_the_browser_can_display() -> None:
    form = Visit(initial={"on": datetime.date(2026, 6, 30)})
    assert 'type="date"' in str(form["on"]) and 'value="2026-06-30"' in str(form["on"])


def test_a_text_box_is_an_optional_textarea_of_the_rows_asked_for() -> None:
    from lineofsight.core.forms import text_box

    class Note(GovukForm):
        reason = text_box("Reason", rows=2, max_length=10)

    form = Note({"reason": ""})
    assert form.is_valid() and form.cleaned_data["reason"] == ""
    html = str(form["reason"])
    assert 'rows="2"' in html and 'class="govuk-textarea"' in html and 'maxlength="10"' in html
