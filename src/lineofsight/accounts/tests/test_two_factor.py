"""Administrators and plan managers sign in with a code from an authenticator app too;
anyone else may, and an admin can require it of the whole organisation."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

RIGHT = "correct-horse-9"


@pytest.fixture(autouse=True)
def real_requirement(settings):  # type: ignore[no-untyped-def]
    settings.TWO_FACTOR_REQUIRED_ROLES = ["admin", "plan_manager"]


def code_for(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def sign_in(client, username: str):  # type: ignore[no-untyped-def]
    return client.post(reverse("accounts:login"), {"username": username, "password": RIGHT})


def set_up(client) -> TOTPDevice:  # type: ignore[no-untyped-def]
    page = client.get(reverse("accounts:two_factor")).content.decode()
    assert "Enter this key" in page
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post(reverse("accounts:two_factor"), {"code": code_for(device)})
    assert response.status_code == 302, response.content.decode()[-3000:]
    device.refresh_from_db()
    assert device.confirmed
    return device


def test_a_plan_manager_must_set_it_up_before_anything_else(client, plan_manager):
    assert sign_in(client, "priya.manager").status_code == 302
    response = client.get(reverse("plans:plan_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor"))
    assert client.get(reverse("importing:upload")).status_code == 302
    set_up(client)
    assert client.get(reverse("plans:plan_list")).status_code == 200


def test_with_an_app_set_up_the_password_alone_does_not_sign_in(client, admin_user):
    sign_in(client, "alice.admin")
    device = set_up(client)
    client.logout()

    response = sign_in(client, "alice.admin")
    assert response["Location"] == reverse("accounts:two_factor_code")
    assert "_auth_user_id" not in client.session
    wrong = client.post(reverse("accounts:two_factor_code"), {"code": "000000"})
    assert wrong.status_code == 400
    assert "_auth_user_id" not in client.session
    # A wrong code makes the next try wait (django-otp's throttle), so guessing is slow.
    throttled = client.post(reverse("accounts:two_factor_code"), {"code": code_for(device)})
    assert "Too many wrong codes" in throttled.content.decode()
    # Time passes: the throttle's wait is over and the app shows a new code (one code works once).
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=None, throttling_failure_count=0, last_t=-1
    )
    device.refresh_from_db()
    done = client.post(reverse("accounts:two_factor_code"), {"code": code_for(device)})
    assert done.status_code == 302
    assert client.get(reverse("accounts:members")).status_code == 200


def test_the_code_page_without_a_password_first_goes_back_to_sign_in(client):
    assert client.get(reverse("accounts:two_factor_code"))["Location"] == reverse("accounts:login")


def test_a_viewer_signs_in_with_a_password_unless_the_organisation_requires_more(
    client_for, client, viewer, admin_user, council
):
    assert sign_in(client, "victor.viewer").status_code == 302
    assert client.get(reverse("plans:plan_list")).status_code == 200
    client.logout()

    admin = client_for(admin_user)
    TOTPDevice.objects.create(user=admin_user, name="app", confirmed=True)
    admin.post(reverse("accounts:two_factor"), {"code": code_for(TOTPDevice.objects.get(user=admin_user))})
    admin.post(reverse("accounts:require_two_factor"), {"require": "on"})
    council.refresh_from_db()
    assert council.require_two_factor
    admin.logout()

    sign_in(client, "victor.viewer")
    assert client.get(reverse("plans:plan_list"))["Location"].startswith(reverse("accounts:two_factor"))


def test_a_viewer_may_turn_it_on_and_off(client, viewer):
    sign_in(client, "victor.viewer")
    set_up(client)
    assert "Turn off two-factor sign-in" in client.get(reverse("accounts:two_factor")).content.decode()
    client.post(reverse("accounts:two_factor"), {"action": "remove"})
    assert not TOTPDevice.objects.filter(user=viewer).exists()


def test_someone_required_to_use_it_cannot_turn_it_off(client, plan_manager):
    sign_in(client, "priya.manager")
    set_up(client)
    assert client.post(reverse("accounts:two_factor"), {"action": "remove"}).status_code == 403
    assert TOTPDevice.objects.filter(user=plan_manager, confirmed=True).exists()


@pytest.mark.parametrize("persona", ["plan_manager", "viewer"])
def test_only_admins_require_it_of_the_organisation(client_for, request, council, persona, settings):
    settings.TWO_FACTOR_REQUIRED_ROLES = []
    response = client_for(request.getfixturevalue(persona)).post(
        reverse("accounts:require_two_factor"), {"require": "on"}
    )
    assert response.status_code == 403
    council.refresh_from_db()
    assert not council.require_two_factor
