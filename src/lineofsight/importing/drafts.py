"""Layout step, drafts: what the row walker builds before it becomes plan@1.

A :class:`DraftRecommendation` holds its :class:`DraftAction` objects as the walker
(:mod:`.walker`) and the column handlers (:mod:`.handlers`) fill them in; the builder
(:mod:`.layout`) turns them into the plan@1 dict. :class:`ImportWarning` points at the
file, table and row something odd was found in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .columns import ColumnMap
    from .grid import Row, Table


@dataclass
class ImportWarning:
    """Something odd in the source, pointing at where it is."""

    filename: str
    table: int | None
    row: int | None
    message: str

    def __str__(self) -> str:
        where = [self.filename]
        if self.table is not None:
            where.append(f"table {self.table}")
        if self.row is not None:
            where.append(f"row {self.row}")
        return f"{', '.join(where)}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        """The warning as JSON (the import sandbox's reply, the preview page)."""
        return {"file": self.filename, "table": self.table, "row": self.row, "message": self.message}


@dataclass
class DraftAction:
    """An action as the column handlers fill it: texts as printed, the deadline unparsed."""

    text: str
    ref: str | None = None
    owners: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    due_text: str | None = None
    status: str | None = None
    rag: str | None = None
    measures: list[str] = field(default_factory=list)
    reported_to: list[str] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    status_text: str | None = None
    progress_items: list[str] = field(default_factory=list)
    completed: bool = False


@dataclass
class DraftRecommendation:
    """A recommendation with its actions; ``source`` is the (table, row) it started at."""

    ref: str | None
    text: str
    section: str | None
    outcomes: list[str] = field(default_factory=list)
    see_also: list[str] = field(default_factory=list)
    actions: list[DraftAction] = field(default_factory=list)
    source: tuple[int, int] | None = None


@dataclass
class PlanRow:
    """A source row with its table, ready for layout."""

    row: Row
    table: Table
    cmap: ColumnMap
    after_break: bool = False
