"""An officer of another council joins this one only by accepting an invitation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from lineofsight.accounts.models import Membership, MembershipInvitation

pytestmark = pytest.mark.django_db


def invite_outsider(client_for, admin_user, role="plan_manager"):  # type: ignore[no-untyped-def]
    return client_for(admin_user).post(reverse("accounts:members"), {"who": "Oscar.Outsider ", "role": role})


def test_an_officer_of_another_council_accepts_and_joins_with_the_offered_role(
    client_for, admin_user, outsider, council, other_council
):
    invite_outsider(client_for, admin_user)
    assert not Membership.objects.filter(user=outsider, organisation=council).exists()
    assert reverse("accounts:invitations") in mail.outbox[0].body

    client = client_for(outsider)
    page = client.get(reverse("accounts:invitations")).content.decode()
    assert "Example Borough Council" in page and "Plan manager" in page
    invitation = MembershipInvitation.objects.get(user=outsider)
    response = client.post(reverse("accounts:invitation_answer", args=[invitation.pk]), {"answer": "accept"})
    assert response.status_code == 302
    assert Membership.objects.get(user=outsider, organisation=council).role == "plan_manager"
    assert Membership.objects.filter(user=outsider, organisation=other_council).exists()  # still theirs too
    # Answered once: the invitation is gone from the page and cannot be used again.
    assert "no invitations waiting" in client.get(reverse("accounts:invitations")).content.decode()
    again = client.post(reverse("accounts:invitation_answer", args=[invitation.pk]), {"answer": "accept"}, follow=True)
    assert "has been answered or has lapsed" in again.content.decode()


def test_declining_leaves_the_officer_out(client_for, admin_user, outsider, council):
    invite_outsider(client_for, admin_user)
    invitation = MembershipInvitation.objects.get(user=outsider)
    client_for(outsider).post(reverse("accounts:invitation_answer", args=[invitation.pk]), {"answer": "decline"})
    assert not Membership.objects.filter(user=outsider, organisation=council).exists()
    invitation.refresh_from_db()
    assert invitation.responded is not None and not invitation.accepted


def test_nobody_else_can_answer_someone_elses_invitation(client_for, admin_user, outsider, viewer, council):
    invite_outsider(client_for, admin_user)
    invitation = MembershipInvitation.objects.get(user=outsider)
    response = client_for(viewer).post(
        reverse("accounts:invitation_answer", args=[invitation.pk]), {"answer": "accept"}
    )
    assert response.status_code == 404
    assert not Membership.objects.filter(user=outsider, organisation=council).exists()
    page = client_for(viewer).get(reverse("accounts:invitations")).content.decode()
    assert reverse("accounts:invitation_answer", args=[invitation.pk]) not in page


def test_a_lapsed_invitation_cannot_be_accepted(client_for, admin_user, outsider, council):
    invite_outsider(client_for, admin_user)
    invitation = MembershipInvitation.objects.get(user=outsider)
    MembershipInvitation.objects.filter(pk=invitation.pk).update(created=invitation.created - timedelta(days=15))
    client_for(outsider).post(reverse("accounts:invitation_answer", args=[invitation.pk]), {"answer": "accept"})
    assert not Membership.objects.filter(user=outsider, organisation=council).exists()


def test_a_second_offer_replaces_the_first(client_for, admin_user, outsider):
    invite_outsider(client_for, admin_user, role="viewer")
    invite_outsider(client_for, admin_user, role="action_owner")
    assert list(MembershipInvitation.objects.values_list("role", flat=True)) == ["action_owner"]


def test_the_outsider_sees_nothing_of_the_council_before_accepting(client_for, admin_user, outsider, example_plan):
    invite_outsider(client_for, admin_user)
    response = client_for(outsider).get(reverse("plans:plan_detail", args=[example_plan.pk]))
    assert response.status_code == 404
