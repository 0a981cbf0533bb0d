"""The RAG rules as a table of cases: plain Python, no database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from lineofsight.tracking import rules
from lineofsight.tracking.rules import ActionFacts, RagRules, compute_rag, london_today

RULES = RagRules(due_soon_days=14, no_update_days=28, stale_days=42, use_blue=True)
D = date.fromisoformat


@pytest.mark.parametrize(
    ("label", "facts", "today", "rag", "stale"),
    [
        (
            "signed-off complete is blue",
            ActionFacts(D("2026-04-30"), complete=True, signed_off=True, last_update=D("2026-04-30")),
            D("2026-06-01"),
            "blue",
            False,
        ),
        (
            "complete but not signed off keeps its signed-off RAG, awaiting sign-off",
            ActionFacts(D("2026-04-30"), complete=True, last_update=D("2026-04-01"), signed_off_rag="green"),
            D("2026-06-01"),
            "green",
            False,
        ),
        (
            "complete past due is not red",
            ActionFacts(D("2026-04-30"), complete=True, last_update=D("2026-01-01")),
            D("2026-06-01"),
            "green",
            False,
        ),
        (
            "past due, not complete, is red",
            ActionFacts(D("2026-05-31"), last_update=D("2026-05-30"), signed_off_rag="green"),
            D("2026-06-01"),
            "red",
            False,
        ),
        (
            "due today is not yet overdue",
            ActionFacts(D("2026-06-01"), last_update=D("2026-05-30"), signed_off_rag="green"),
            D("2026-06-01"),
            "green",
            False,
        ),
        (
            "month end: due 31 January is overdue on 1 February",
            ActionFacts(D("2026-01-31"), last_update=D("2026-01-30")),
            D("2026-02-01"),
            "red",
            False,
        ),
        (
            "month end: due 28 February 2026 is on time that day",
            ActionFacts(D("2026-02-28"), last_update=D("2026-02-27"), signed_off_rag="green"),
            D("2026-02-28"),
            "green",
            False,
        ),
        (
            "leap day: due 29 February 2028 is overdue on 1 March",
            ActionFacts(D("2028-02-29"), last_update=D("2028-02-28")),
            D("2028-03-01"),
            "red",
            False,
        ),
        (
            "leap day: due 29 February 2028, 28 February, no update 28 days → amber",
            ActionFacts(D("2028-02-29"), last_update=D("2028-01-31")),
            D("2028-02-28"),
            "amber",
            False,
        ),
        (
            "leap day counts: 27 days since 1 February 2028 on 28 February is not amber",
            ActionFacts(D("2028-03-10"), last_update=D("2028-02-01"), signed_off_rag="green"),
            D("2028-02-27"),
            "green",
            False,
        ),
        (
            "leap day counts: 28 days from 1 February 2028 reaches 29 February",
            ActionFacts(D("2028-03-10"), last_update=D("2028-02-01"), signed_off_rag="green"),
            D("2028-02-29"),
            "amber",
            False,
        ),
        (
            "due within N days with a recent update keeps the proposal",
            ActionFacts(D("2026-06-10"), last_update=D("2026-05-20"), signed_off_rag="green"),
            D("2026-06-01"),
            "green",
            False,
        ),
        (
            "due exactly N days away with no update for M days is amber",
            ActionFacts(D("2026-06-15"), last_update=D("2026-05-04")),
            D("2026-06-01"),
            "amber",
            False,
        ),
        (
            "due N+1 days away is not due soon",
            ActionFacts(D("2026-06-16"), last_update=D("2026-05-04"), signed_off_rag="green"),
            D("2026-06-01"),
            "green",
            False,
        ),
        (
            "due soon and never updated is amber",
            ActionFacts(D("2026-06-05"), last_update=None),
            D("2026-06-01"),
            "amber",
            False,
        ),
        (
            "no update for K days is stale but keeps its colour",
            ActionFacts(D("2026-12-31"), last_update=D("2026-04-20"), signed_off_rag="green"),
            D("2026-06-01"),
            "green",
            True,
        ),
        (
            "K-1 days is not yet stale",
            ActionFacts(D("2026-12-31"), last_update=D("2026-04-21"), signed_off_rag="green"),
            D("2026-06-01"),
            "green",
            False,
        ),
        ("overdue and stale", ActionFacts(D("2026-05-01"), last_update=D("2026-01-01")), D("2026-06-01"), "red", True),
        (
            "complete actions never drift",
            ActionFacts(D("2026-05-01"), complete=True, signed_off=True, last_update=D("2025-01-01")),
            D("2026-06-01"),
            "blue",
            False,
        ),
        (
            "owner's proposed amber stands",
            ActionFacts(D("2026-12-31"), last_update=D("2026-05-30"), signed_off_rag="amber"),
            D("2026-06-01"),
            "amber",
            False,
        ),
        (
            "a signed-off red stands",
            ActionFacts(D("2026-12-31"), last_update=D("2026-05-30"), signed_off_rag="red"),
            D("2026-06-01"),
            "red",
            False,
        ),
        (
            "no deadline is no RAG, even when the plan document said red",
            ActionFacts(None, last_update=D("2026-05-30"), signed_off_rag="red"),
            D("2026-06-01"),
            "none",
            False,
        ),
        (
            "no deadline is no RAG, never green, even when the document said green",
            ActionFacts(None, last_update=D("2026-05-30"), signed_off_rag="green"),
            D("2026-06-01"),
            "none",
            False,
        ),
        (
            "an owner's unsigned green proposal does not turn an amber action green",
            ActionFacts(D("2026-12-31"), last_update=D("2026-05-30"), signed_off_rag="amber", proposed_rag="green"),
            D("2026-06-01"),
            "amber",
            False,
        ),
        (
            "an unsigned green proposal does not rescue an overdue action",
            ActionFacts(D("2026-05-31"), last_update=D("2026-05-30"), proposed_rag="green", awaiting_sign_off=True),
            D("2026-06-01"),
            "red",
            False,
        ),
        (
            "imported complete, not signed off: keeps green, awaiting sign-off, never blue",
            ActionFacts(D("2026-04-30"), complete=True, last_update=D("2026-04-01"), signed_off_rag="blue"),
            D("2026-06-01"),
            "green",
            False,
        ),
        (
            "drifting with no deadline: no RAG and stale",
            ActionFacts(None, last_update=D("2026-01-01")),
            D("2026-06-01"),
            "none",
            True,
        ),
        (
            "reported blue without sign-off reads green",
            ActionFacts(None, complete=True, last_update=D("2026-05-30"), signed_off_rag="blue"),
            D("2026-06-01"),
            "green",
            False,
        ),
        (
            "no deadline, no proposal: no RAG",
            ActionFacts(None, last_update=D("2026-05-30")),
            D("2026-06-01"),
            "none",
            False,
        ),
        (
            "BST start: due 29 March 2026 (clocks go forward) overdue on the 30th",
            ActionFacts(D("2026-03-29"), last_update=D("2026-03-28")),
            D("2026-03-30"),
            "red",
            False,
        ),
    ],
)
def test_rag_rules_table(label: str, facts: ActionFacts, today: date, rag: str, stale: bool) -> None:
    result = compute_rag(facts, RULES, today)
    assert (result.rag, result.stale) == (rag, stale), label


def test_council_without_blue_shows_signed_off_actions_green() -> None:
    facts = ActionFacts(D("2026-04-30"), complete=True, signed_off=True, last_update=D("2026-04-30"))
    result = compute_rag(facts, RagRules(use_blue=False), D("2026-06-01"))
    assert result.rag == "green"
    assert result.reason == "complete and signed off"


def test_council_thresholds_change_the_outcome() -> None:
    facts = ActionFacts(D("2026-06-20"), last_update=D("2026-05-25"), signed_off_rag="green")
    today = D("2026-06-01")
    assert compute_rag(facts, RULES, today).rag == "green"
    tight = RagRules(due_soon_days=30, no_update_days=7, stale_days=7)
    result = compute_rag(facts, tight, today)
    assert (result.rag, result.stale) == ("amber", True)
    assert result.reason == "due 20 Jun 2026, no update since 25 May 2026"


@pytest.mark.parametrize(
    ("facts", "today", "summary"),
    [
        (
            ActionFacts(D("2026-01-31"), last_update=D("2025-11-03")),
            D("2026-03-01"),
            "Red: due 31 Jan 2026, no update since 3 Nov 2025",
        ),
        (ActionFacts(D("2026-01-31")), D("2026-03-01"), "Red: due 31 Jan 2026, no update yet"),
        (ActionFacts(None, last_update=D("2026-01-01")), D("2026-03-01"), "No RAG: needs a deadline"),
        (
            ActionFacts(D("2026-04-30"), complete=True, last_update=D("2026-04-01")),
            D("2026-06-01"),
            "Green: complete, awaiting sign-off",
        ),
        (
            ActionFacts(D("2026-12-31"), last_update=D("2026-05-30"), signed_off_rag="amber", proposed_rag="green"),
            D("2026-06-01"),
            "Amber: due 31 Dec 2026; signed off as Amber (proposed: Green, awaiting sign-off)",
        ),
        (
            ActionFacts(D("2026-06-10"), last_update=D("2026-04-01")),
            D("2026-06-01"),
            "Amber: due 10 Jun 2026, no update since 1 Apr 2026",
        ),
    ],
)
def test_every_rating_says_why(facts: ActionFacts, today: date, summary: str) -> None:
    assert compute_rag(facts, RULES, today).summary == summary


def test_a_proposal_that_matches_the_rating_is_not_repeated() -> None:
    facts = ActionFacts(D("2026-12-31"), last_update=D("2026-05-30"), signed_off_rag="green", proposed_rag="green")
    assert compute_rag(facts, RULES, D("2026-06-01")).proposed is None


@pytest.mark.parametrize(
    ("label", "facts", "state"),
    [
        ("overdue", ActionFacts(D("2026-05-31"), last_update=D("2026-05-30")), {"overdue": True, "days_left": -1}),
        ("due today is due soon", ActionFacts(D("2026-06-01"), last_update=D("2026-05-30")), {"due_soon": True}),
        ("due in 14 days is due soon", ActionFacts(D("2026-06-15")), {"due_soon": True, "days_left": 14}),
        ("due in 15 days is not", ActionFacts(D("2026-06-16"), last_update=D("2026-05-30")), {"days_left": 15}),
        ("no deadline", ActionFacts(None, last_update=D("2026-05-30")), {"no_deadline": True, "days_left": None}),
        (
            "drifting",
            ActionFacts(D("2026-12-31"), last_update=D("2026-04-20")),
            {"stale": True, "days_since_update": 42},
        ),
        (
            "waiting for the plan manager",
            ActionFacts(D("2026-12-31"), last_update=D("2026-05-30"), awaiting_sign_off=True),
            {"awaiting_sign_off": True},
        ),
        (
            "claimed complete waits for sign-off and is never overdue",
            ActionFacts(D("2026-05-01"), complete=True, last_update=D("2026-05-01")),
            {"awaiting_sign_off": True, "days_left": -31, "days_since_update": 31},
        ),
        (
            "closed",
            ActionFacts(D("2026-05-01"), complete=True, signed_off=True, last_update=D("2026-05-01")),
            {"closed": True, "days_left": -31, "days_since_update": 31},
        ),
    ],
)
def test_one_classification_of_action_state(label: str, facts: ActionFacts, state: dict[str, object]) -> None:
    found = rules.classify(facts, RULES, D("2026-06-01"))
    defaults = {
        "overdue": False,
        "due_soon": False,
        "stale": False,
        "awaiting_sign_off": False,
        "no_deadline": False,
        "closed": False,
    }
    expected = {**defaults, **state}
    assert {k: getattr(found, k) for k in expected} == expected, label


def test_reminder_points_stay_inside_the_due_soon_window() -> None:
    assert RagRules(due_soon_days=14, reminder_days=(3, 14, 30)).reminder_points() == (14, 3)
    assert RagRules(due_soon_days=10, reminder_days=()).reminder_points() == (10,)


@pytest.mark.parametrize(
    ("utc", "london"),
    [
        # Winter (GMT): London and UTC agree.
        ("2026-01-15T23:59:59", "2026-01-15"),
        # Clocks go forward at 01:00 UTC on Sunday 29 March 2026.
        ("2026-03-28T23:30:00", "2026-03-28"),
        ("2026-03-29T00:59:59", "2026-03-29"),
        ("2026-03-29T23:30:00", "2026-03-30"),
        # Summer (BST): 23:00 UTC is already tomorrow in London.
        ("2026-06-30T22:59:59", "2026-06-30"),
        ("2026-06-30T23:00:00", "2026-07-01"),
        # A month end and a year end in BST/GMT.
        ("2026-08-31T23:15:00", "2026-09-01"),
        ("2026-12-31T23:59:59", "2026-12-31"),
        # Clocks go back at 01:00 UTC on Sunday 25 October 2026.
        ("2026-10-24T22:59:59", "2026-10-24"),
        ("2026-10-24T23:00:00", "2026-10-25"),
        ("2026-10-25T23:30:00", "2026-10-25"),
        # Leap day in BST-less February: UTC and London agree.
        ("2028-02-29T23:59:00", "2028-02-29"),
    ],
)
def test_today_is_the_london_date(utc: str, london: str) -> None:
    moment = datetime.fromisoformat(utc).replace(tzinfo=UTC)
    assert london_today(moment) == D(london)


def test_overdue_at_midnight_london_in_summer() -> None:
    """At 23:30 UTC on 30 June an action due 30 June is overdue: London is on 1 July."""
    today = london_today(datetime(2026, 6, 30, 23, 30, tzinfo=UTC))
    assert compute_rag(ActionFacts(D("2026-06-30")), RULES, today).rag == "red"
    utc_date = datetime(2026, 6, 30, 23, 30, tzinfo=UTC).date()
    assert compute_rag(ActionFacts(D("2026-06-30")), RULES, utc_date).rag != "red"


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="aware datetime"):
        london_today(datetime(2026, 6, 30, 23, 30))


def test_helpers_agree_with_rules() -> None:
    today = D("2026-06-01")
    assert rules.is_due_within(today + timedelta(days=14), today, 14)
    assert not rules.is_due_within(today - timedelta(days=1), today, 14)
    assert rules.is_overdue(today - timedelta(days=1), False, today)
    assert not rules.is_overdue(today - timedelta(days=1), True, today)
    assert rules.days_since(None, today) is None


def test_rules_module_has_no_django_import() -> None:
    import ast
    from pathlib import Path

    tree = ast.parse(Path(rules.__file__).read_text(encoding="utf-8"))
    imported = {
        name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in ([a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""])
    }
    assert "django" not in imported
