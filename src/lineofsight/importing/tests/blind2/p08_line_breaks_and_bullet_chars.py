"""Word plan exported from a case system: one paragraph per cell, manual line breaks, '•' bullets,
owners as 'Lead: X; Support: Y'."""

from __future__ import annotations

from ._docx import new_document, to_bytes
from ._expect import action, plan, recommendation

FILENAME = "export_improvement_plan_20250414.docx"


def _cell_lines(cell, lines: list[str]) -> None:
    """Write the lines into the cell's single paragraph, separated by manual line breaks."""
    par = cell.paragraphs[0]
    for i, line in enumerate(lines):
        run = par.add_run(line)
        if i < len(lines) - 1:
            run.add_break()


def build() -> bytes:
    """Every cell one paragraph."""
    doc = new_document()
    doc.add_paragraph("Improvement Plan Export – Harrowfield Council")
    rows = [
        [["Priority"], ["Actions"], ["Owner"], ["Target"]],
        [
            ["1 Reduce caseloads in the assessment teams"],
            [
                "• Recruit six permanent social workers",
                "• Move two posts from the duty team",
                "• Review caseload weighting tool",
            ],
            ["Lead: Sam Okafor; Support: Rita Bell"],
            ["December 2025"],
        ],
        [
            ["2 Improve the quality of child protection plans"],
            ["• Adopt SMART plan templates", "• Quarterly thematic audit of plans"],
            ["Lead: Helen Marsh"],
            ["September 2025", "March 2026"],
        ],
    ]
    table = doc.add_table(rows=len(rows), cols=4)
    for r, values in enumerate(rows):
        for c, lines in enumerate(values):
            _cell_lines(table.cell(r, c), lines)
    return to_bytes(doc)


# "Support: Rita Bell" names a supporting officer, not the lead: by plan-format.md owners are the
# responsible lead(s), so she is a partner (the importer's "Support:" rule), not an owner.
def _supported(actions: list[dict]) -> list[dict]:
    for a in actions:
        a["partners"] = ["Rita Bell"]
    return actions


EXPECTED = plan(
    "Improvement Plan Export – Harrowfield Council",
    [
        recommendation(
            "1",
            "Reduce caseloads in the assessment teams",
            _supported(
                [
                    action("Recruit six permanent social workers", ["Sam Okafor"], "December 2025", "2025-12-31"),
                    action("Move two posts from the duty team", ["Sam Okafor"], "December 2025", "2025-12-31"),
                    action("Review caseload weighting tool", ["Sam Okafor"], "December 2025", "2025-12-31"),
                ]
            ),
        ),
        recommendation(
            "2",
            "Improve the quality of child protection plans",
            [
                action("Adopt SMART plan templates", ["Helen Marsh"], "September 2025", "2025-09-30"),
                action("Quarterly thematic audit of plans", ["Helen Marsh"], "March 2026", "2026-03-31"),
            ],
        ),
    ],
)
