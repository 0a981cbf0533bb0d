"""Builders for the sixth blind round: the fifth round's (one action per :class:`A`,
WeasyPrint for PDF) plus a helper to add outcomes to an answer's recommendations."""

from __future__ import annotations

from typing import Any

from lineofsight.importing.tests.blind4._kit import A, esc, expected, first_of_rec, pdf

__all__ = ["A", "as_headings", "esc", "expected", "first_of_rec", "pdf", "with_outcomes"]


def with_outcomes(answer: dict[str, Any], outcomes: dict[str, list[str]]) -> dict[str, Any]:
    """Give each recommendation (by ref) the outcome statements the plan prints for it."""
    for r in answer["recommendations"]:
        r["outcomes"] = list(outcomes.get(r["ref"] or "", []))
    return answer


def as_headings(answer: dict[str, Any], heading: dict[str | None, str]) -> dict[str, Any]:
    """For a plan with no recommendation column: each recommendation's text is its heading
    as printed, whole, and its ref is null (plan-format.md)."""
    for r in answer["recommendations"]:
        r["text"], r["ref"] = heading[r["ref"]], None
    return answer
