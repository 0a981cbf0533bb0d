"""Inviting someone new into an organisation: an account, a role and a link to set a
password, so an admin never handles anyone's password."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from lineofsight.accounts.models import Membership, Organisation


class InvitationError(ValueError):
    """The invitation cannot be made; the message says why."""


def _username_for(email: str) -> str:
    """A free username from the email's local part: jo.bloggs, jo.bloggs2, ..."""
    users = get_user_model().objects
    base = re.sub(r"[^\w.@+-]", "", email.split("@")[0].lower())[:140] or "member"
    candidate, n = base, 1
    while users.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{base}{n}"
    return candidate


def set_password_link(user, site_url: str) -> str:  # type: ignore[no-untyped-def]
    """A one-time link to Django's set-password page for this user."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return site_url.rstrip("/") + path


def invite_member(
    organisation: Organisation,
    *,
    email: str,
    full_name: str,
    role: str,
    invited_by,  # type: ignore[no-untyped-def]
    site_url: str,
    person=None,  # type: ignore[no-untyped-def]
) -> Membership:
    """Create an account with no usable password, give it a role, link it to the person
    whose actions it will own, and e-mail a link to choose a password. All or nothing."""
    email = email.strip()
    users = get_user_model().objects
    if users.filter(email__iexact=email).exists():
        raise InvitationError(f"{email} already has an account: add it as an existing user instead")
    if person is not None and person.organisation_id != organisation.pk:
        raise InvitationError("That person belongs to another organisation")
    first, _, last = full_name.strip().rpartition(" ")
    with transaction.atomic():
        user = users.create_user(
            username=_username_for(email), email=email, first_name=first or last, last_name=last if first else ""
        )
        user.set_unusable_password()
        user.save()
        membership = Membership.objects.create(user=user, organisation=organisation, role=role)
        if person is not None:
            person.user = user
            person.email = person.email or email
            person.save(update_fields=["user", "email"])
        context = {
            "user": user,
            "organisation": organisation,
            "role": membership.get_role_display(),
            "invited_by": invited_by.get_full_name() or invited_by.get_username(),
            "link": set_password_link(user, site_url),
        }
        # Sent inside the transaction: if the mail server refuses, no half-made account is left.
        send_mail(
            subject=f"You have been added to {organisation.name} on Line of Sight",
            message=render_to_string("accounts/invitation_email.txt", context),
            from_email=None,
            recipient_list=[email],
        )
    return membership
