"""The one GOV.UK Frontend form base every app's forms use.

Each widget gets the GOV.UK class for its kind once, here, so that forms declare only
what they ask and templates render every field through ``includes/field.html``. A widget
given a ``class`` of its own keeps it (the way to ask for another width); a field in error
also gets the kind's ``--error`` class, as GOV.UK Frontend expects.

Imports nothing of the project's apps (``core`` is the lowest layer).
"""

from __future__ import annotations

from typing import Any

from django import forms

# First match wins, so a subclass stands before its base (CheckboxSelectMultiple is a
# RadioSelect, DateInput a TextInput, every input an Input).
WIDGET_CLASSES: tuple[tuple[type[forms.Widget], str], ...] = (
    (forms.HiddenInput, ""),
    (forms.MultipleHiddenInput, ""),
    (forms.CheckboxSelectMultiple, "govuk-checkboxes__input"),
    (forms.RadioSelect, "govuk-radios__input"),
    (forms.CheckboxInput, "govuk-checkboxes__input"),
    (forms.Select, "govuk-select"),
    (forms.Textarea, "govuk-textarea"),
    (forms.FileInput, "govuk-file-upload"),
    (forms.DateInput, "govuk-input govuk-input--width-10"),
    (forms.NumberInput, "govuk-input govuk-input--width-4"),
    (forms.widgets.Input, "govuk-input"),
)


class DatePicker(forms.DateInput):
    """The browser's date picker. It shows only ISO values: a date in any other format
    would render empty, and saving the form unchanged would then clear it."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


def text_box(
    label: str, *, rows: int = 3, required: bool = False, max_length: int | None = None, help_text: str = ""
) -> forms.CharField:
    """A box of several lines of free text, optional unless said (reasons, comments, one item per line)."""
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        required=required,
        max_length=max_length,
        help_text=help_text,
    )


def widget_class(widget: forms.Widget) -> str:
    """The GOV.UK Frontend class for a widget of this kind ("" for hidden inputs)."""
    return next((css for kind, css in WIDGET_CLASSES if isinstance(widget, kind)), "")


def style_widget(widget: forms.Widget, in_error: bool) -> None:
    """Give one widget its GOV.UK Frontend class, with the error class when its field is in error."""
    css = widget_class(widget)
    classes = widget.attrs.get("class", css)
    if in_error and css and "--error" not in classes:
        classes = f"{classes} {css.split()[0]}--error"
    if classes:
        widget.attrs["class"] = classes


def govuk_classes(form: forms.BaseForm) -> None:
    """Give each widget of a form its GOV.UK Frontend class, and mark the fields in error."""
    errors = _errors_of(form)
    for name, field in form.fields.items():
        style_widget(field.widget, name in errors)


def _errors_of(form: forms.BaseForm) -> Any:
    # ``_errors`` (not ``errors``), so that styling never runs validation early.
    return getattr(form, "_errors", None) or {}


class GovukMixin:
    """Styles the form's widgets when it is made, and each field again when a template
    reads it, so fields added or re-widgeted in ``__init__`` and errors found by
    validation are styled too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        govuk_classes(self)  # type: ignore[arg-type]

    def __getitem__(self, name: str) -> forms.BoundField:
        bound: forms.BoundField = super().__getitem__(name)  # type: ignore[misc]
        style_widget(bound.field.widget, name in _errors_of(self))  # type: ignore[arg-type]
        return bound


class GovukForm(GovukMixin, forms.Form):
    """A form whose widgets carry GOV.UK Frontend classes."""


class GovukModelForm(GovukMixin, forms.ModelForm):  # type: ignore[type-arg]
    """A model form whose widgets carry GOV.UK Frontend classes."""
