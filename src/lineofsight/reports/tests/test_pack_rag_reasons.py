"""Board packs say why each action has its RAG, and a draft never passes for an issued pack."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse

from lineofsight.reports.builder import build_pack
from lineofsight.reports.exporters import FORMATS
from lineofsight.reports.tests.conftest import action
from lineofsight.tracking import services

pytestmark = pytest.mark.django_db

MEETING = date(2026, 7, 1)


@pytest.fixture
def rated_pack(aged_plan, improvement_board):  # type: ignore[no-untyped-def]
    services.refresh_rag(services.open_actions(), MEETING)
    return build_pack(improvement_board, MEETING)


def test_every_action_line_carries_the_reason_for_its_rag(rated_pack, aged_plan) -> None:
    lines = {line.label: line for line in rated_pack.actions}
    assert lines["1b"].rag_summary == "Red: due 30 Jun 2026, no update since 1 Feb 2026"
    # "Ongoing" has no deadline: no RAG, never green.
    assert lines["2.1"].rag_summary == "No RAG: needs a deadline"
    assert rated_pack.overall.none == 1


def test_the_reason_is_printed_in_the_html_and_word_packs(rated_pack) -> None:
    from docx import Document

    html = FORMATS["html"].export(rated_pack).decode()
    assert "Red: due 30 Jun 2026, no update since 1 Feb 2026" in html
    document = Document(io.BytesIO(FORMATS["docx"].export(rated_pack)))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert any("Red: due 30 Jun 2026, no update since 1 Feb 2026" in text for text in cells)


def test_an_override_shows_its_reason_in_the_pack(aged_plan, improvement_board, plan_manager) -> None:
    review = action(aged_plan, "1b")
    services.override_rag(review, plan_manager, expected_version=review.version, rag="amber", reason="Board agreed")
    pack = build_pack(improvement_board, MEETING)
    line = next(line for line in pack.actions if line.label == "1b")
    assert line.rag_summary == "Amber: override: Board agreed"


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx"])
def test_a_downloaded_draft_says_draft(client_for, plan_manager, improvement_board, fmt) -> None:
    response = client_for(plan_manager).get(
        reverse("reports:pack_preview_download", args=[improvement_board.pk, fmt]), {"date": "2026-07-01"}
    )
    assert response.status_code == 200
    assert "DRAFT-" in response["Content-Disposition"]
    if fmt == "html":
        assert "DRAFT – Improvement Board: board pack" in response.content.decode()
    elif fmt == "docx":
        from docx import Document

        document = Document(io.BytesIO(response.content))
        assert document.sections[0].header.paragraphs[0].text == "DRAFT – not issued"
        assert document.core_properties.title.startswith("DRAFT – ")
    else:
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(response.content))["Summary"]
        assert str(sheet["A1"].value).startswith("DRAFT – ")


def test_an_issued_pack_is_not_marked_draft(improvement_board) -> None:
    pack = build_pack(improvement_board, MEETING)
    assert not pack.title.startswith("DRAFT")
    assert "DRAFT" not in FORMATS["html"].export(pack).decode()
