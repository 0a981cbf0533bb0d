"""Web pages that go with the API: admins list and revoke their organisation's tokens,
and the plan page's spreadsheet feed (CSV or XLSX of the filtered actions)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from lineofsight.accounts.models import Role
from lineofsight.accounts.permissions import get_for_user, require_current_membership, require_role
from lineofsight.api import feed
from lineofsight.api.forms import TokenForm
from lineofsight.api.models import ApiToken
from lineofsight.api.tokens import TokenError, create_token, revoke_token, tokens_of
from lineofsight.plans.interchange import plan_queryset
from lineofsight.tracking.services import london_today


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    """The organisation's API tokens (who each acts as, its scope, expiry and last use),
    and the form for a new one, whose token is shown once on the page that answers it."""
    membership = require_current_membership(request, Role.ADMIN)
    form = TokenForm(request.POST or None, organisation=membership.organisation)
    new = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            new = create_token(
                membership.organisation,
                data["user"],
                scope=data["scope"],
                expires_days=data["expires"],
                name=data["name"],
                created_by=request.user,
            )
        except TokenError as exc:
            form.add_error(None, str(exc))
        else:
            form = TokenForm(organisation=membership.organisation)
    response = render(
        request,
        "api/token_list.html",
        {
            "tokens": list(tokens_of(membership.organisation)),
            "organisation": membership.organisation,
            "now": timezone.now(),
            "form": form,
            "new": new,
        },
        status=400 if form.errors else 200,
    )
    # The page holds a secret shown once: keep it out of every cache.
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    """Stop a token working at once (admins of its organisation)."""
    token, membership = get_for_user(request, ApiToken.objects.all(), "organisation_id", pk=token_id)
    require_role(membership, Role.ADMIN)
    revoke_token(token, by=request.user)
    messages.success(request, f"Token {token.prefix}… revoked: it no longer works")
    return redirect("api_web:token_list")


@login_required
def plan_feed(request: HttpRequest, plan_id: int, fmt: str) -> HttpResponse:
    """The plan page's actions, with its filters, as CSV or XLSX (anyone in the organisation)."""
    plan, _membership = get_for_user(request, plan_queryset(with_updates=False), "organisation_id", pk=plan_id)
    if fmt not in feed.FEED_FORMATS:
        raise Http404("No such format")
    content, media_type, filename = feed.feed_file(plan, feed.filter_from_params(request.GET), fmt, london_today())
    response = HttpResponse(content, content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
