"""After sign-in an action owner lands on My actions; everyone else on Plans."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("who", "lands_on"),
    [("action_owner", "tracking:my_actions"), ("plan_manager", "plans:plan_list"), ("viewer", "plans:plan_list")],
)
def test_sign_in_lands_owners_on_my_actions(client, request, who, lands_on) -> None:
    user = request.getfixturevalue(who)
    response = client.post(
        reverse("accounts:login"), {"username": user.username, "password": "correct-horse-9"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse(lands_on)
