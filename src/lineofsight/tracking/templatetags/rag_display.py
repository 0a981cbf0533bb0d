"""Template helpers that show why an action has its RAG."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def rag_why(action: Any) -> str:
    """The reason beside an action's RAG: the override's reason when a plan manager set
    it by hand, else the council's rules' reason ("due 31 Jan 2026, no update since
    3 Nov 2025; proposed: Green, awaiting sign-off"). Plain text: templates escape it."""
    if getattr(action, "rag_override", ""):
        return f"override: {action.rag_override_reason}".strip()
    return str(getattr(action, "rag_reason", "") or "")
