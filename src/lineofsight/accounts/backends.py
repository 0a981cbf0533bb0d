"""Sign-in that finds an account however its username was typed."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from lineofsight.accounts.signin import normalise_username


class NormalisedUsernameBackend(ModelBackend):
    """Django's model backend, looking the username up in its normalised form.

    "Alice.Admin ", "alice.admin" and full-width "ａｌｉｃｅ.ａｄｍｉｎ" are one account, so
    they share one failure count (``signin.py``) and none of them is a different user.
    """

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> Any:
        if username is None or password is None:
            return None
        wanted = normalise_username(username)
        users = get_user_model()._default_manager
        candidates = [
            u for u in users.filter(username__iexact=wanted) if normalise_username(u.get_username()) == wanted
        ]
        if len(candidates) != 1:
            # Run the hasher anyway, so an unknown username takes as long as a wrong password.
            get_user_model()().set_password(password)
            return None
        user = candidates[0]
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
