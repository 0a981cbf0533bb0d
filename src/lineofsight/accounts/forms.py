"""Forms for people and access: inviting someone new, and managing the members."""

from __future__ import annotations

from typing import Any

from django import forms

from lineofsight.accounts.models import Organisation, Role
from lineofsight.core.forms import GovukForm


class InviteForm(GovukForm):
    """An admin invites someone who has no account yet."""

    full_name = forms.CharField(label="Full name", max_length=150)
    email = forms.EmailField(
        label="Email address", widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"})
    )
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
        # The plan's people hang off the organisation (plans.Person, related_name "people"):
        # reached through that relation, accounts stays below plans in the layers.
        self.fields["person"].queryset = organisation.people.filter(user__isnull=True)  # type: ignore[attr-defined]


class MemberAddForm(GovukForm):
    """An admin invites an existing account to the organisation by username or email.

    The form never looks the account up, so its answer cannot tell the admin whether a
    username exists (in this council or another); the person joins by accepting.
    """

    who = forms.CharField(label="Username or email address", max_length=254)
    role = forms.ChoiceField(label="Role", choices=Role.choices, initial=Role.VIEWER)

    def clean_who(self) -> str:
        return str(self.cleaned_data["who"]).strip()


class MemberRoleForm(GovukForm):
    """Change a member's role."""

    role = forms.ChoiceField(label="Role", choices=Role.choices)
