"""What apps above ``plans`` add to its pages, through a registry filled in ``AppConfig.ready()``.

The action page belongs to the plan, but much of what it shows is about running it:
the RAG panel, who may post an update, the change history (``tracking``). Rather than the
template loading tracking's tags (which ran their own queries and permission checks),
each app registers a *part*: a function of the request, the action and the viewer's
membership that returns the context its template pieces read. The view calls them all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest

from lineofsight.accounts.models import Membership
from lineofsight.core.registry import Registry
from lineofsight.plans.models import Action

ActionPagePart = Callable[[HttpRequest, Action, Membership], dict[str, Any]]
action_page_parts: Registry[ActionPagePart] = Registry("action page part")


def action_page_context(request: HttpRequest, action: Action, membership: Membership) -> dict[str, Any]:
    """The context every registered part adds to the action page, in registration order."""
    context: dict[str, Any] = {}
    for _key, part in action_page_parts.items():
        context.update(part(request, action, membership))
    return context
