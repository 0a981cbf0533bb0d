"""Builders for the fifth blind round: one action per :class:`A`, grouped into
recommendations by :func:`expected`; PDF printing is shared with the fourth round."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lineofsight.importing.tests.blind._kit import act, plan, rec
from lineofsight.importing.tests.blind3._kit import esc, pdf

__all__ = ["A", "esc", "expected", "first_of_rec", "pdf"]


@dataclass
class A:
    """One action: its recommendation, the action and what the plan says of it."""

    rec_ref: str | None
    rec_text: str
    text: str
    owners: list[str]
    due: str | None
    date: str | None
    ref: str | None = None
    status: str | None = None
    rag: str | None = None
    partners: list[str] = field(default_factory=list)
    reported_to: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    updates: list[tuple[str | None, str]] = field(default_factory=list)
    section: str | None = None


def first_of_rec(rows: list[A], k: int) -> bool:
    """Whether row ``k`` opens a new recommendation."""
    return k == 0 or (rows[k - 1].rec_ref, rows[k - 1].rec_text) != (rows[k].rec_ref, rows[k].rec_text)


def expected(
    title: str | None,
    organisation: str | None,
    kind: str | None,
    started: str | None,
    ended: str | None,
    rows: list[A],
) -> dict[str, Any]:
    """The plan@1 answer: recommendations in order, each with its actions."""
    recs: list[dict[str, Any]] = []
    for k, r in enumerate(rows):
        if first_of_rec(rows, k):
            recs.append(rec(r.rec_ref, r.rec_text, [], section=r.section))
        recs[-1]["actions"].append(
            act(
                r.text,
                r.owners,
                (r.due, r.date) if r.due is not None else None,
                ref=r.ref,
                status=r.status,
                rag=r.rag,
                partners=r.partners,
                measures=r.measures,
                reported_to=r.reported_to,
                updates=r.updates,
            )
        )
    return plan(title, organisation, kind, started, ended, recs)


def headings_as_printed(answer: dict[str, Any]) -> dict[str, Any]:
    """The answer for a plan with no recommendation column, whose recommendations are
    headings ("Recommendation 1: ..."): plan-format.md takes such a heading whole as the
    text, with a null ref. (These answers first gave the number as the ref; corrected to
    the format when the round was reviewed.)"""
    for r in answer["recommendations"]:
        if r["ref"] is not None:
            r["text"], r["ref"] = f"Recommendation {r['ref']}: {r['text']}", None
    return answer
