"""Pages for running the plan. Each view fetches through the permission helpers (404 for
another organisation's objects, 403 for a role that may not), binds a form, calls a
service and redirects."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from lineofsight.accounts.models import Membership, Role
from lineofsight.accounts.permissions import current_membership, get_for_user, require_current_membership, require_role
from lineofsight.plans import changes
from lineofsight.plans.models import Action, ActionOwner, Plan, ProgressUpdate
from lineofsight.tracking import audit, pages, services
from lineofsight.tracking.forms import (
    ActionEditForm,
    EmailPreferencesForm,
    ProgressUpdateForm,
    RagOverrideForm,
    RagSettingsForm,
    ReviewForm,
)
from lineofsight.tracking.models import EmailPreferences, EvidenceFile, RagSettings

ACTION_ORG = "recommendation__plan__organisation_id"
EDITORS = (Role.ADMIN, Role.PLAN_MANAGER)


def _action(request: HttpRequest, action_id: int) -> tuple[Action, Membership]:
    # Archived actions keep their pages (history, updates) so the trail stays readable.
    queryset = Action.all_objects.select_related("recommendation__plan").prefetch_related(
        Prefetch("owner_links", queryset=ActionOwner.objects.select_related("person"))
    )
    return get_for_user(request, queryset, ACTION_ORG, pk=action_id)


def _next_or(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


def _user(request: HttpRequest) -> User:
    """The signed-in user (views are behind ``login_required``)."""
    return cast(User, request.user)


def _render(request: HttpRequest, template: str, context: dict[str, object], status: int = 200) -> HttpResponse:
    """Render with the page to return to after the form (kept across a failed POST)."""
    context.setdefault("next_url", request.POST.get("next") or request.GET.get("next") or "")
    return render(request, template, context, status=status)


def _action_form_page(
    request: HttpRequest,
    template: str,
    action: Action,
    form: ActionEditForm | RagOverrideForm,
    conflict: changes.EditConflict | None,
) -> HttpResponse:
    """An action's form shown (again): 409 after someone else's edit, 400 with errors, else 200."""
    status = 409 if conflict else (400 if form.is_bound else 200)
    return _render(request, template, {"action": action, "form": form, "conflict": conflict}, status=status)


@login_required
def landing(request: HttpRequest) -> HttpResponse:
    """Where sign-in lands: an action owner's work is My actions; everyone else starts
    from the plans."""
    membership = current_membership(request)
    if membership is not None and membership.role == Role.ACTION_OWNER:
        return redirect("tracking:my_actions")
    return redirect("plans:plan_list")


@login_required
def my_actions(request: HttpRequest) -> HttpResponse:
    """The signed-in person's actions: returned, overdue, due soon, awaiting an update."""
    membership = current_membership(request)
    buckets = None
    to_review = None
    if membership is not None:
        buckets = services.my_actions(_user(request), membership.organisation_id)
        if membership.can_edit_plans:
            to_review = list(services.awaiting_sign_off(membership.organisation_id)[:50])
    return render(
        request,
        "tracking/my_actions.html",
        {
            "buckets": buckets,
            "to_review": to_review,
            "membership": membership,
            "rules": services.rules_for(membership.organisation_id) if membership else None,
        },
    )


@login_required
def post_update(request: HttpRequest, action_id: int) -> HttpResponse:
    """An owner (or plan manager) posts progress with evidence."""
    action, membership = _action(request, action_id)
    if not services.can_post_update(membership, _user(request), action):
        raise PermissionDenied("Only the action's owners and plan managers may post updates")
    form = ProgressUpdateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.post_update(
            action,
            _user(request),
            services.UpdateInput(data["text"], data["status"], data["rag"], data["impact"], data["evidence"]),
        )
        messages.success(request, "Your update has been posted and is awaiting sign-off")
        return redirect(_next_or(request, reverse("tracking:action_updates", args=[action.pk])))
    return _render(
        request, "tracking/post_update.html", {"action": action, "form": form}, status=400 if form.is_bound else 200
    )


@login_required
def action_updates(request: HttpRequest, action_id: int) -> HttpResponse:
    """All progress updates on an action, with evidence, review state and comments."""
    action, membership = _action(request, action_id)
    updates = (
        action.updates.select_related("author", "reviewed_by").prefetch_related("evidence").order_by("-created", "-pk")
    )
    return render(
        request,
        "tracking/action_updates.html",
        {
            "action": action,
            "updates": updates,
            "membership": membership,
            # The panel at the top (tracking/_panel.html): latest update, may post, may edit.
            **pages.action_panel(request, action, membership),
        },
    )


@login_required
def review_update(request: HttpRequest, update_id: int) -> HttpResponse:
    """The plan manager signs an update off or returns it with a comment."""
    update, membership = get_for_user(
        request,
        ProgressUpdate.objects.select_related("action__recommendation__plan", "author"),
        f"action__{ACTION_ORG}",
        pk=update_id,
    )
    require_role(membership, *EDITORS)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        try:
            services.review_update(update, _user(request), accept=accept, comment=form.cleaned_data["comment"])
        except services.ReviewError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Update signed off" if accept else "Update returned to the owner")
            return redirect(_next_or(request, reverse("tracking:action_updates", args=[update.action_id])))
    return _render(
        request,
        "tracking/review_update.html",
        {"update": update, "action": update.action, "form": form},
        status=400 if form.is_bound else 200,
    )


def _conflict_form(form: ActionEditForm | RagOverrideForm, conflict: changes.EditConflict) -> None:
    """Keep what the person typed, but move them onto the saved version so that a
    deliberate second save (after reading the other change) goes through."""
    data = form.data.copy()  # type: ignore[attr-defined]
    data["version"] = str(conflict.current.version)
    form.data = data
    form.add_error(
        None,
        "Someone else saved this action after you opened it. Their changes are listed below; "
        "your text is still in the form. Check it and save again to replace their changes.",
    )


@login_required
def edit_action(request: HttpRequest, action_id: int) -> HttpResponse:
    """Plan managers edit the action's text, owners, deadline, status and RAG override."""
    action, membership = _action(request, action_id)
    require_role(membership, *EDITORS)
    org_id = action.recommendation.plan.organisation_id
    if request.method == "POST":
        form = ActionEditForm(request.POST, organisation_id=org_id)
    else:
        form = ActionEditForm(initial=ActionEditForm.initial_for(action), organisation_id=org_id)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            form.save(action, _user(request))
        except changes.DeadlineReasonMissing as exc:
            form.add_error("due_date_reason", str(exc))
        except changes.EditConflict as exc:
            conflict = exc
            _conflict_form(form, exc)
        else:
            messages.success(request, "Action saved")
            return redirect(_next_or(request, reverse("plans:action_detail", args=[action.pk])))
    return _action_form_page(request, "tracking/edit_action.html", action, form, conflict)


@login_required
def override_rag(request: HttpRequest, action_id: int) -> HttpResponse:
    """Override the rules' RAG with a reason (or clear the override)."""
    action, membership = _action(request, action_id)
    require_role(membership, *EDITORS)
    initial = {
        "rag_override": action.rag_override,
        "rag_override_reason": action.rag_override_reason,
        "version": action.version,
    }
    form = RagOverrideForm(request.POST or None, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        rag = form.cleaned_data["rag_override"]
        try:
            services.override_rag(
                action,
                _user(request),
                expected_version=form.cleaned_data["version"],
                rag=rag,
                reason=form.cleaned_data["rag_override_reason"],
            )
        except changes.EditConflict as exc:
            conflict = exc
            _conflict_form(form, exc)
        else:
            messages.success(request, "RAG override saved; the owners were told" if rag else "RAG override removed")
            return redirect(_next_or(request, reverse("tracking:action_updates", args=[action.pk])))
    return _action_form_page(request, "tracking/override_rag.html", action, form, conflict)


@login_required
def action_history(request: HttpRequest, action_id: int) -> HttpResponse:
    """Who changed what on this action, and when (old → new)."""
    action, _membership = _action(request, action_id)
    page, entries = audit.activity_page([action], request.GET.get("page"))
    return render(request, "tracking/action_history.html", {"action": action, "page": page, "entries": entries})


@login_required
def plan_activity(request: HttpRequest, plan_id: int) -> HttpResponse:
    """Everything that happened across a plan's actions, newest first."""
    plan, _membership = get_for_user(request, Plan.objects.all(), "organisation_id", pk=plan_id)
    # Archived actions stay in the feed: their history is part of the plan's.
    actions = list(Action.all_objects.filter(recommendation__plan=plan).select_related("recommendation"))
    page, entries = audit.activity_page(actions, request.GET.get("page"))
    return render(request, "tracking/plan_activity.html", {"plan": plan, "page": page, "entries": entries})


@login_required
def evidence_download(request: HttpRequest, evidence_id: int) -> FileResponse:
    """Stream an evidence file to members of its organisation (never a public URL)."""
    evidence, _membership = get_for_user(
        request,
        EvidenceFile.objects.select_related("update__action__recommendation__plan"),
        f"update__action__{ACTION_ORG}",
        pk=evidence_id,
    )
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("The file is missing from storage") from exc
    response = FileResponse(handle, as_attachment=True, filename=evidence.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def rag_settings(request: HttpRequest) -> HttpResponse:
    """The council's RAG thresholds (admins and plan managers)."""
    membership = require_current_membership(request)
    require_role(membership, *EDITORS)
    instance = RagSettings.for_organisation(membership.organisation)
    form = RagSettingsForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        changed = services.refresh_rag(
            Action.objects.filter(recommendation__plan__organisation_id=membership.organisation_id)
        )
        messages.success(request, f"RAG settings saved; {changed} actions changed RAG or drift")
        return redirect("tracking:rag_settings")
    return render(request, "tracking/rag_settings.html", {"form": form}, status=400 if form.is_bound else 200)


@login_required
def email_preferences(request: HttpRequest) -> HttpResponse:
    """Which optional emails the signed-in person wants (any member may change their own)."""
    require_current_membership(request)
    instance, _ = EmailPreferences.objects.get_or_create(user=_user(request))
    form = EmailPreferencesForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Email preferences saved")
        return redirect("tracking:email_preferences")
    return render(request, "tracking/email_preferences.html", {"form": form}, status=400 if form.is_bound else 200)
