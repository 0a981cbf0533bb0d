"""Template helpers for GOV.UK Frontend markup that every app's templates share."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def split(text: str, separator: str = ",") -> list[str]:
    """The parts of ``text`` between separators, trimmed: ``"Name, Email"|split`` is a
    table's column headings (includes/table.html)."""
    return [part.strip() for part in str(text).split(separator)]
