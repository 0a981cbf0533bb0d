"""Scorecard pages: thin views that check organisation and role, then call services."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from lineofsight.accounts.models import Membership, Role
from lineofsight.accounts.permissions import current_membership, get_for_user, require_role
from lineofsight.indicators import charts, services
from lineofsight.indicators.forms import (
    IndicatorForm,
    LinkAddForm,
    LinkDecisionForm,
    TargetForm,
    ValueForm,
    ValuesUploadForm,
)
from lineofsight.indicators.models import Indicator, IndicatorLink, IndicatorValue, Target

EDITORS = (Role.ADMIN, Role.PLAN_MANAGER)


def _membership(request: HttpRequest) -> Membership:
    membership = current_membership(request)
    if membership is None:
        raise Http404("You are not a member of any organisation")
    return membership


def _indicator(request: HttpRequest, indicator_id: int) -> tuple[Indicator, Membership]:
    return get_for_user(request, Indicator.objects.all(), "organisation_id", pk=indicator_id)


def _editor(request: HttpRequest) -> Membership:
    """The user's membership, if it may change the scorecard (403 otherwise)."""
    membership = _membership(request)
    require_role(membership, *EDITORS)
    return membership


def _editable_indicator(request: HttpRequest, indicator_id: int) -> tuple[Indicator, Membership]:
    """The council's indicator (404 for another council's), if the user may change it (403)."""
    indicator, membership = _indicator(request, indicator_id)
    require_role(membership, *EDITORS)
    return indicator, membership


@login_required
def scorecard(request: HttpRequest) -> HttpResponse:
    """Every indicator of the council: latest value, target, RAG, trend and sparkline."""
    membership = _membership(request)
    services.ensure_standard_indicators(membership.organisation)
    rows = [(summary, charts.sparkline_svg(summary)) for summary in services.scorecard(membership.organisation)]
    return render(
        request,
        "indicators/scorecard.html",
        {"rows": rows, "can_edit": membership.can_edit_plans, "organisation": membership.organisation},
    )


@login_required
def indicator_detail(request: HttpRequest, indicator_id: int) -> HttpResponse:
    """Values over time against the target, and the recommendations and actions linked."""
    indicator, membership = _indicator(request, indicator_id)
    summary = services.summarise(indicator)
    values = (
        IndicatorValue.objects.filter(indicator=indicator)
        .select_related("entered_by")
        .order_by("-period_end", "-period_start")
    )
    links = (
        IndicatorLink.objects.filter(indicator=indicator, rejected=False)
        .select_related("action__recommendation__plan", "recommendation__plan")
        .order_by("-confirmed", "pk")
    )
    return render(
        request,
        "indicators/indicator_detail.html",
        {
            "indicator": indicator,
            "summary": summary,
            "chart": charts.indicator_chart_svg(summary),
            "values": values,
            "targets": indicator.targets.all(),
            "links": links,
            "can_edit": membership.can_edit_plans,
        },
    )


def _form_page(
    request: HttpRequest,
    form: forms.BaseForm,
    template: str,
    indicator: Indicator | None,
    save: Callable[[], tuple[Indicator, str]],
) -> HttpResponse:
    """The shape every scorecard form shares: on a valid POST, ``save`` stores it and
    says what it did, and the user goes to the indicator's page; otherwise the form (again)."""
    if request.method == "POST" and form.is_valid():
        saved, message = save()
        messages.success(request, message)
        return redirect("indicators:indicator_detail", indicator_id=saved.pk)
    return render(request, template, {"form": form, "indicator": indicator})


def _model_form_page(
    request: HttpRequest, form: forms.ModelForm, template: str, indicator: Indicator, message: str
) -> HttpResponse:
    """:func:`_form_page` for a form that saves its own instance."""

    def save() -> tuple[Indicator, str]:
        form.save()
        return indicator, message

    return _form_page(request, form, template, indicator, save)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_new(request: HttpRequest) -> HttpResponse:
    """A plan manager adds one of the council's own indicators to the scorecard."""
    membership = _editor(request)
    form = IndicatorForm(request.POST or None, organisation=membership.organisation)

    def save() -> tuple[Indicator, str]:
        indicator = form.save(commit=False)
        indicator.organisation = membership.organisation
        indicator.kind = Indicator.Kind.LOCAL
        indicator.order = services.next_order(membership.organisation)
        indicator.save()
        return indicator, f"Added {indicator.code} to the scorecard."

    return _form_page(request, form, "indicators/indicator_form.html", None, save)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_edit(request: HttpRequest, indicator_id: int) -> HttpResponse:
    """Change the wording, unit or polarity of an indicator."""
    indicator, membership = _editable_indicator(request, indicator_id)
    form = IndicatorForm(request.POST or None, instance=indicator, organisation=membership.organisation)
    return _model_form_page(request, form, "indicators/indicator_form.html", indicator, f"Saved {indicator.code}.")


@login_required
@require_http_methods(["GET", "POST"])
def target_new(request: HttpRequest, indicator_id: int) -> HttpResponse:
    """Set a target ("90% by March 2027") with its tolerance."""
    indicator, _ = _editable_indicator(request, indicator_id)
    form = TargetForm(request.POST or None, instance=Target(indicator=indicator))
    message = f"Set a target for {indicator.code}."
    return _model_form_page(request, form, "indicators/target_form.html", indicator, message)


@login_required
@require_http_methods(["GET", "POST"])
def value_new(request: HttpRequest, indicator_id: int) -> HttpResponse:
    """Type in one period's value (it replaces a value already held for that period)."""
    indicator, _ = _editable_indicator(request, indicator_id)
    form = ValueForm(request.POST or None, indicator=indicator)

    def save() -> tuple[Indicator, str]:
        period = form.cleaned_data["period"]
        with transaction.atomic():
            services.store_value(
                indicator,
                period,
                form.cleaned_data["value"],
                form.cleaned_data["numerator"],
                form.cleaned_data["denominator"],
                f"Entered by {request.user.get_username()}",
                request.user,
            )
        return indicator, f"Saved {indicator.code} for {period.label}."

    return _form_page(request, form, "indicators/value_form.html", indicator, save)


@login_required
@require_http_methods(["GET", "POST"])
def values_upload(request: HttpRequest) -> HttpResponse:
    """Upload a CSV of values: every row is checked, and nothing is stored unless all pass."""
    membership = _editor(request)
    form = ValuesUploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            summary = services.import_values_csv(
                membership.organisation, upload.read(), source=upload.name, entered_by=request.user
            )
        except services.ValuesImportError as exc:
            errors = exc.errors
        else:
            messages.success(
                request,
                f"Stored {summary.stored} value{pluralize(summary.stored)} from {upload.name} ({summary.describe()}).",
            )
            return redirect("indicators:scorecard")
    status = 400 if request.method == "POST" else 200
    return render(request, "indicators/upload.html", {"form": form, "errors": errors}, status=status)


@login_required
def links(request: HttpRequest) -> HttpResponse:
    """Suggested links from the plan's measures, for the plan manager to confirm or reject."""
    membership = _editor(request)
    services.refresh_link_suggestions(membership.organisation)
    all_links = (
        IndicatorLink.objects.filter(indicator__organisation=membership.organisation)
        .select_related("indicator", "action__recommendation__plan", "recommendation__plan")
        .order_by("indicator__order", "indicator__code", "pk")
    )
    grouped: dict[str, list[IndicatorLink]] = {"suggested": [], "confirmed": [], "rejected": []}
    for link in all_links:
        grouped[link.state].append(link)
    add_form = LinkAddForm(organisation=membership.organisation)
    return render(request, "indicators/links.html", {"grouped": grouped, "add_form": add_form})


@login_required
@require_POST
def link_add(request: HttpRequest) -> HttpResponse:
    """Link an indicator to an action or recommendation by hand (confirmed at once)."""
    membership = _editor(request)
    form = LinkAddForm(request.POST, organisation=membership.organisation)
    if form.is_valid():
        item = form.cleaned_data["plan_item"]
        indicator = form.cleaned_data["indicator"]
        is_action = hasattr(item, "recommendation_id")
        services.add_link(
            indicator,
            action=item if is_action else None,
            recommendation=None if is_action else item,
            user=request.user,
        )
        messages.success(request, f"Linked {indicator.code} to the plan.")
        return redirect("indicators:links")
    return render(
        request,
        "indicators/links.html",
        {"grouped": {"suggested": [], "confirmed": [], "rejected": []}, "add_form": form, "add_only": True},
        status=400,
    )


@login_required
@require_POST
def link_decide(request: HttpRequest, link_id: int) -> HttpResponse:
    """Confirm or reject one link."""
    link, membership = get_for_user(
        request, IndicatorLink.objects.select_related("indicator"), "indicator__organisation_id", pk=link_id
    )
    require_role(membership, *EDITORS)
    form = LinkDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose confirm or reject.")
    else:
        confirm = form.cleaned_data["decision"] == "confirm"
        services.decide_link(link, confirm=confirm, user=request.user)
        messages.success(request, f"{'Confirmed' if confirm else 'Rejected'} the link to {link.indicator.code}.")
    return redirect(reverse("indicators:links") + f"#link-{link.pk}")
