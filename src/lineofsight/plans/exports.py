"""The formats a plan can be written out in (``lineofsight export PLAN --format F``).

The plan app defines the idea and registers its own interchange JSON; an app above it
that can lay a plan out (``reports``: the Ofsted table in DOCX and XLSX) registers its
formats in its ``AppConfig.ready()``. The export command only asks this registry, so the
plan app never imports the apps above it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from lineofsight.core.registry import Registry
from lineofsight.plans.interchange import export_plan
from lineofsight.plans.models import Plan


@dataclass(frozen=True)
class PlanFormat:
    """One way to write a plan out: ``export(plan)`` gives the file's bytes; ``binary``
    formats need ``-o FILE`` rather than the terminal."""

    export: Callable[[Plan], bytes]
    description: str
    binary: bool = True


plan_formats: Registry[PlanFormat] = Registry("plan export format")


def export_json(plan: Plan) -> bytes:
    """The plan as a ``lineofsight/plan@1`` document, UTF-8, ending in a newline."""
    return (json.dumps(export_plan(plan), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def register_plan_formats() -> None:
    """The plan app's own format (called from ``PlansConfig.ready``)."""
    plan_formats.register("json", PlanFormat(export_json, "lineofsight/plan@1 JSON interchange", binary=False))
