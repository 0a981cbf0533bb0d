"""Board-pack sections and issuing a pack as background work come from registries filled
in ReportsConfig.ready(), not from string imports with fallbacks."""

from __future__ import annotations

from datetime import date

import pytest

from lineofsight.background.jobs import describe_error, job_kinds
from lineofsight.reports.builder import PackSection, SectionContext, build_pack, pack_sections
from lineofsight.reports.services import PackError, run_issue_job

pytestmark = pytest.mark.django_db


def test_the_scorecard_section_is_registered_when_django_starts():
    assert pack_sections.keys()[0] == "indicators"
    assert pack_sections.get("indicators").__module__ == "lineofsight.reports.sections"


def test_a_registered_section_appears_in_the_pack_and_can_be_left_out(improvement_board):
    def owners(context: SectionContext) -> PackSection:
        names = sorted({name for line in context.lines.values() for name in line.owners})
        return PackSection(key="owners", title="Owners", intro="", columns=["Owner"], rows=[[n] for n in names])

    pack_sections.register("owners", owners)
    try:
        with_it = build_pack(improvement_board, date(2026, 3, 12))
        without = build_pack(improvement_board, date(2026, 3, 12), sections=["indicators"])
    finally:
        pack_sections.unregister("owners")
    assert [s.key for s in with_it.sections] == ["owners"]
    assert with_it.sections[0].rows  # the owners of the body's actions
    assert without.sections == []


def test_issuing_a_pack_is_a_kind_of_background_job_whose_refusals_read_as_written():
    kind = job_kinds.get("issue_pack")
    assert kind.run is run_issue_job
    assert describe_error(PackError("The pack has no actions"), kind.expected_errors) == "The pack has no actions"
    assert describe_error(KeyError("body_id"), kind.expected_errors) == "KeyError: 'body_id'"
    assert set(job_kinds.keys()) >= {"issue_pack", "refresh_rag", "remind", "prune_imports"}
