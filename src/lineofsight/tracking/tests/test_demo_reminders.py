"""On the demo, `lineofsight remind` names every overdue action, and a second run the
same day sends nothing new."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from lineofsight.demo.loader import load_demo
from lineofsight.plans.models import Person
from lineofsight.tracking import services

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 23)


@pytest.fixture
def demo():  # type: ignore[no-untyped-def]
    organisation, _plan, _ = load_demo(TODAY)
    services.refresh_rag(services.open_actions(), TODAY)
    return organisation


def _overdue(organisation) -> list:  # type: ignore[no-untyped-def]
    rag_rules = services.rules_for(organisation.pk)
    actions = services.open_actions().select_related("recommendation__plan").prefetch_related("updates")
    return [a for a in actions if services.action_state(a, rag_rules, TODAY).overdue]


def test_every_demo_owner_has_an_example_address(demo) -> None:
    people = Person.objects.filter(organisation=demo)
    assert people.exists()
    assert all(p.email.endswith("@example.invalid") for p in people)


def test_the_dry_run_names_every_overdue_demo_action(demo, capsys) -> None:
    overdue = _overdue(demo)
    assert overdue, "the demo should have overdue actions"
    call_command("remind", "--dry-run", "--date", TODAY.isoformat())
    out = capsys.readouterr().out
    for action in overdue:
        assert action.text[:120] in out
    assert "0 actions reach no one" in out
    assert mail.outbox == []


def test_without_addresses_the_dry_run_says_who_cannot_be_reached(demo, capsys) -> None:
    Person.objects.filter(organisation=demo).update(email="", user=None)
    overdue = _overdue(demo)
    call_command("remind", "--dry-run", "--date", TODAY.isoformat())
    out = capsys.readouterr().out
    # The overdue ones, plus any due soon or drifting today (23 November 2026 is a Monday).
    assert "Subject: No one can be reminded about these " in out
    assert f"Overdue ({len(overdue)})" in out
    assert "To: manager@example.invalid (plan manager)" in out
    for action in overdue:
        assert action.text[:120] in out


def test_a_second_real_run_on_the_same_day_sends_nothing_new(demo, capsys) -> None:
    call_command("remind", "--date", TODAY.isoformat())
    first = len(mail.outbox)
    assert first >= 1
    call_command("remind", "--date", TODAY.isoformat())
    assert len(mail.outbox) == first
    assert "0 reminder digests sent" in capsys.readouterr().out.splitlines()[-1]
