"""Plan list, plan page, recommendation and action pages.

Each view fetches through ``accounts.permissions`` so that objects of organisations
the user does not belong to answer 404.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone

from lineofsight.accounts.permissions import get_for_user
from lineofsight.plans.forms import ActionFilterForm
from lineofsight.plans.interchange import plan_queryset
from lineofsight.plans.models import Action, GovernanceBody, Person, Plan, Rag, Recommendation
from lineofsight.plans.queries import ActionFilter, build_plan_view

# A join does not pass through the default manager, so archived rows are left out here.
LIVE = Q(recommendations__archived_at__isnull=True, recommendations__actions__archived_at__isnull=True)


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
    context = {"plan": plan, "view": view, "form": form, "membership": membership, "filtered": action_filter.active}
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
        Recommendation.objects.select_related("plan").prefetch_related(
            "actions__owner_links__person", "actions__report_links__body"
        ),
        "plan__organisation_id",
        pk=recommendation_id,
    )
    return render(
        request,
        "plans/recommendation_detail.html",
        {"recommendation": recommendation, "plan": recommendation.plan, "membership": membership},
    )


@login_required
def action_detail(request: HttpRequest, action_id: int) -> HttpResponse:
    """An action: its details, progress updates and change history."""
    action, membership = get_for_user(
        request,
        Action.objects.select_related("recommendation__plan").prefetch_related(
            "owner_links__person", "report_links__body", "updates__author"
        ),
        "recommendation__plan__organisation_id",
        pk=action_id,
    )
    # The latest page of the action's audit trail; the full history is tracking's page.
    from lineofsight.tracking.audit import activity_page

    history_page, history = activity_page([action], 1)
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
            "history": history,
            "history_page": history_page,
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
