"""The scorecard's one value formatter (:func:`lineofsight.indicators.rules.format_value`)
for templates, so a page never writes "%" or " days" itself."""

from __future__ import annotations

from typing import Any

from django import template

from lineofsight.indicators.rules import format_number, format_value

register = template.Library()


@register.filter
def in_unit(value: Any, unit: str) -> str:
    """``{{ value.value|in_unit:indicator.unit }}`` → "79.2%", "121 days", "14", or "–"."""
    return format_value(None if value is None or value == "" else float(value), unit)


@register.filter
def as_number(value: Any) -> str:
    """A bare number as a board writes it (a tolerance): "2.5", "10"."""
    return "–" if value is None or value == "" else format_number(float(value))
