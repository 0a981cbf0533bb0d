"""Admins manage who belongs to their organisation and in which role."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from lineofsight.accounts.models import Membership, MembershipInvitation

pytestmark = pytest.mark.django_db


def test_admin_lists_members(client_for, admin_user, plan_manager, viewer) -> None:
    html = client_for(admin_user).get(reverse("accounts:members")).content.decode()
    for name in ("alice.admin", "priya.manager", "victor.viewer"):
        assert name in html


def test_admin_adding_an_account_by_email_sends_an_invitation(client_for, admin_user, council) -> None:
    newcomer = get_user_model().objects.create_user("nina.new", "nina@example.test", "pw-long-enough-1")
    response = client_for(admin_user).post(
        reverse("accounts:members"), {"who": "NINA@example.test", "role": "action_owner"}
    )
    assert response.status_code == 302
    assert not Membership.objects.filter(user=newcomer, organisation=council).exists()  # not until she accepts
    assert MembershipInvitation.objects.get(user=newcomer, organisation=council).role == "action_owner"


def test_adding_an_unknown_user_looks_the_same_as_a_known_one(client_for, admin_user) -> None:
    get_user_model().objects.create_user("nina.new", "nina@example.test", "pw-long-enough-1")
    client = client_for(admin_user)
    known = client.post(reverse("accounts:members"), {"who": "nina.new", "role": "viewer"}, follow=True)
    unknown = client.post(reverse("accounts:members"), {"who": "nobody.here", "role": "viewer"}, follow=True)
    assert known.status_code == unknown.status_code == 200
    said = (
        "has a Line of Sight account, they have been invited to join as Viewer. They become a member when they accept."
    )
    assert f"If nina.new {said}" in known.content.decode()
    assert f"If nobody.here {said}" in unknown.content.decode()


def test_adding_an_existing_member_changes_nothing(client_for, admin_user, viewer) -> None:
    client_for(admin_user).post(reverse("accounts:members"), {"who": "victor.viewer", "role": "admin"})
    assert Membership.objects.get(user=viewer).role == "viewer"
    assert not MembershipInvitation.objects.exists()


def test_admin_changes_a_role_and_removes_a_member(client_for, admin_user, viewer) -> None:
    client = client_for(admin_user)
    membership = Membership.objects.get(user=viewer)
    client.post(reverse("accounts:member_role", args=[membership.pk]), {"role": "plan_manager"})
    membership.refresh_from_db()
    assert membership.role == "plan_manager"
    client.post(reverse("accounts:member_remove", args=[membership.pk]))
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_the_last_admin_cannot_be_demoted_or_removed(client_for, admin_user) -> None:
    client = client_for(admin_user)
    mine = Membership.objects.get(user=admin_user)
    response = client.post(reverse("accounts:member_role", args=[mine.pk]), {"role": "viewer"}, follow=True)
    assert "The organisation needs at least one administrator" in response.content.decode()
    client.post(reverse("accounts:member_remove", args=[mine.pk]))
    mine.refresh_from_db()
    assert mine.role == "admin"


def test_an_admin_cannot_touch_another_councils_members(client_for, admin_user, outsider) -> None:
    theirs = Membership.objects.get(user=outsider)
    response = client_for(admin_user).post(reverse("accounts:member_remove", args=[theirs.pk]))
    assert response.status_code == 404
    assert Membership.objects.filter(pk=theirs.pk).exists()


def test_members_link_shows_for_admins_only(client_for, admin_user, viewer) -> None:
    url = reverse("accounts:members")
    settings_page = reverse("accounts:organisation_settings")
    assert f'href="{url}"' in client_for(admin_user).get(settings_page).content.decode()
    assert f'href="{url}"' not in client_for(viewer).get(settings_page).content.decode()


def test_a_bookmark_of_the_old_members_address_still_finds_the_page(client_for, admin_user) -> None:
    response = client_for(admin_user).get("/tracking/members/", follow=True)
    assert response.redirect_chain == [(reverse("accounts:members"), 301)]
    assert "Members of" in response.content.decode()


def test_the_rules_keep_an_administrator(admin_user, viewer) -> None:
    from lineofsight.accounts import members

    mine = Membership.objects.get(user=admin_user)
    with pytest.raises(members.MembershipError):
        members.change_role(mine, "viewer")
    with pytest.raises(members.MembershipError):
        members.remove_member(mine)
    theirs = members.change_role(Membership.objects.get(user=viewer), "admin")
    members.remove_member(mine)  # another administrator is left
    assert list(Membership.objects.filter(role="admin")) == [theirs]
