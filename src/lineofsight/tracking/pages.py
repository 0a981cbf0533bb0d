"""Tracking's part of pages other apps own: the RAG panel and links on the action page
(``templates/tracking/_panel.html``) and the latest page of the action's history.

Everything the panel shows is worked out here, in the view's request, from what the view
has already fetched; the templates only lay it out.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from lineofsight.accounts.models import Membership
from lineofsight.plans.models import Action
from lineofsight.tracking import audit, services


def action_panel(request: HttpRequest, action: Action, membership: Membership) -> dict[str, Any]:
    """The panel's context: the latest update posted in the app (not imported), whether
    this viewer may post an update, and whether they may edit the plan."""
    user = request.user
    return {
        "latest": services.latest_posted(list(action.updates.all())),
        "can_post": user.is_authenticated and services.can_post_update(membership, user, action),  # type: ignore[arg-type]
        "can_edit": membership.can_edit_plans,
    }


def action_page_part(request: HttpRequest, action: Action, membership: Membership) -> dict[str, Any]:
    """What the plan app's action page shows of tracking (registered in ``TrackingConfig.ready``):
    the panel, and the newest page of the action's audit trail (the full history is
    tracking's own page)."""
    history_page, history = audit.activity_page([action], 1)
    return {**action_panel(request, action, membership), "history": history, "history_page": history_page}
