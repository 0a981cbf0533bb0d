"""Template helpers for plan pages."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

_LABELS = {"red": "Red", "amber": "Amber", "green": "Green", "blue": "Blue"}


@register.filter
def rag_tag(rag: str | None) -> str:
    """A RAG rating as a coloured label (a filter, not an include: the plan page shows
    hundreds of them and an include costs a template render each)."""
    label = _LABELS.get(rag or "")
    if label is None:
        return mark_safe('<span class="los-rag los-rag--none">No RAG</span>')  # constant markup
    return format_html('<span class="los-rag los-rag--{}">{}</span>', rag, label)
