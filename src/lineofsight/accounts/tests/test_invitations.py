"""An admin invites a new officer, who sets a password from the email and signs in."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from lineofsight.accounts.models import Membership

pytestmark = pytest.mark.django_db


def invite(client, **data):  # type: ignore[no-untyped-def]
    form = {"full_name": "Jo Bloggs", "email": "jo.bloggs@example.test", "role": "action_owner", "person": ""}
    form.update(data)
    return client.post(reverse("accounts:invite"), form)


def test_admin_invites_an_owner_who_sets_a_password_and_sees_their_actions(
    client_for, admin_user, example_plan, council, client
):
    person = council.people.get(name="Service Manager, Leaving Care")
    response = invite(client_for(admin_user), person=person.pk)
    assert response.status_code == 302

    user = get_user_model().objects.get(email="jo.bloggs@example.test")
    assert not user.has_usable_password()
    assert Membership.objects.get(user=user, organisation=council).role == "action_owner"
    person.refresh_from_db()
    assert person.user == user

    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Example Borough Council" in mail.outbox[0].subject
    link = re.search(r"https?://\S+/accounts/password/set/\S+/", body).group(0)
    client.logout()
    # Django swaps the token in the link for one kept in the session, then shows the form.
    page = client.get(urlsplit(link).path, follow=True)
    assert "Choose your password" in page.content.decode()
    form_url = page.redirect_chain[-1][0]
    new_password = {"new_password1": "a-long-new-password-7", "new_password2": "a-long-new-password-7"}
    assert client.post(form_url, new_password).status_code == 302

    assert client.login(username=user.username, password="a-long-new-password-7")
    my_actions = client.get(reverse("tracking:my_actions")).content.decode()
    assert "Review every unsuitable placement of a care leaver." in my_actions


def test_an_email_with_an_account_gets_an_invitation_and_no_second_account(client_for, admin_user, outsider, council):
    response = invite(client_for(admin_user), email=outsider.email)
    assert response.status_code == 302
    assert get_user_model().objects.filter(email=outsider.email).count() == 1
    assert not Membership.objects.filter(user=outsider, organisation=council).exists()
    assert [m.to for m in mail.outbox] == [[outsider.email]]
    assert "invites you to Example Borough Council" in mail.outbox[0].subject


def test_the_admin_is_told_the_same_for_a_new_address_and_a_known_one(client_for, admin_user, outsider):
    client = client_for(admin_user)
    known = client.get(invite(client, email=outsider.email)["Location"]).content.decode()
    new = client.get(invite(client, email="jo.bloggs@example.test")["Location"]).content.decode()
    assert f"An invitation has been sent to {outsider.email}" in known
    assert "An invitation has been sent to jo.bloggs@example.test" in new
    assert f"{outsider.email} already has an account" not in known


@pytest.mark.parametrize("persona", ["plan_manager", "viewer"])
def test_only_admins_may_invite(client_for, request, persona):
    user = request.getfixturevalue(persona)
    assert invite(client_for(user)).status_code == 403
    assert not get_user_model().objects.filter(email="jo.bloggs@example.test").exists()


def test_a_person_of_another_council_cannot_be_linked(client_for, admin_user, outsider, other_council):
    from lineofsight.plans.models import Person

    theirs = Person.objects.create(organisation=other_council, name="Their Head of Service")
    response = invite(client_for(admin_user), person=theirs.pk)
    assert response.status_code == 400  # not a choice for this council
    theirs.refresh_from_db()
    assert theirs.user is None


def test_forgotten_password_sends_a_link_only_to_known_addresses(client, viewer):
    client.post(reverse("accounts:password_reset"), {"email": viewer.email})
    client.post(reverse("accounts:password_reset"), {"email": "nobody@example.test"})
    assert [m.to for m in mail.outbox] == [[viewer.email]]
