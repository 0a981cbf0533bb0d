"""Plan importer: a council's action plan document in, a lineofsight/plan@1 dict out.

Pure Python, importable without Django configured::

    from lineofsight.importing import read_plan, ImportFailed
    result = read_plan(data, "plan.docx")
    result.plan        # dict in the lineofsight/plan@1 format
    result.warnings    # what looked odd, each pointing at file, table and row
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from lineofsight.plans.schema import validate_plan

from .deadlines import DueDate, normalise_due
from .errors import ImportFailed
from .layout import ImportWarning, build_plan
from .readers import MAX_UPLOAD_BYTES, detect_type, read_document

logger = logging.getLogger(__name__)

__all__ = [
    "MAX_UPLOAD_BYTES",
    "DueDate",
    "ImportFailed",
    "ImportResult",
    "ImportWarning",
    "detect_type",
    "normalise_due",
    "read_plan",
    "validate_plan",
]


@dataclass
class ImportResult:
    """What the importer understood: the plan@1 dict and the warnings about its source."""

    plan: dict[str, Any]
    warnings: list[ImportWarning] = field(default_factory=list)

    @property
    def action_count(self) -> int:
        return sum(len(r["actions"]) for r in self.plan["recommendations"])


def read_plan(data: bytes, filename: str, *, inspection_end: date | None = None) -> ImportResult:
    """Read an action plan document into plan@1.

    ``data`` is the file's bytes and ``filename`` its name as uploaded (used to detect
    the type and in messages). ``inspection_end`` is the inspection's last day, from
    which relative timescales ("3 months") count; without it the importer uses dates
    printed above the plan. Raises :class:`ImportFailed` for input it cannot read.
    """
    doc = read_document(data, filename)
    try:
        plan, warnings = build_plan(doc, inspection_end=inspection_end)
    except Exception as exc:  # a layout the rules do not expect must not become a crash
        logger.exception("laying out %s failed", filename)
        raise ImportFailed(
            filename,
            f"the tables were found but could not be read as a plan ({exc.__class__.__name__}); "
            "please send the file to the Line of Sight team",
        ) from exc
    if not plan["recommendations"]:
        reason = doc.unreadable() if doc.unreadable else None
        if reason:
            raise ImportFailed(filename, f"no recommendations or actions were found: {reason}")
        raise ImportFailed(
            filename,
            "no recommendations or actions were found; expected a table whose header names "
            "the recommendation or action, the lead and the timescale",
        )
    validate_plan(plan)
    return ImportResult(plan, warnings)
