"""Text pasted from a PDF viewer that puts every cell in its own paragraph, row after
row, with a blank line between cells and some cells on two lines."""

from __future__ import annotations

from ._kit import R, expected

FILENAME = "pasted plan.txt"
ROWS = [
    R(
        "1",
        "Reduce drift for children on child in need plans.",
        "Review every plan open longer than nine months.",
        ["Head of Children in Need"],
        "31 March 2026",
        "2026-03-31",
        rag="amber",
    ),
    R(
        "2",
        "Improve recording of children's identity needs.",
        "Add identity prompts to the assessment form.",
        ["Systems Lead"],
        "30 April 2026",
        "2026-04-30",
        rag="green",
    ),
    R(
        "3",
        "Strengthen joint work with adult mental health.",
        "Agree a joint protocol with the mental health trust.",
        ["Head of Early Help"],
        "July 2026",
        "2026-07-31",
        rag="red",
    ),
]


def build() -> bytes:
    parts = ["Holloway Vale Council improvement plan", "Ref", "Recommendation", "Action", "Lead", "Deadline", "RAG"]
    text = parts[0] + "\n\n" + "\n".join(parts[1:]) + "\n\n"
    for r in ROWS:
        half = len(r.action) // 2
        cut = r.action.rfind(" ", 0, half)
        cells = [
            r.ref,
            r.recommendation,
            r.action[:cut] + "\n" + r.action[cut + 1 :],
            r.owners[0],
            r.due,
            (r.rag or "").title(),
        ]
        text += "\n\n".join(cells) + "\n\n"
    return text.encode()


EXPECTED = expected("Holloway Vale Council improvement plan", "Holloway Vale Council", None, None, None, ROWS)
