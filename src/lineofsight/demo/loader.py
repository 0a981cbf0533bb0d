"""Load Example Borough Council's demo, with every date moved to the load day.

The data files in ``data/`` are written as of one fixed day (``as_of`` in ``plan.json``).
Loading moves them by the time since then, so the plan always has actions that are
complete, on track, due soon and overdue:

- a date moves by the same number of days (progress updates, the inspection, ...);
- a deadline on a month's last day moves by whole months and stays a month's last day,
  as plans write deadlines, and a timescale naming that month ("March 2027") is renamed;
- a quarter ("2026-27 Q2") moves by whole financial quarters.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from typing import Any

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.db import transaction

from lineofsight.accounts.models import Membership, Organisation, Role
from lineofsight.indicators.models import IndicatorLink, Target
from lineofsight.indicators.rules import QUARTER, PeriodError, financial_quarter, parse_period
from lineofsight.indicators.services import code_index, import_values_csv, refresh_link_suggestions
from lineofsight.plans.interchange import load_plan
from lineofsight.plans.models import Action, GovernanceBody, Judgement, Person, Plan, ProgressUpdate
from lineofsight.tracking.services import refresh_rag

DATA = resources.files("lineofsight.demo").joinpath("data")


def read_json(name: str) -> dict[str, Any]:
    """One of the demo's JSON data files, as written (dated as of the fixture's day)."""
    return json.loads(DATA.joinpath(name).read_text("utf-8"))


@dataclass(frozen=True)
class Shift:
    """How far the demo's dates move: from the fixture's day to the load day."""

    as_of: date
    today: date

    @property
    def months(self) -> int:
        """Whole calendar months from the fixture's month to the load day's."""
        return (self.today.year - self.as_of.year) * 12 + self.today.month - self.as_of.month

    def by_days(self, value: date) -> date:
        """A date moved by whole days."""
        return value + (self.today - self.as_of)

    def day(self, value: str | None) -> str | None:
        """An ISO date moved by whole days (None stays None)."""
        return self.by_days(date.fromisoformat(value)).isoformat() if value else None

    def month_end(self, value: date) -> date:
        """A month's last day moved by whole months (``day=31`` clamps to the month's end)."""
        return value + relativedelta(months=self.months, day=31)

    def deadline(self, due: dict[str, Any] | None) -> dict[str, Any] | None:
        """An action's ``due``: a month-end deadline moves by months, any other by days."""
        if not due or not due["date"]:
            return due
        deadline = date.fromisoformat(due["date"])
        if (deadline + timedelta(days=1)).day != 1:
            return {"text": due["text"], "date": self.day(due["date"])}
        moved = self.month_end(deadline)
        text = moved.strftime("%B %Y") if due["text"] == deadline.strftime("%B %Y") else due["text"]
        return {"text": text, "date": moved.isoformat()}

    def quarter(self, label: str) -> str:
        """A financial-year quarter label ("2026-27 Q2") moved by whole quarters."""
        try:
            period = parse_period(label)
        except PeriodError:
            period = None
        if period is None or period.kind != QUARTER:
            raise ValueError(f"demo scorecard: {label!r} is not a quarter like '2026-27 Q2'")
        moved = _quarter_index(period.start) + _quarter_index(self.today) - _quarter_index(self.as_of)
        start_year, number = divmod(moved, 4)
        return financial_quarter(start_year, number + 1).label


def _quarter_index(day: date) -> int:
    """Financial quarters from April of year 0 to the one ``day`` falls in (Q1 is April to June)."""
    return (day.year * 12 + day.month - 4) // 3


def plan_document(today: date) -> dict[str, Any]:
    """The demo plan as a plan@1 document dated relative to ``today``."""
    document = read_json("plan.json")
    shift = Shift(date.fromisoformat(document.pop("as_of")), today)
    inspection = document["inspection"]
    inspection["started"], inspection["ended"] = shift.day(inspection["started"]), shift.day(inspection["ended"])
    for recommendation in document["recommendations"]:
        for action in recommendation["actions"]:
            action["due"] = shift.deadline(action.get("due"))
            for update in action.get("updates", []):
                update["as_of"] = shift.day(update.get("as_of"))
    return document


def scorecard_csv(shift: Shift) -> bytes:
    """The demo's indicator values (``scorecard.csv``) with their quarters moved."""
    rows = list(csv.DictReader(io.StringIO(DATA.joinpath("scorecard.csv").read_text("utf-8"))))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows({**row, "period": shift.quarter(row["period"])} for row in rows)
    return out.getvalue().encode()


def fixture_day() -> date:
    """The fixed day the demo's data files are written as of."""
    return date.fromisoformat(read_json("plan.json")["as_of"])


def sign_ins() -> list[dict[str, Any]]:
    """The demo sign-ins the README prints (username, password, role, ...)."""
    return read_json("council.json")["sign_ins"]


@transaction.atomic
def load_demo(today: date, *, with_users: bool = True) -> tuple[Organisation, Plan, bool]:
    """Create the demo organisation, bodies, people, plan, scorecard and sign-ins once.

    Returns (organisation, plan, created); running it again changes nothing.
    """
    council = read_json("council.json")
    shift = Shift(fixture_day(), today)
    organisation, _ = Organisation.objects.get_or_create(
        slug=council["organisation"]["slug"], defaults={"name": council["organisation"]["name"]}
    )
    # Bodies and people first, so the plan's names find them rather than bare new rows.
    for body in council["governance_bodies"]:
        GovernanceBody.objects.get_or_create(organisation=organisation, name=body["name"], defaults=body)
    for person in council["people"]:
        Person.objects.get_or_create(organisation=organisation, name=person["name"], defaults=person)
    document = plan_document(today)
    plan = Plan.objects.filter(organisation=organisation, title=document["title"]).first()
    created = plan is None
    if plan is None:
        plan = load_plan(document, organisation, source="demo/data/plan.json")
        _finish_plan(plan, council["inspection"], shift)
        refresh_rag(Action.objects.filter(recommendation__plan=plan), today)
        _load_scorecard(organisation, council["targets"], shift)
    if with_users:
        _create_sign_ins(organisation, council["sign_ins"])
    return organisation, plan, created


def _finish_plan(plan: Plan, spec: dict[str, Any], shift: Shift) -> None:
    """What plan@1 does not carry: the inspection's publication, judgements, sign-offs."""
    inspection = plan.inspection
    assert inspection is not None  # the fixture has one
    inspection.published = shift.by_days(date.fromisoformat(spec["published"]))
    inspection.save()
    Judgement.objects.bulk_create(Judgement(inspection=inspection, **judgement) for judgement in spec["judgements"])
    # Imported updates carry no rating; give each the action's status and RAG, signed
    # off, so the demo shows rated, accepted progress.
    for update in ProgressUpdate.objects.filter(action__recommendation__plan=plan).select_related("action"):
        update.status, update.rag = update.action.status, update.action.rag
        update.review = ProgressUpdate.Review.ACCEPTED
        update.save()


def _load_scorecard(organisation: Organisation, targets: list[dict[str, Any]], shift: Shift) -> None:
    """Six quarters of values, a target for each indicator, and the plan's measures
    linked to them, as a plan manager would have confirmed."""
    import_values_csv(organisation, scorecard_csv(shift), source="demo scorecard", via="Demo data")
    index = code_index(organisation)
    for target in targets:
        Target.objects.get_or_create(
            indicator=index[target["indicator"]],
            defaults={
                "value": target["value"],
                "tolerance": target["tolerance"],
                "by_date": shift.month_end(date.fromisoformat(target["by_date"])),
            },
        )
    refresh_link_suggestions(organisation)
    IndicatorLink.objects.filter(indicator__organisation=organisation, rejected=False).update(confirmed=True)


def _create_sign_ins(organisation: Organisation, specs: list[dict[str, Any]]) -> None:
    """The README's sign-ins (passwords set only when the user is new), each a member."""
    users = get_user_model()
    for spec in specs:
        superuser = spec.get("superuser", False)
        user, created = users.objects.get_or_create(
            username=spec["username"],
            defaults={
                "first_name": spec["first_name"],
                "last_name": spec["last_name"],
                "email": f"{spec['username']}@example.invalid",
                "is_staff": superuser,
                "is_superuser": superuser,
            },
        )
        if created:
            user.set_password(spec["password"])
            user.save()
        Membership.objects.get_or_create(user=user, organisation=organisation, defaults={"role": Role(spec["role"])})
        if spec.get("person"):
            Person.objects.filter(organisation=organisation, name=spec["person"]).update(user=user, email=user.email)
