"""When an action counts as overdue or due within some days: plain Python, no Django.

These two definitions sit with the plan because the plan page's filter needs them as
much as the RAG rules do (``tracking.rules`` builds ``classify`` on them), and the plan
app is below tracking: the filter and the rating can never disagree about "overdue".
"""

from __future__ import annotations

from datetime import date


def is_overdue(due_date: date | None, complete: bool, today: date) -> bool:
    """Past its deadline and not delivered. Due today is not yet overdue."""
    return due_date is not None and not complete and due_date < today


def is_due_within(due_date: date | None, today: date, days: int) -> bool:
    """Deadline falls between today and ``days`` days from now, inclusive."""
    if due_date is None:
        return False
    return 0 <= (due_date - today).days <= days
