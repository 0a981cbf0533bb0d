"""Plan list, plan page, recommendation and action pages.

Each view fetches through ``accounts.permissions`` so that objects of organisations
the user does not belong to answer 404.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Model, Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from lineofsight.accounts.models import Membership, Role
from lineofsight.accounts.permissions import get_for_user, require_current_membership, require_role
from lineofsight.plans import services
from lineofsight.plans.changes import archive_action
from lineofsight.plans.forms import (
    JUDGEMENT_AREAS,
    ActionFilterForm,
    GovernanceBodyForm,
    MergeForm,
    NewActionForm,
    PersonForm,
    PlanForm,
    RecommendationForm,
)
from lineofsight.plans.interchange import plan_queryset
from lineofsight.plans.models import Action, ActionOwner, GovernanceBody, Person, Plan, Rag, Recommendation
from lineofsight.plans.pages import action_page_context
from lineofsight.plans.people import suggest_merges
from lineofsight.plans.queries import ActionFilter, build_plan_view

M = TypeVar("M", bound=Model)

# A join does not pass through the default manager, so archived rows are left out here.
LIVE = Q(recommendations__archived_at__isnull=True, recommendations__actions__archived_at__isnull=True)


MOVE_CHOICES = [("up", "Move up"), ("down", "Move down")]


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    """The current organisation's plans, newest first, with action counts by RAG."""
    organisation = request.organisation  # type: ignore[attr-defined]
    plans = []
    if organisation is not None:
        plans = list(
            Plan.objects.filter(organisation=organisation)
            .select_related("inspection")
            .alias(action_rag=Action.effective_rag_expression("recommendations__actions__"))
            .annotate(
                action_count=Count("recommendations__actions", filter=LIVE),
                **{rag: Count("recommendations__actions", filter=Q(action_rag=rag) & LIVE) for rag in Rag.values},
            )
        )
    return render(request, "plans/plan_list.html", {"plans": plans})


@login_required
def plan_detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    """A plan's recommendations and actions, filtered, with counts by RAG."""
    plan, membership = get_for_user(request, plan_queryset(with_updates=False), "organisation_id", pk=plan_id)
    people = Person.objects.filter(
        organisation_id=plan.organisation_id, owner_links__action__recommendation__plan=plan
    ).distinct()
    bodies = GovernanceBody.objects.filter(
        organisation_id=plan.organisation_id, report_links__action__recommendation__plan=plan
    ).distinct()
    form = ActionFilterForm(request.GET or None, people=people, bodies=bodies)
    action_filter = ActionFilter()
    if form.is_valid():
        data = form.cleaned_data
        action_filter = ActionFilter(
            owner_id=data["owner"].pk if data["owner"] else None,
            rag=data["rag"],
            status=data["status"],
            body_id=data["body"].pk if data["body"] else None,
            due=data["due"],
        )
    view = build_plan_view(plan, action_filter, timezone.localdate())
    context = {
        "plan": plan,
        "view": view,
        "form": form,
        "membership": membership,
        "filtered": action_filter.active,
        "move_choices": MOVE_CHOICES,
    }
    if getattr(request, "htmx", False):
        # Only the actions change; the status line is swapped out of band so the new
        # count is announced from a live region that never leaves the page.
        actions = render_to_string("plans/plan_detail.html#plan-actions", context, request)
        status = render_to_string("plans/plan_detail.html#filter-status", {**context, "oob": True}, request)
        return HttpResponse(actions + status)
    return render(request, "plans/plan_detail.html", context)


@login_required
def recommendation_detail(request: HttpRequest, recommendation_id: int) -> HttpResponse:
    """One recommendation, its outcomes and its actions."""
    recommendation, membership = get_for_user(
        request,
        Recommendation.all_objects.select_related("plan").prefetch_related(
            "actions__owner_links__person", "actions__report_links__body"
        ),
        "plan__organisation_id",
        pk=recommendation_id,
    )
    return render(
        request,
        "plans/recommendation_detail.html",
        {
            "recommendation": recommendation,
            "plan": recommendation.plan,
            "membership": membership,
            "move_choices": MOVE_CHOICES,
        },
    )


@login_required
def action_detail(request: HttpRequest, action_id: int) -> HttpResponse:
    """An action: its details, progress updates and change history."""
    action, membership = get_for_user(
        request,
        # Archived actions keep their page, so their history can still be read.
        Action.all_objects.select_related("recommendation__plan").prefetch_related(
            "owner_links__person", "report_links__body", "updates__author"
        ),
        "recommendation__plan__organisation_id",
        pk=action_id,
    )
    return render(
        request,
        "plans/action_detail.html",
        {
            "action": action,
            "recommendation": action.recommendation,
            "plan": action.recommendation.plan,
            "membership": membership,
            "updates": sorted(
                action.updates.all(), key=lambda u: (u.as_of or u.created.date(), u.order, u.pk), reverse=True
            ),
            # The RAG panel, links and latest history, from the apps that registered a part
            # (tracking: see tracking/pages.py).
            **action_page_context(request, action, membership),
        },
    )


@login_required
def plan_export(request: HttpRequest, plan_id: int) -> HttpResponse:
    """Download the plan in the interchange format (lineofsight/plan@1)."""
    import json

    from lineofsight.plans.interchange import export_plan

    plan, _ = get_for_user(request, plan_queryset(), "organisation_id", pk=plan_id)
    body = json.dumps(export_plan(plan), indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="plan-{plan.pk}.json"'
    return response


# --- Maintaining the plan in the browser ---------------------------------------------
# Plan managers and admins change the plan; everyone else gets 403, and another
# council's objects 404 (``get_for_user``). Each view binds a form, calls a service in
# plans.services or plans.changes (the one write path for actions) and redirects.

EDITORS = (Role.ADMIN, Role.PLAN_MANAGER)
REC_ORG = "plan__organisation_id"
ACTION_ORG = "recommendation__plan__organisation_id"


def _editor_get(request: HttpRequest, queryset: QuerySet[M], org_path: str, pk: int) -> tuple[M, Membership]:
    obj, membership = get_for_user(request, queryset, org_path, pk=pk)
    require_role(membership, *EDITORS)
    return obj, membership


def _status(form: Any) -> int:
    return 400 if form.is_bound else 200


def _step(request: HttpRequest) -> int:
    return -1 if request.POST.get("direction") == "up" else 1


@login_required
def plan_edit(request: HttpRequest, plan_id: int) -> HttpResponse:
    """Edit the plan's title and status and its inspection: kind, dates, judgements."""
    plan, _ = _editor_get(request, Plan.objects.select_related("inspection"), "organisation_id", plan_id)
    inspection = plan.inspection
    initial: dict[str, Any] = {"title": plan.title, "status": plan.status}
    if inspection is not None:
        initial |= {n: getattr(inspection, n) for n in ("kind", "kind_text", "started", "ended", "published")}
        initial["report_url"] = inspection.report_url
        by_area = {j.area: j.grade for j in inspection.judgements.all()}
        initial |= {f"grade_{key}": by_area.get(area, "") for key, area in JUDGEMENT_AREAS}
    form = PlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_plan_details(plan, form.cleaned_data, form.grades())
        messages.success(request, "Plan details saved")
        return redirect("plans:plan_detail", plan_id=plan.pk)
    return render(request, "plans/plan_form.html", {"plan": plan, "form": form}, status=_status(form))


@login_required
def recommendation_add(request: HttpRequest, plan_id: int) -> HttpResponse:
    """Add a recommendation at the end of the plan."""
    plan, _ = _editor_get(request, Plan.objects.all(), "organisation_id", plan_id)
    form = RecommendationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        recommendation = services.add_recommendation(plan, form.values())
        messages.success(request, "Recommendation added")
        return redirect("plans:recommendation_detail", recommendation_id=recommendation.pk)
    context = {"plan": plan, "form": form, "heading": "Add a recommendation"}
    return render(request, "plans/recommendation_form.html", context, status=_status(form))


@login_required
def recommendation_edit(request: HttpRequest, recommendation_id: int) -> HttpResponse:
    """Change a recommendation's number, wording, theme, band, heading or outcomes."""
    recommendation, _ = _editor_get(request, Recommendation.objects.select_related("plan"), REC_ORG, recommendation_id)
    form = RecommendationForm(request.POST or None, initial=RecommendationForm.initial_for(recommendation))
    if request.method == "POST" and form.is_valid():
        services.update_recommendation(recommendation, form.values())
        messages.success(request, "Recommendation saved")
        return redirect("plans:recommendation_detail", recommendation_id=recommendation.pk)
    context = {
        "plan": recommendation.plan,
        "form": form,
        "heading": "Edit recommendation",
        "recommendation": recommendation,
    }
    return render(request, "plans/recommendation_form.html", context, status=_status(form))


@login_required
@require_POST
def recommendation_archive(request: HttpRequest, recommendation_id: int) -> HttpResponse:
    """Archive a recommendation with its actions, or restore it (``restore=1``)."""
    recommendation, _ = _editor_get(
        request, Recommendation.all_objects.select_related("plan"), REC_ORG, recommendation_id
    )
    restore = request.POST.get("restore") == "1"
    services.archive_recommendation(recommendation, request.user, archive=not restore)
    messages.success(request, "Recommendation restored" if restore else "Recommendation archived with its actions")
    if restore:
        return redirect("plans:recommendation_detail", recommendation_id=recommendation.pk)
    return redirect("plans:plan_archive", plan_id=recommendation.plan_id)


@login_required
@require_POST
def recommendation_move(request: HttpRequest, recommendation_id: int) -> HttpResponse:
    """Move a recommendation up or down the plan."""
    recommendation, _ = _editor_get(request, Recommendation.objects.all(), REC_ORG, recommendation_id)
    services.move_recommendation(recommendation, _step(request))
    return redirect(reverse("plans:plan_detail", args=[recommendation.plan_id]) + f"#rec-{recommendation.pk}")


@login_required
def action_add(request: HttpRequest, recommendation_id: int) -> HttpResponse:
    """Add an action under a recommendation, with owners, partners, deadline, measures
    and the governance bodies it reports to."""
    recommendation, _ = _editor_get(request, Recommendation.objects.select_related("plan"), REC_ORG, recommendation_id)
    org_id = recommendation.plan.organisation_id
    form = NewActionForm(request.POST or None, organisation_id=org_id)
    if request.method == "POST" and form.is_valid():
        action = services.add_action(
            recommendation,
            form.values(),
            owners=form.owner_list(),
            bodies=list(form.cleaned_data["reported_to"]),
            user=request.user,
        )
        messages.success(request, "Action added")
        return redirect("plans:action_detail", action_id=action.pk)
    context = {"plan": recommendation.plan, "recommendation": recommendation, "form": form}
    return render(request, "plans/action_form.html", context, status=_status(form))


@login_required
@require_POST
def action_archive(request: HttpRequest, action_id: int) -> HttpResponse:
    """Archive an action (it leaves counts and packs, keeps its history) or restore it."""
    action, _ = _editor_get(request, Action.all_objects.select_related("recommendation"), ACTION_ORG, action_id)
    restore = request.POST.get("restore") == "1"
    if restore and action.recommendation.archived_at is not None:
        messages.error(request, "Restore its recommendation first")
    else:
        archive_action(action, request.user, archive=not restore)  # type: ignore[arg-type]
        messages.success(request, "Action restored" if restore else "Action archived")
    return redirect("plans:action_detail", action_id=action.pk)


@login_required
@require_POST
def action_move(request: HttpRequest, action_id: int) -> HttpResponse:
    """Move an action up or down within its recommendation."""
    action, _ = _editor_get(request, Action.objects.select_related("recommendation"), ACTION_ORG, action_id)
    services.move_action(action, _step(request), request.user)
    return redirect("plans:recommendation_detail", recommendation_id=action.recommendation_id)


@login_required
def plan_archive(request: HttpRequest, plan_id: int) -> HttpResponse:
    """What has been archived from the plan, to read or restore."""
    plan, membership = get_for_user(request, Plan.objects.all(), "organisation_id", pk=plan_id)
    recommendations = Recommendation.all_objects.filter(plan=plan, archived_at__isnull=False)
    actions = Action.all_objects.filter(recommendation__plan=plan, archived_at__isnull=False).select_related(
        "recommendation"
    )
    context = {"plan": plan, "recommendations": recommendations, "actions": actions, "membership": membership}
    return render(request, "plans/plan_archive.html", context)


# --- People and governance bodies ---------------------------------------------------


@login_required
def people(request: HttpRequest) -> HttpResponse:
    """Everyone who owns actions in the organisation, with their actions, and the
    spellings that look like one person, to merge."""
    membership = require_current_membership(request)
    org_id = membership.organisation_id
    everyone = list(
        Person.objects.filter(organisation_id=org_id)
        .select_related("user")
        .prefetch_related(
            "aliases",
            Prefetch(
                "owner_links",
                queryset=ActionOwner.objects.filter(
                    action__archived_at__isnull=True, action__recommendation__archived_at__isnull=True
                ).select_related("action__recommendation__plan"),
            ),
        )
    )
    by_name = {p.name: p for p in everyone}
    suggestions = [[by_name[name] for name in group] for group in suggest_merges(by_name)]
    context = {"people": everyone, "suggestions": suggestions, "membership": membership}
    return render(request, "plans/people.html", context)


@login_required
@require_POST
def people_merge(request: HttpRequest) -> HttpResponse:
    """Merge spellings of one person; the merged names are kept as aliases."""
    membership = require_current_membership(request, *EDITORS)
    form = MergeForm(request.POST, organisation_id=membership.organisation_id)
    if not form.is_valid():
        messages.error(request, "Choose the spelling to keep and at least one to merge into it")
        return redirect("plans:people")
    keep = form.cleaned_data["keep"]
    others = [p for p in form.cleaned_data["merge"] if p.pk != keep.pk]
    services.merge_people(keep, others, request.user)
    names = ", ".join(p.name for p in others)
    messages.success(request, f"Merged {names} into {keep.name}" if others else "Nothing to merge")
    return redirect("plans:people")


@login_required
def person_edit(request: HttpRequest, person_id: int) -> HttpResponse:
    """Correct a person's name and role, and link them to a sign-in or an email address."""
    person, _membership = _editor_get(request, Person.objects.all(), "organisation_id", person_id)
    form = PersonForm(
        request.POST or None,
        organisation_id=person.organisation_id,
        person_id=person.pk,
        initial={n: getattr(person, n) for n in ("name", "role_title", "agency", "email", "user")},
    )
    if request.method == "POST" and form.is_valid():
        for name, value in form.cleaned_data.items():
            setattr(person, name, value if value is not None else None)
        person.save()
        messages.success(request, f"{person.name} saved")
        return redirect("plans:people")
    return render(request, "plans/person_form.html", {"person": person, "form": form}, status=_status(form))


@login_required
def governance_bodies(request: HttpRequest) -> HttpResponse:
    """The boards the plans report to, and a form to add one (plan managers)."""
    membership = require_current_membership(request)
    org_id = membership.organisation_id
    form = GovernanceBodyForm(request.POST or None, organisation_id=org_id)
    if request.method == "POST":
        require_role(membership, *EDITORS)
        if form.is_valid():
            body = GovernanceBody.objects.create(organisation_id=org_id, **form.cleaned_data)
            messages.success(request, f"{body.name} added")
            return redirect("plans:governance_bodies")
    bodies = GovernanceBody.objects.filter(organisation_id=org_id).annotate(
        action_count=Count(
            "report_links",
            filter=Q(
                report_links__action__archived_at__isnull=True,
                report_links__action__recommendation__archived_at__isnull=True,
            ),
        )
    )
    context = {"bodies": bodies, "form": form, "membership": membership}
    return render(request, "plans/governance_bodies.html", context, status=_status(form))


@login_required
def governance_body_edit(request: HttpRequest, body_id: int) -> HttpResponse:
    """Change a governance body's name, short name, chair or how often it meets."""
    body, _ = _editor_get(request, GovernanceBody.objects.all(), "organisation_id", body_id)
    fields = ("name", "short_name", "chair", "meeting_frequency")
    form = GovernanceBodyForm(
        request.POST or None,
        organisation_id=body.organisation_id,
        body_id=body.pk,
        initial={n: getattr(body, n) for n in fields},
    )
    if request.method == "POST" and form.is_valid():
        for name in fields:
            setattr(body, name, form.cleaned_data[name])
        body.save()
        messages.success(request, f"{body.name} saved")
        return redirect("plans:governance_bodies")
    return render(request, "plans/governance_body_form.html", {"body": body, "form": form}, status=_status(form))
