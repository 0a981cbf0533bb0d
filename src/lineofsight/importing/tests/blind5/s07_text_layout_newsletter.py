"""``pdftotext -layout`` of a newsletter page: a masthead, two columns of narrative side
by side, then the plan as a space-aligned table in the lower half of the page, cells
wrapped within their columns and a recommendation printed once on its first row."""

from __future__ import annotations

import textwrap

from ._kit import A, expected, first_of_rec

FILENAME = "Children's Services News - Spring 2026 (page 3).txt"
_1 = "Help for families at the earliest opportunity"
_2 = "Children in care living close to home"
ROWS = [
    A(
        None,
        _1,
        "Open two more family hubs, in Eastfield and Moorside, with health visitors on site.",
        ["Head of Early Help"],
        "Summer 2026",
        "2026-08-31",
    ),
    A(
        None,
        _1,
        "Train 200 partner staff to lead early help assessments.",
        ["Early Help Partnership Manager"],
        "December 2026",
        "2026-12-31",
    ),
    A(
        None,
        _2,
        "Recruit 30 new foster carers through the 'Foster Local' campaign.",
        ["Fostering Recruitment Manager"],
        "March 2027",
        "2027-03-31",
    ),
    A(
        None,
        _2,
        "Open a four-bed children's home in the borough for children aged 12 to 16.",
        ["Head of Commissioning", "Residential Services Manager"],
        "Sept-Dec 2026",
        "2026-12-31",
    ),
    A(
        None,
        _2,
        "Review every placement more than 20 miles away and plan a move closer to home where right.",
        ["Head of Children in Care"],
        "June 2026",
        "2026-06-30",
    ),
]

_LEFT = (
    "In January Ofsted carried out a focused visit to look at our work with children in care. "
    "Inspectors spoke to social workers, managers and to children themselves, and read the records of "
    "forty children."
)
_RIGHT = (
    "They found that most children are seen regularly and that social workers know them well. They also "
    "said we need to do more so that children can live close to home and families get help early."
)


def _columns(left: str, right: str, width: int = 44, gap: int = 6) -> list[str]:
    a, b = textwrap.wrap(left, width), textwrap.wrap(right, width)
    a += [""] * (len(b) - len(a))
    b += [""] * (len(a) - len(b))
    return [(x.ljust(width + gap) + y).rstrip() for x, y in zip(a, b, strict=True)]


def _table() -> list[str]:
    widths = [22, 40, 22, 14]
    out = [
        "Our priority".ljust(widths[0] + 2)
        + "What we will do".ljust(widths[1] + 2)
        + "Who leads".ljust(widths[2] + 2)
        + "When",
        "",
    ]
    for k, r in enumerate(ROWS):
        cols = [
            textwrap.wrap(r.rec_text, widths[0]) if first_of_rec(ROWS, k) else [],
            textwrap.wrap(r.text, widths[1]),
            [line for owner in r.owners for line in textwrap.wrap(owner, widths[2])],
            [r.due or ""],
        ]
        height = max(len(c) for c in cols)
        for i in range(height):
            out.append(
                "".join((c[i] if i < len(c) else "").ljust(w + 2) for c, w in zip(cols, widths, strict=True)).rstrip()
            )
        out.append("")
    return out


def build() -> bytes:
    lines = [
        "                         CHILDREN'S SERVICES NEWS",
        "                   Lowmoor District Council  |  Spring 2026",
        "",
        "",
        "What Ofsted told us".ljust(50) + "What happens next",
        "",
        *_columns(_LEFT, _RIGHT),
        "",
        "",
        "Focused visit, 27 and 28 January 2026: our action plan",
        "",
        *_table(),
        "",
        "                                                                              3",
        "\f",
    ]
    return "\n".join(lines).encode()


EXPECTED = expected(
    "Focused visit, 27 and 28 January 2026: our action plan",
    "Lowmoor District Council",
    "focused visit",
    "2026-01-27",
    "2026-01-28",
    ROWS,
)
