"""The admin's form for a new API token."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model

from lineofsight.accounts.models import Organisation
from lineofsight.api.models import ApiToken
from lineofsight.core.forms import GovukForm


class TokenForm(GovukForm):
    """Who the token acts as, what it may do, and for how long."""

    user = forms.ModelChoiceField(
        label="Acts as",
        queryset=get_user_model().objects.none(),
        help_text="A member of this organisation: the token has their role here, and only here",
        error_messages={"required": "Choose the member the token acts as"},
    )
    scope = forms.ChoiceField(
        label="Scope", choices=ApiToken.Scope.choices, initial=ApiToken.Scope.READ, widget=forms.RadioSelect
    )
    expires = forms.IntegerField(
        label="Expires after (days)", required=False, min_value=1, max_value=3650, help_text="Leave blank for no expiry"
    )
    name = forms.CharField(
        label="What it is for", required=False, max_length=200, help_text="For example, Power BI scorecard"
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        members = get_user_model().objects.filter(memberships__organisation=organisation).order_by("username")
        self.fields["user"].queryset = members  # type: ignore[attr-defined]
        self.fields["user"].label_from_instance = lambda user: user.get_username()  # type: ignore[attr-defined]
