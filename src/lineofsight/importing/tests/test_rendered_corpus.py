"""Every scored plan as councils also send it: printed to PDF by LibreOffice, and that PDF
as ``pdftotext -layout`` text. Both renderings of each plan (the corpus, the blind rounds
and the seed answers) are imported and scored with the shared scorer.

Renderings are cached by content hash (``$XDG_CACHE_HOME/lineofsight-renderings``), so
only a fresh machine pays for LibreOffice, once, in a single ``soffice`` run (about a
minute for 49 documents on 2 cores). ``pytest -s`` prints the score table.

The issue's aim is 0.90 for every rendering and a mean of 0.95; the floors below are
what the importer reaches today, so any change that loses ground fails here. Text keeps
no cell colours, so text renderings are also scored against what text can carry ("text*"):
an action whose RAG the document shows only as a colour (``RAG_SHOWN_AS_COLOUR_ONLY`` in
its module) is expected with no RAG, and the importer warns that the column is empty.
"""

from __future__ import annotations

import shutil

import pytest

from lineofsight.importing import read_plan
from lineofsight.importing.errors import ImportFailed
from lineofsight.importing.tests import renderings
from lineofsight.importing.tests.scorer import scorer

PDF_MEAN = 0.99
TEXT_MEAN = 0.94
# Renderings scoring at least 0.90, of 49 plans each.
PDF_GOOD = 49
TEXT_GOOD = 44
# The text renderings scored against what text can carry (no colour-only RAG).
CARRIED_MEAN = 0.96
CARRIED_GOOD = 48


@pytest.fixture(scope="module")
def scored() -> list[tuple[str, float, float]]:
    tool = scorer()  # skips without ../shared, fails if its scorer is broken
    if renderings.soffice() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or pdftotext is missing; run scripts/install-test-deps.sh")
    plans = renderings.scored_plans()
    paths = renderings.render_all(plans)
    out = []
    for plan in plans:
        pdf, text = paths[plan.name]
        scores = []
        for path, suffix in ((pdf, ".pdf"), (text, ".txt")):
            try:
                imported = read_plan(path.read_bytes(), plan.name + suffix).plan
            except ImportFailed:
                imported = {"recommendations": []}
            scores.append(tool.score(plan.expected, imported)["score"])
        scores.append(tool.score(plan.expected_from_text(), imported)["score"])
        out.append((plan.name, *scores))
    return out


def test_every_scored_plan_is_rendered_as_pdf_and_as_text(scored):
    assert len(scored) >= 49


def test_rendered_plans_import_from_pdf_and_from_text(scored):
    # "text*" scores the text against what text can carry: no RAG where the document
    # shows it only as a colour (see ScoredPlan.expected_from_text).
    print(f"\n{'plan':48} {'pdf':>6} {'text':>6} {'text*':>6}")
    for name, pdf, text, carried in scored:
        print(f"{name:48} {pdf:6.3f} {text:6.3f} {carried:6.3f}")
    means = [sum(s[k] for s in scored) / len(scored) for k in (1, 2, 3)]
    good = [sum(s[k] >= 0.90 for s in scored) for k in (1, 2, 3)]
    print(f"{'mean':48} {means[0]:6.3f} {means[1]:6.3f} {means[2]:6.3f}")
    print(f"{'at least 0.90':48} {good[0]:6d} {good[1]:6d} {good[2]:6d}")
    assert means[0] >= PDF_MEAN
    assert means[1] >= TEXT_MEAN
    assert means[2] >= CARRIED_MEAN
    assert good[0] >= PDF_GOOD
    assert good[1] >= TEXT_GOOD
    assert good[2] >= CARRIED_GOOD


def test_plans_that_show_rag_only_as_colour_name_actions_they_hold():
    # A misspelt action text would quietly keep its RAG in the text answer.
    for plan in renderings.scored_plans():
        if isinstance(plan.rag_shown_as_colour_only, tuple):
            texts = {a["text"] for r in plan.expected["recommendations"] for a in r["actions"]}
            assert set(plan.rag_shown_as_colour_only) <= texts, plan.name
