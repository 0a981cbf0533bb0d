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


_STATUS = {"not_started": "Not started", "in_progress": "In progress", "complete": "Complete"}


@register.filter
def council_date(value: str | None) -> str:
    """An ISO date from a plan@1 document as councils write it: "31 Jan 2015"."""
    from datetime import date

    if not value:
        return ""
    try:
        day = date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{day.day} {day:%b %Y}"


@register.filter
def status_label(value: str | None) -> str:
    """A plan@1 status in the council's words: "In progress"."""
    return _STATUS.get(value or "", value or "")


@register.filter
def rag_label(value: str | None) -> str:
    """A plan@1 RAG in the council's words: "Amber"."""
    return _LABELS.get(value or "", value or "")


@register.filter
def plain(value: object) -> str:
    """A plan@1 value as a person reads it: lists joined with "; ", a deadline as its
    printed text and date, a status or RAG in words."""
    if value in (None, "", []):
        return "–"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        text, when = value.get("text") or "", council_date(value.get("date"))
        return f"{text} ({when})" if text and when else text or when or "–"
    if isinstance(value, str) and value in _STATUS:
        return _STATUS[value]
    if isinstance(value, str) and value in _LABELS:
        return _LABELS[value]
    return str(value)
