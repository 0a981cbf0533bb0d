"""Plans printed with very narrow columns: a second header row under a merged header
cell, and words the column was too narrow for, broken across lines."""

from __future__ import annotations

from lineofsight.importing import read_plan


def _actions(plan: dict) -> list[dict]:
    return [a for r in plan["recommendations"] for a in r["actions"]]


def _read(text: str) -> dict:
    return read_plan(text.encode(), "plan.txt").plan


def test_second_header_row_under_a_merged_cell_after_a_blank_line_names_the_columns():
    # "Delivery" is merged over Lead, Partners and By when; the cell's padding leaves a
    # blank line between the two header rows in pdftotext's layout, and the first row
    # already takes three lines ("Recom" / "mendati" / "on").
    plan = _read(
        "Ref   Recom      Action                 Delivery                        Success\n"
        "      mendati                                                           measure\n"
        "      on\n"
        "\n"
        "                                         Lead         Partner    By\n"
        "                                                      s          when\n"
        "\n"
        "1     Supervisi  Train every team       Head of      Finance    March   Fewer cases\n"
        "      on is not  manager in reflective  Service                 2026    drifting\n"
        "      good.      supervision.\n"
        "\n"
        "2     Visits     Publish a weekly       Practice     Housing    June    Visits on\n"
        "      are late.  tracker of visits.     Lead                    2026    time\n"
    )
    actions = _actions(plan)
    assert [a["owners"] for a in actions] == [["Head of Service"], ["Practice Lead"]]
    assert [a["due"]["date"] for a in actions] == ["2026-03-31", "2026-06-30"]
    assert [a["partners"] for a in actions] == [["Finance"], ["Housing"]]
    assert actions[0]["text"] == "Train every team manager in reflective supervision."
