"""The filtered action list, for the API and the spreadsheet feed: which actions pass the
plan page's filters (plus "changed since"), and the same rows as CSV or XLSX.

No HTTP here; both the token API and the signed-in plan page call these.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from lineofsight.plans.models import Action, Plan, Rag, Status
from lineofsight.plans.queries import ActionFilter, build_plan_view
from lineofsight.reports.exporters.cells import is_dangerous, set_text
from lineofsight.tracking import rules

DUE_WINDOWS = ("overdue", "none")
RAG_CHOICES = (*Rag.values, "none")
STATUS_CHOICES = (*Status.values, "none")


@dataclass(frozen=True)
class FeedFilter:
    """The plan page's filters, and "changed since" for systems that sync."""

    actions: ActionFilter
    changed_since: datetime | None = None


def aware(moment: datetime | None) -> datetime | None:
    """The moment in UTC; a time without a zone is read as London time, as the council means it.

    UTC because PostgreSQL refuses zone offsets beyond ±15:59 that ISO 8601 allows.
    """
    if moment is None:
        return None
    if timezone.is_naive(moment):
        try:
            moment = timezone.make_aware(moment)
        except (OverflowError, ValueError):
            moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        # Within a day of year 1 or 9999: before or after anything the plan holds.
        return datetime.min.replace(tzinfo=UTC) if moment.year < 5000 else datetime.max.replace(tzinfo=UTC)


def filter_from_params(params: Mapping[str, Any]) -> FeedFilter:
    """Filters from query parameters named as on the plan page (owner, rag, status, body,
    due) plus changed_since; a value that cannot mean anything is ignored, as the plan
    page's form ignores it."""

    def number(name: str) -> int | None:
        text = str(params.get(name) or "").strip()
        return int(text) if text.isdigit() and len(text) < 12 else None

    def choice(name: str, allowed: tuple[str, ...]) -> str:
        text = str(params.get(name) or "").strip()
        return text if text in allowed else ""

    due = str(params.get("due") or "").strip()
    if due not in DUE_WINDOWS and not (due.isdigit() and len(due) <= 4):
        due = ""
    changed: datetime | None = None
    raw = str(params.get("changed_since") or "").strip()
    if raw:
        try:
            changed = aware(datetime.fromisoformat(raw))
        except ValueError:
            changed = None
    return FeedFilter(
        ActionFilter(
            owner_id=number("owner"),
            rag=choice("rag", RAG_CHOICES),
            status=choice("status", STATUS_CHOICES),
            body_id=number("body"),
            due=due,
        ),
        changed,
    )


def filtered_actions(plan: Plan, feed_filter: FeedFilter, today: date) -> list[Action]:
    """The plan's actions that pass the filters, in plan order.

    ``plan`` comes from ``plans.interchange.plan_queryset`` so the filter runs over
    prefetched rows, exactly as the plan page's does. "Changed since" counts an edit of
    the action and a progress update posted on it.
    """
    view = build_plan_view(plan, feed_filter.actions, today)
    actions = [action for rec in view.recommendations for action in rec.actions]
    since = feed_filter.changed_since
    if since is not None:
        changed = set(
            Action.objects.filter(recommendation__plan=plan)
            .filter(Q(updated__gte=since) | Q(updates__created__gte=since))
            .values_list("pk", flat=True)
        )
        actions = [action for action in actions if action.pk in changed]
    return actions


HEADER = (
    "Action id",
    "Recommendation",
    "Recommendation text",
    "Action ref",
    "Action",
    "Owners",
    "Lead agency",
    "Due (as printed)",
    "Due date",
    "Status",
    "RAG",
    "RAG from the rules",
    "RAG override",
    "Override reason",
    "Drifting",
    "Overdue",
    "Reported to",
    "Last changed",
)


def feed_rows(actions: Sequence[Action], today: date) -> list[list[Any]]:
    """One row per action, in the order of :data:`HEADER`."""
    rows: list[list[Any]] = []
    for action in actions:
        recommendation = action.recommendation
        rows.append(
            [
                action.pk,
                recommendation.ref,
                recommendation.text,
                action.ref,
                action.text,
                "; ".join(action.owner_names()),
                action.lead_agency,
                action.due_text,
                action.due_date,
                action.get_status_display() if action.status else "",
                action.effective_rag,
                action.rag_computed,
                action.rag_override,
                action.rag_override_reason,
                "yes" if action.is_stale else "no",
                "yes" if rules.is_overdue(action.due_date, action.status == Status.COMPLETE, today) else "no",
                "; ".join(action.body_names()),
                action.updated.replace(microsecond=0).isoformat() if action.updated else "",
            ]
        )
    return rows


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    # A CSV has no "this is text" flag: the apostrophe is what Excel itself shows for
    # typed text that would otherwise run as a formula.
    return "'" + text if isinstance(value, str) and is_dangerous(text) else text


def to_csv(rows: Sequence[Sequence[Any]]) -> bytes:
    """The rows as UTF-8 CSV with a byte-order mark (so Excel reads it as UTF-8)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row])
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(rows: Sequence[Sequence[Any]], title: str = "Actions") -> bytes:
    """The rows as one Excel sheet; text cells guarded against formula injection."""
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31] or "Actions"
    for column, name in enumerate(HEADER, start=1):
        cell = set_text(sheet.cell(row=1, column=column), name)
        cell.font = Font(bold=True)
    for index, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=index, column=column)
            if isinstance(value, date):
                # A real date, so Power BI and Excel sort and filter it as one.
                cell.value = value
                cell.number_format = "yyyy-mm-dd"
            else:
                set_text(cell, value)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


FEED_FORMATS = {
    "csv": ("text/csv; charset=utf-8", to_csv),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", to_xlsx),
}


def feed_file(plan: Plan, feed_filter: FeedFilter, fmt: str, today: date) -> tuple[bytes, str, str]:
    """(content, media type, file name) of the plan's filtered actions in ``fmt``."""
    media_type, writer = FEED_FORMATS[fmt]
    rows = feed_rows(filtered_actions(plan, feed_filter, today), today)
    return writer(rows), media_type, f"plan-{plan.pk}-actions.{fmt}"
