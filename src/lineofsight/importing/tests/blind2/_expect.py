"""Small helpers for writing the expected lineofsight/plan@1 answers by hand."""

from __future__ import annotations

from typing import Any


def action(
    text: str,
    owners: list[str] | None = None,
    due: str | None = None,
    date: str | None = None,
    *,
    ref: str | None = None,
    status: str | None = None,
    rag: str | None = None,
    updates: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """One expected action."""
    return {
        "ref": ref,
        "text": text,
        "owners": owners or [],
        "partners": [],
        "due": {"text": due, "date": date} if due is not None else None,
        "status": status,
        "rag": rag,
        "measures": [],
        "reported_to": [],
        "updates": updates or [],
    }


def recommendation(
    ref: str | None, text: str, actions: list[dict[str, Any]], section: str | None = None
) -> dict[str, Any]:
    """One expected recommendation."""
    return {"ref": ref, "text": text, "section": section, "outcomes": [], "see_also": [], "actions": actions}


def plan(
    title: str | None,
    recommendations: list[dict[str, Any]],
    kind: str | None = None,
    started: str | None = None,
    ended: str | None = None,
    organisation: str | None = "Harrowfield Council",
) -> dict[str, Any]:
    """The whole expected plan; ``inspection`` is null when the document names none."""
    inspection = {"kind": kind, "started": started, "ended": ended} if kind or started or ended else None
    return {
        "schema": "lineofsight/plan@1",
        "title": title,
        "organisation": organisation,
        "inspection": inspection,
        "recommendations": recommendations,
    }
