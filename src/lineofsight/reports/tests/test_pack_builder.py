"""The board pack builder: what a pack says for a body and a meeting."""

from __future__ import annotations

from datetime import date

import pytest

from lineofsight.plans.models import Plan, ProgressUpdate
from lineofsight.reports.builder import action_state, build_pack, compare_snapshots, exception_reasons
from lineofsight.reports.services import issue_pack

from .conftest import action

pytestmark = pytest.mark.django_db


def test_pack_covers_only_the_actions_reporting_to_the_body(parenting_board):
    pack = build_pack(parenting_board, date(2026, 5, 1))

    assert [line.label for line in pack.actions] == ["1a", "1b"]
    assert (pack.overall.red, pack.overall.amber, pack.overall.green, pack.overall.blue) == (1, 0, 0, 1)
    assert pack.plans == ["Test Borough post-ILACS plan"]


def test_summary_counts_by_recommendation_and_theme(improvement_board):
    pack = build_pack(improvement_board, date(2026, 5, 1))

    assert [(b.ref, b.counts.red, b.counts.amber) for b in pack.by_recommendation] == [("1", 1, 0), ("2", 0, 1)]
    # Recommendation 1 sits under the "Care leavers" heading; 2 has no theme.
    assert [(t.theme, t.counts.total) for t in pack.by_theme] == [("Care leavers", 1), ("No theme", 1)]


def test_closed_plans_are_left_out(improvement_board, example_plan):
    Plan.objects.filter(pk=example_plan.pk).update(status=Plan.PlanStatus.CLOSED)

    assert build_pack(improvement_board, date(2026, 5, 1)).overall.total == 0


def test_red_and_overdue_actions_are_exceptions_but_complete_ones_are_not(parenting_board):
    pack = build_pack(parenting_board, date(2026, 7, 15))

    assert [(e.action.label, e.reasons[:2]) for e in pack.exceptions] == [("1b", ["Red", "Overdue by 15 days"])]


def test_an_action_without_updates_for_the_stale_period_is_an_exception(aged_plan, improvement_board):
    pack = build_pack(improvement_board, date(2026, 6, 1))

    stale = {e.action.label: e.reasons for e in pack.exceptions}
    assert "Stale: no progress update yet" in stale["2.1"]


def test_exception_reasons_are_a_pure_rule():
    from lineofsight.reports.builder import ActionLine

    line = ActionLine(1, "Plan", "1", "1a", "Text", [], "June 2026", date(2026, 6, 30), "in_progress", "amber")
    assert exception_reasons(line, date(2026, 7, 1), stale=False) == ["Overdue by 1 day"]
    assert exception_reasons(line, date(2026, 6, 30), stale=False) == []
    line.status = "complete"
    assert exception_reasons(line, date(2026, 9, 1), stale=True) == []


def test_narrative_quotes_signed_off_updates_but_not_those_awaiting_sign_off(parenting_board, example_plan):
    review = action(example_plan, "1b")
    ProgressUpdate.objects.create(
        action=review,
        text="Half the placements reviewed.",
        as_of=date(2026, 5, 20),
        review=ProgressUpdate.Review.ACCEPTED,
    )
    ProgressUpdate.objects.create(action=review, text="Draft, not yet checked.", review=ProgressUpdate.Review.SUBMITTED)

    pack = build_pack(parenting_board, date(2026, 6, 1))

    texts = [u.text for u in pack.by_recommendation[0].updates]
    assert texts == ["Panel meets fortnightly.", "Half the placements reviewed."]


def test_first_pack_compares_with_the_plan_history_one_meeting_cycle_back(aged_plan, improvement_board):
    review = action(aged_plan, "1b")
    review.rag = "amber"
    review.save()

    pack = build_pack(improvement_board, date(2026, 12, 1))

    assert pack.baseline.kind == "history"
    assert pack.baseline.since == date(2026, 11, 1)
    assert [(c.kind, c.action_label, c.before, c.after) for c in pack.changes] == [("rag_moved", "1b", "Red", "Amber")]


def test_a_body_with_no_earlier_plan_has_nothing_to_compare(improvement_board):
    pack = build_pack(improvement_board, date(2026, 5, 1), since=date(2025, 1, 1))

    assert pack.baseline.kind == "none"
    assert pack.changes == []


def test_next_pack_reports_what_changed_since_the_last_issued_pack(aged_plan, improvement_board, plan_manager):
    issue_pack(improvement_board, date(2026, 5, 1), user=plan_manager)
    tracker = action(aged_plan, "2")
    tracker.status, tracker.rag = "complete", "blue"
    tracker.save()
    review = action(aged_plan, "1b")
    review.due_text, review.due_date, review.rag = "September 2026", date(2026, 9, 30), "amber"
    review.save()
    ProgressUpdate.objects.create(
        action=review, text="Twelve placements reviewed.", as_of=date(2026, 6, 1), review=ProgressUpdate.Review.ACCEPTED
    )

    pack = build_pack(improvement_board, date(2026, 7, 1))

    assert pack.baseline.kind == "pack"
    assert "1 May 2026" in pack.baseline.description
    changes = [(c.kind, c.action_label, c.before, c.after) for c in pack.changes]
    assert changes == [
        ("completed", "2.1", "Not stated", "Complete"),
        ("deadline_moved", "1b", "June 2026 (30 June 2026)", "September 2026 (30 September 2026)"),
        ("rag_moved", "1b", "Red", "Amber"),
        ("rag_moved", "2.1", "Amber", "Blue"),
        ("new_update", "1b", "", "1 June 2026: Twelve placements reviewed."),
    ]


def test_compare_snapshots_reports_new_actions_and_ignores_unchanged_ones():
    same = action_state(
        label="1a", text="A", status="in_progress", rag="green", due_date=None, due_text="", update_ids=[1]
    )
    new = action_state(label="1b", text="B", status="not_started", rag="", due_date=None, due_text="", update_ids=[])

    changes = compare_snapshots({"1": same}, {"1": same, "2": new})

    assert [(c.kind, c.action_label) for c in changes] == [("new_action", "1b")]


def test_pack_content_freezes_to_json(parenting_board):
    content = build_pack(parenting_board, date(2026, 5, 1)).to_json()

    assert content["meeting_date"] == "2026-05-01"
    assert content["overall"] == {"red": 1, "amber": 0, "green": 0, "blue": 1, "none": 0}
    assert set(content["snapshot"]) == {str(a.id) for a in build_pack(parenting_board, date(2026, 5, 1)).actions}


def test_builder_queries_do_not_grow_with_actions(improvement_board, example_plan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from lineofsight.plans.models import Action, ActionReport

    build_pack(improvement_board, date(2026, 7, 1))  # the first run may store the council's RAG settings
    with CaptureQueriesContext(connection) as few:
        build_pack(improvement_board, date(2026, 7, 1))
    recommendation = action(example_plan, "2").recommendation
    for n in range(20):
        extra = Action.objects.create(recommendation=recommendation, text=f"Extra action {n}", order=n + 1)
        ActionReport.objects.create(action=extra, body=improvement_board)
        ProgressUpdate.objects.create(action=extra, text="Started.", review=ProgressUpdate.Review.IMPORTED)
    with CaptureQueriesContext(connection) as many:
        pack = build_pack(improvement_board, date(2026, 7, 1))

    assert pack.overall.total == 22
    assert len(many) == len(few)


def test_a_failed_issue_leaves_no_files_behind(improvement_board, monkeypatch):
    from django.core.files.storage import default_storage

    from lineofsight.reports.models import BoardPack, BoardPackFile

    real_save = BoardPackFile.save
    calls = []

    def fail_on_third(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(self.file.name)
        if len(calls) == 3:
            raise OSError("disk full")
        return real_save(self, *args, **kwargs)

    monkeypatch.setattr(BoardPackFile, "save", fail_on_third)
    with pytest.raises(OSError, match="disk full"):
        issue_pack(improvement_board, date(2026, 7, 1))

    assert BoardPack.objects.count() == 0
    assert not any(default_storage.exists(name) for name in calls)
