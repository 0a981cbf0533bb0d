"""Forms for people and access."""

from __future__ import annotations

from typing import Any

from django import forms

from lineofsight.accounts.models import Organisation, Role


class InviteForm(forms.Form):
    """An admin invites someone who has no account yet."""

    full_name = forms.CharField(label="Full name", max_length=150)
    email = forms.EmailField(label="Email address")
    role = forms.ChoiceField(label="Role", choices=Role.choices, initial=Role.ACTION_OWNER)
    person: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label="Owner in the plan (optional)",
        queryset=None,  # set per organisation below
        required=False,
        empty_label="Not an owner named in a plan",
        help_text="Link the account to the owner as the plan names them, so their actions appear in My actions",
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from lineofsight.plans.models import Person

        self.fields["person"].queryset = Person.objects.filter(organisation=organisation, user__isnull=True)  # type: ignore[attr-defined]
        classes = {"full_name": "govuk-input", "email": "govuk-input", "role": "govuk-select", "person": "govuk-select"}
        for name, css in classes.items():
            self.fields[name].widget.attrs["class"] = css
        self.fields["email"].widget.attrs["autocomplete"] = "off"
        self.fields["email"].widget.attrs["spellcheck"] = "false"
