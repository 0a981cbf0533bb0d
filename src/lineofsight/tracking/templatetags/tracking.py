"""Template tags for tracking's panel on the action page."""

from __future__ import annotations

from typing import Any

from django import template

from lineofsight.accounts.permissions import membership_in
from lineofsight.plans.models import ProgressUpdate
from lineofsight.tracking import services

register = template.Library()


@register.inclusion_tag("tracking/_panel.html", takes_context=True)
def tracking_panel(context: template.Context, action: Any) -> dict[str, Any]:
    """RAG (computed, override, drift), review state and the links this user may follow."""
    request = context.get("request")
    user = getattr(request, "user", None)
    membership = membership_in(user, action.recommendation.plan.organisation_id) if user else None
    latest = action.updates.exclude(review=ProgressUpdate.Review.IMPORTED).order_by("-created", "-pk").first()
    return {
        "action": action,
        "membership": membership,
        "latest": latest,
        "can_post": membership is not None and user is not None and services.can_post_update(membership, user, action),
        "can_edit": membership is not None and membership.can_edit_plans,
        "request": request,
    }
