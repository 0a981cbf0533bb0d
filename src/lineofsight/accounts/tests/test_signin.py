"""Sign-in holds against a determined guesser, and a real officer still gets in.

A guesser tries spellings of one username, hides behind the council's load balancer, or
keeps going for hours; the owner of the account, on another machine, must not be locked
out for long once the attack stops.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from lineofsight.accounts.models import SignInAttempt
from lineofsight.accounts.signin import back_off_seconds, normalise_username

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
RIGHT = "correct-horse-9"


def sign_in(client, username: str, password: str, **headers: str):  # type: ignore[no-untyped-def]
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def time_passes(seconds: int) -> None:
    """Move every remembered failure ``seconds`` into the past."""
    SignInAttempt.objects.update(created=F("created") - timedelta(seconds=seconds))


def test_username_spellings_are_one_account():
    assert {
        normalise_username(v)
        for v in ["owen.owner", " Owen.Owner ", "OWEN.OWNER\t", "ｏｗｅｎ.ｏｗｎｅｒ", "Owen.Owner\n"]
    } == {"owen.owner"}


def test_any_spelling_of_the_username_signs_in(client, action_owner):
    assert sign_in(client, "  Owen.Owner ", RIGHT).status_code == 302
    client.logout()
    assert sign_in(client, "ＯＷＥＮ.ＯＷＮＥＲ", RIGHT).status_code == 302


def test_spellings_share_one_lockout_so_the_right_password_then_waits(client, action_owner):
    for variant in ["owen.owner", " owen.owner", "OWEN.OWNER", "ｏｗｅｎ.ｏｗｎｅｒ", "Owen.Owner  "]:
        assert sign_in(client, variant, "wrong").status_code == 200
    assert set(SignInAttempt.objects.values_list("username", flat=True)) == {"owen.owner"}
    response = sign_in(client, " Owen.Owner", RIGHT)
    assert response.status_code == 429
    waited = re.search(
        r"Too many failed sign-in attempts\. Wait (\d+) seconds?, then try again\.", response.content.decode()
    )
    assert waited and 0 < int(waited.group(1)) <= 30
    assert 0 < int(response["Retry-After"]) <= 30
    assert "_auth_user_id" not in client.session


def test_fifteen_guesses_never_end_in_the_right_password_being_accepted(client, action_owner):
    refused = 0
    for k in range(15):
        if sign_in(client, [" owen.owner", "OWEN.owner", "owen.owner "][k % 3], f"guess-{k}").status_code == 429:
            refused += 1
        time_passes(31)  # the guesser waits out the first back-off each time
    assert refused > 0
    assert sign_in(client, "owen.owner", RIGHT).status_code == 429


def test_the_wait_doubles_with_each_failure_up_to_a_ceiling(settings):
    settings.LOGIN_BACKOFF_BASE_SECONDS = 30
    settings.LOGIN_BACKOFF_MAX_SECONDS = 900
    assert [back_off_seconds(n, 5) for n in range(3, 12)] == [0, 0, 30, 60, 120, 240, 480, 900, 900]


def test_the_back_off_grows_after_each_failure(client, action_owner):
    for _ in range(5):
        sign_in(client, "owen.owner", "wrong")
    time_passes(31)
    assert sign_in(client, "owen.owner", "wrong").status_code == 200  # allowed to try, and wrong
    response = sign_in(client, "owen.owner", RIGHT)
    assert response.status_code == 429
    assert "Wait 1 minute, then try again." in response.content.decode()
    time_passes(61)
    assert sign_in(client, "owen.owner", RIGHT).status_code == 302


def test_a_real_user_signs_in_soon_after_an_attack_from_another_address_ends(client, action_owner, settings):
    settings.SIGNIN_CLIENT_IP_HEADER = "X-Forwarded-For"
    attacker = {"HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    for k in range(40):
        time_passes(settings.LOGIN_BACKOFF_MAX_SECONDS)  # a patient attacker, for hours
        assert sign_in(client, "owen.owner", f"guess-{k}", **attacker).status_code == 200
    office = {"HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    during = sign_in(client, "owen.owner", RIGHT, **office)
    assert during.status_code == 429
    assert "Wait 15 minutes" in during.content.decode()  # never longer than the ceiling
    time_passes(settings.LOGIN_BACKOFF_MAX_SECONDS)  # the attack has stopped
    assert sign_in(client, "owen.owner", RIGHT, **office).status_code == 302


def test_behind_the_configured_proxy_one_attacker_cannot_lock_out_the_office(client, action_owner, viewer, settings):
    settings.SIGNIN_CLIENT_IP_HEADER = "X-Forwarded-For"
    # Every request reaches Django from the load balancer's own address.
    via_balancer = {"REMOTE_ADDR": "10.0.0.5"}
    for k in range(25):  # many usernames from one address: the address is slowed
        sign_in(client, f"someone{k}", "wrong", HTTP_X_FORWARDED_FOR="203.0.113.66", **via_balancer)
    assert (
        sign_in(client, "victor.viewer", RIGHT, HTTP_X_FORWARDED_FOR="203.0.113.66", **via_balancer).status_code == 429
    )
    # A spoofed entry to the left of the balancer's is not believed.
    spoofed = sign_in(client, "victor.viewer", RIGHT, HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.66", **via_balancer)
    assert spoofed.status_code == 429
    # A colleague behind the same balancer, from their own address, signs in.
    assert sign_in(client, "owen.owner", RIGHT, HTTP_X_FORWARDED_FOR="198.51.100.7", **via_balancer).status_code == 302


def test_without_a_configured_header_the_forwarded_address_is_ignored(client, action_owner, settings):
    settings.SIGNIN_CLIENT_IP_HEADER = ""
    for k in range(25):  # a different forged address each time: all counted as one caller
        sign_in(client, f"someone{k}", "wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{k}")
    assert set(SignInAttempt.objects.values_list("ip_address", flat=True)) == {"127.0.0.1"}
    assert sign_in(client, "owen.owner", RIGHT, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 429


def test_a_malformed_forwarded_header_falls_back_to_the_proxy_address(client, action_owner, settings):
    settings.SIGNIN_CLIENT_IP_HEADER = "X-Forwarded-For"
    sign_in(client, "owen.owner", "wrong", HTTP_X_FORWARDED_FOR="not-an-address")
    assert SignInAttempt.objects.get().ip_address == "127.0.0.1"


def test_old_failures_are_forgotten(client, action_owner, settings):
    for _ in range(5):
        sign_in(client, "owen.owner", "wrong")
    time_passes(settings.LOGIN_FAILURE_WINDOW_SECONDS + 1)
    sign_in(client, "owen.owner", "wrong")
    assert SignInAttempt.objects.count() == 1
    assert SignInAttempt.objects.get().created > timezone.now() - timedelta(minutes=1)


# --------------------------------------------------------------------------- passwords


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("council1", "too short"),
        ("11111112", "too short"),
        ("2026-01-23", "too short"),
        ("123456789012", "entirely numeric"),
        ("password1234", "too common"),
        ("owen.owner.example", "too similar"),
    ],
)
def test_weak_passwords_are_refused_on_the_change_password_page(client_for, action_owner, password, reason):
    client = client_for(action_owner)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": RIGHT, "new_password1": password, "new_password2": password},
    )
    assert response.status_code == 200
    assert reason in response.content.decode()
    action_owner.refresh_from_db()
    assert action_owner.check_password(RIGHT)


def test_an_officer_changes_their_password_and_signs_in_with_it(client_for, client, action_owner):
    signed_in = client_for(action_owner)
    page = signed_in.get(reverse("accounts:password_change"))
    assert "Change your password" in page.content.decode()
    new = "Leaving-care-panel-meets-Tuesdays"
    response = signed_in.post(
        reverse("accounts:password_change"), {"old_password": RIGHT, "new_password1": new, "new_password2": new}
    )
    assert response["Location"] == reverse("accounts:password_change_done")
    assert "Password changed" in signed_in.get(response["Location"]).content.decode()
    signed_in.logout()
    assert sign_in(client, "owen.owner", RIGHT).status_code == 200
    assert sign_in(client, "owen.owner", new).status_code == 302


def test_the_wrong_current_password_changes_nothing(client_for, action_owner):
    new = "Leaving-care-panel-meets-Tuesdays"
    response = client_for(action_owner).post(
        reverse("accounts:password_change"), {"old_password": "not-it", "new_password1": new, "new_password2": new}
    )
    assert response.status_code == 200
    action_owner.refresh_from_db()
    assert action_owner.check_password(RIGHT)


def test_the_change_password_page_needs_a_sign_in(client):
    response = client.get(reverse("accounts:password_change"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_while_waiting_the_password_is_not_even_checked(client, action_owner, monkeypatch):
    for _ in range(5):
        sign_in(client, "owen.owner", "wrong")
    checked = []
    from lineofsight.accounts.backends import NormalisedUsernameBackend

    monkeypatch.setattr(NormalisedUsernameBackend, "authenticate", lambda *a, **k: checked.append(1))
    response = sign_in(client, "owen.owner", RIGHT)
    assert response.status_code == 429
    assert checked == []
    assert 'value="owen.owner"' in response.content.decode()  # what they typed is kept
