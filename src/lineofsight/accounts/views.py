"""Sign in, sign out and the organisation switcher."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from lineofsight.accounts import members as member_rules
from lineofsight.accounts import membership_invitations, signin, two_factor
from lineofsight.accounts.forms import InviteForm, MemberAddForm, MemberRoleForm
from lineofsight.accounts.invitations import InvitationError, invite_member
from lineofsight.accounts.models import Membership, MembershipInvitation, Role
from lineofsight.accounts.permissions import (
    SESSION_KEY,
    get_for_user,
    membership_in,
    require_current_membership,
    require_role,
)

client_ip = signin.client_ip  # the address the limits count (a configured proxy header, else REMOTE_ADDR)


class SignInView(auth_views.LoginView):
    """Django's sign-in, with an exponential back-off after repeated failures."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        username = request.POST.get("username", "")
        wait = signin.lockout(username, client_ip(request))
        if wait is not None:
            # The password is not even checked, so a guess made while waiting learns nothing.
            # An unbound form: a bound one would run authenticate() while validating.
            form = self.get_form_class()(request, initial={"username": username})
            form.cleaned_data = {}  # add_error expects a validated form; this one never validates
            form.add_error(None, wait.message)
            response = self.render_to_response(self.get_context_data(form=form), status=429)
            response["Retry-After"] = str(wait.seconds)
            return response
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        user = form.get_user()
        signin.clear_failures(user.get_username())
        if two_factor.confirmed_device(user) is not None:
            # The password was right; the session is not signed in until the code is too.
            self.request.session[two_factor.PENDING_KEY] = {
                "user": user.pk,
                "backend": getattr(user, "backend", ""),
                "next": self.get_success_url(),
            }
            return redirect("accounts:two_factor_code")
        return super().form_valid(form)

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        signin.record_failure(self.request.POST.get("username", ""), client_ip(self.request))
        return super().form_invalid(form)


class ChangePasswordView(auth_views.PasswordChangeView):
    """A signed-in person changes their own password (the validators in settings apply)."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, "Your password has been changed.")
        return response


@login_required
@require_POST
def switch_organisation(request: HttpRequest) -> HttpResponse:
    """Choose which of the user's organisations the pages show."""
    try:
        org_id = int(request.POST.get("organisation", ""))
    except ValueError as exc:
        raise Http404 from exc
    membership = membership_in(request.user, org_id)
    if membership is None:
        raise Http404("Not a member of that organisation")
    request.session[SESSION_KEY] = org_id
    messages.success(request, f"Now showing {membership.organisation.name}")
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "plans:plan_list"
    return redirect(target)


@login_required
def invite(request: HttpRequest) -> HttpResponse:
    """Admins invite someone with no account: they get an e-mail to choose a password."""
    membership = require_current_membership(request, Role.ADMIN)
    form = InviteForm(request.POST or None, organisation=membership.organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        sent = f"An invitation has been sent to {data['email']}"
        if get_user_model().objects.filter(email__iexact=data["email"].strip()).exists():
            # An existing account (perhaps another council's) joins only by accepting, and the
            # admin is told exactly what they would be told for a new address.
            membership_invitations.offer(
                membership.organisation,
                data["email"],
                data["role"],
                invited_by=request.user,
                site_url=settings.SITE_URL,
            )
            messages.success(request, sent)
            return redirect("accounts:members")
        try:
            invite_member(
                membership.organisation,
                email=data["email"],
                full_name=data["full_name"],
                role=data["role"],
                person=data["person"],
                invited_by=request.user,
                site_url=settings.SITE_URL,
            )
        except InvitationError as exc:
            form.add_error("email", str(exc))
        else:
            messages.success(request, sent)
            return redirect("accounts:members")
    return render(request, "accounts/invite.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def organisation_settings(request: HttpRequest) -> HttpResponse:
    """Everything about the organisation and one's own account, by role: the header links here
    instead of listing every settings page, so it stays on one line."""
    membership = require_current_membership(request)
    return render(
        request,
        "accounts/organisation_settings.html",
        {
            "is_admin": membership.role == Role.ADMIN,
            "is_editor": membership.role in (Role.ADMIN, Role.PLAN_MANAGER),
            "open_invitations": len(membership_invitations.open_invitations(request.user)),
        },
    )


@login_required
def invitations(request: HttpRequest) -> HttpResponse:
    """The signed-in person's invitations to join organisations, to accept or decline."""
    return render(
        request, "accounts/invitations.html", {"invitations": membership_invitations.open_invitations(request.user)}
    )


@login_required
@require_POST
def invitation_answer(request: HttpRequest, invitation_id: int) -> HttpResponse:
    """Accept or decline one invitation; only the person invited may answer it (else 404)."""
    invitation = MembershipInvitation.objects.filter(pk=invitation_id, user=request.user).first()  # type: ignore[misc]
    if invitation is None:
        raise Http404("No such invitation of yours")
    accept = request.POST.get("answer") == "accept"
    try:
        membership = membership_invitations.answer(invitation, accept=accept)
    except membership_invitations.InvitationGone as exc:
        messages.error(request, str(exc))
        return redirect("accounts:invitations")
    if membership is None:
        messages.success(request, f"You declined the invitation to {invitation.organisation.name}")
        return redirect("accounts:invitations")
    request.session[SESSION_KEY] = membership.organisation_id
    messages.success(
        request, f"You are now a member of {membership.organisation.name} as {membership.get_role_display()}"
    )
    return redirect("plans:plan_list")


def two_factor_code(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: the code from the person's authenticator app."""
    pending = request.session.get(two_factor.PENDING_KEY)
    user = get_user_model().objects.filter(pk=int((pending or {}).get("user") or 0)).first()
    device = two_factor.confirmed_device(user) if user is not None else None
    if pending is None or user is None or device is None:
        return redirect("accounts:login")
    error = None
    if request.method == "POST":
        ok, error = two_factor.check_code(device, request.POST.get("code", ""))
        if ok:
            del request.session[two_factor.PENDING_KEY]
            login(request, user, backend=pending["backend"] or None)
            otp_login(request, device)
            target = pending.get("next") or ""
            if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
                target = reverse("plans:plan_list")
            return redirect(target)
    status = 400 if error else 200
    return render(request, "accounts/two_factor_code.html", {"error": error}, status=status)


@login_required
def two_factor_settings(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app, confirm this session with a code, or turn it off
    (only for someone who is not required to use it)."""
    user = request.user
    device = two_factor.confirmed_device(user)
    required = two_factor.must_use(user, getattr(request, "memberships", None))
    error = None
    if request.method == "POST" and request.POST.get("action") == "remove" and device is not None:
        if required:
            raise PermissionDenied("Your role or organisation requires two-factor sign-in")
        device.delete()
        messages.success(request, "Two-factor sign-in is off")
        return redirect("accounts:two_factor")
    if request.method == "POST":
        target_device = device or two_factor.unconfirmed_device(user)
        ok, error = two_factor.check_code(target_device, request.POST.get("code", ""))
        if ok:
            if not target_device.confirmed:
                target_device.confirmed = True
                target_device.save(update_fields=["confirmed"])
                messages.success(
                    request, "Two-factor sign-in is on: you will be asked for a code each time you sign in"
                )
            otp_login(request, target_device)
            target = request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
                target = reverse("accounts:two_factor")
            return redirect(target)
    context: dict[str, Any] = {"device": device, "required": required, "error": error, "verified": user.is_verified()}  # type: ignore[union-attr]
    if device is None:
        setting_up = two_factor.unconfirmed_device(user)
        context["secret"] = two_factor.secret_text(setting_up)
        context["config_url"] = setting_up.config_url
    return render(request, "accounts/two_factor.html", context, status=400 if error else 200)


@login_required
@require_POST
def require_two_factor(request: HttpRequest) -> HttpResponse:
    """An admin requires (or stops requiring) two-factor sign-in for their whole organisation."""
    membership = require_current_membership(request, Role.ADMIN)
    organisation = membership.organisation
    organisation.require_two_factor = request.POST.get("require") == "on"
    organisation.save(update_fields=["require_two_factor"])
    if organisation.require_two_factor:
        messages.success(request, f"Everyone in {organisation.name} must now sign in with a code from an app")
    else:
        messages.success(request, "Two-factor sign-in is required only of administrators and plan managers")
    return redirect("accounts:members")


# --- Members (issue 16: moved here from tracking) -------------------------------------


@login_required
def members(request: HttpRequest) -> HttpResponse:
    """Admins list, add, re-role and remove members of their organisation."""
    membership = require_current_membership(request)
    require_role(membership, Role.ADMIN)
    organisation = membership.organisation
    form = MemberAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        who, role = form.cleaned_data["who"], form.cleaned_data["role"]
        membership_invitations.offer(organisation, who, role, invited_by=request.user, site_url=settings.SITE_URL)
        # The same words whether or not the account exists: nothing is learnt about other councils.
        messages.success(
            request,
            f"If {who} has a Line of Sight account, they have been invited to join as {Role(role).label}. "
            "They become a member when they accept.",
        )
        return redirect("accounts:members")
    people = organisation.memberships.select_related("user").order_by("user__username")
    return render(
        request,
        "accounts/members.html",
        {"form": form, "memberships": people, "organisation": organisation, "role_form": MemberRoleForm()},
        status=400 if form.is_bound else 200,
    )


def _managed_membership(request: HttpRequest, membership_id: int) -> Membership:
    target, mine = get_for_user(request, Membership.objects.select_related("user"), "organisation_id", pk=membership_id)
    require_role(mine, Role.ADMIN)
    return target


@login_required
@require_POST
def member_role(request: HttpRequest, membership_id: int) -> HttpResponse:
    """Change one member's role."""
    target = _managed_membership(request, membership_id)
    form = MemberRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a role")
        return redirect("accounts:members")
    try:
        member_rules.change_role(target, form.cleaned_data["role"])
    except member_rules.MembershipError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"{target.user.get_username()} is now {target.get_role_display()}")
    return redirect("accounts:members")


@login_required
@require_POST
def member_remove(request: HttpRequest, membership_id: int) -> HttpResponse:
    """Remove a member from the organisation."""
    target = _managed_membership(request, membership_id)
    try:
        member_rules.remove_member(target)
    except member_rules.MembershipError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"{target.user.get_username()} removed")
    return redirect("accounts:members")
