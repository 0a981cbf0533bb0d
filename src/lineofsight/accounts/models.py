"""Organisations and who may do what in them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords


class Organisation(models.Model):
    """A council (or partner agency) whose children's services run improvement plans.

    Everything a council enters belongs to exactly one organisation, and nobody sees
    another organisation's data: every view looks objects up through it.
    """

    class Kind(models.TextChoices):
        COUNCIL = "council", "Local authority"
        PARTNER = "partner", "Partner agency"
        REGION = "region", "Regional partnership"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.COUNCIL)
    require_two_factor = models.BooleanField(
        default=False, help_text="Every member must sign in with a code from an authenticator app"
    )
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    """What a member may do. Ordered from most to least power."""

    ADMIN = "admin", "Administrator"
    PLAN_MANAGER = "plan_manager", "Plan manager"
    ACTION_OWNER = "action_owner", "Action owner"
    VIEWER = "viewer", "Viewer"


class Membership(models.Model):
    """A user's place in an organisation, with the role that sets what they may change.

    Admins manage members; plan managers (usually the performance or quality-assurance
    officer) edit plans and sign updates off; action owners update their own actions;
    viewers (board members, advisers) read.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.VIEWER)
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name", "user__username"]
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org")]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} at {self.organisation}"

    @property
    def can_manage_members(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def can_edit_plans(self) -> bool:
        return self.role in (Role.ADMIN, Role.PLAN_MANAGER)

    @property
    def can_update_actions(self) -> bool:
        """Whether the member may post progress at all (owners only on their own actions)."""
        return self.role in (Role.ADMIN, Role.PLAN_MANAGER, Role.ACTION_OWNER)


class SignInAttempt(models.Model):
    """A failed sign-in, kept briefly so repeated guessing can be slowed down.

    Stored in the database rather than a per-process cache so the limit holds across
    several web workers.
    """

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.username} from {self.ip_address} at {self.created:%Y-%m-%d %H:%M}"


class MembershipInvitation(models.Model):
    """An offer of a role in an organisation to someone who already has an account.

    An admin can never add an existing account to their council directly: the person
    accepts (or declines) on their own invitations page, so nobody is placed in another
    council's organisation without consent, and the admin learns nothing about whether
    the username they typed exists.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.VIEWER)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    responded = models.DateTimeField(null=True, blank=True)
    accepted = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"],
                condition=models.Q(responded__isnull=True),
                name="one_open_invitation_per_org",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} invited to {self.organisation} as {self.get_role_display()}"
