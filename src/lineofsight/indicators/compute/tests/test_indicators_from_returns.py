"""Each indicator, computed from a few children written out here, gives the exact answer
worked out by hand (period 2025-26 unless a test says otherwise)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lineofsight.indicators.compute import IndicatorResult, compute_indicators

from .returns import child, cin_census, history, reviews, write_903


def by_code(results: list[IndicatorResult]) -> dict[str, IndicatorResult]:
    return {r.code: r for r in results}


def figures(result: IndicatorResult) -> tuple[float | None, int | None, int | None, list[str]]:
    value = None if result.value is None else round(result.value, 2)
    return value, result.numerator, result.denominator, result.children


@pytest.fixture
def reviews_return(tmp_path: Path) -> Path:
    return write_903(
        tmp_path / "903",
        header=[child(c, "01/01/2015") for c in "ABDEFGH"],
        episodes=[
            # A and B came into care on Monday 1 December 2025: the first review is due 20
            # working days later, on 31 December, because Christmas and Boxing Day don't count.
            *history("A", ("01/12/2025", "S")),
            *history("B", ("01/12/2025", "S")),
            # D came into care fewer than 20 working days before 31 March: not counted.
            *history("D", ("10/03/2026", "S")),
            # E has an earlier period of care (with late reviews) and a current one that
            # began before the year did.
            *history("E", ("01/02/2020", "S"), ("01/06/2020", "P"), ended="01/03/2022", rec="E13"),
            *history("E", ("03/02/2025", "S"), ("01/09/2025", "P")),
            # F came into care on 1 April 2025: Good Friday and Easter Monday push the first
            # review to 1 May.
            *history("F", ("01/04/2025", "S")),
            *history("G", ("08/01/2024", "S")),
            *history("H", ("01/06/2024", "S")),
        ],
        reviews=[
            *reviews("A", "31/12/2025", "20/03/2026"),
            *reviews("B", "02/01/2026"),
            *reviews("E", "01/12/2020", "01/12/2021", "28/02/2025", "20/05/2025", "15/11/2025"),
            *reviews("F", "01/05/2025", "30/07/2025", "29/01/2026"),
            # G's first review was late, but in the year before; this year's were on time.
            *reviews("G", "01/03/2024", "30/05/2024", "29/11/2024", "28/05/2025", "27/11/2025"),
        ],
    )


def test_ni66_counts_children_whose_reviews_were_all_on_time(reviews_return: Path) -> None:
    results = by_code(compute_indicators(reviews_return, period="2025-26"))

    assert figures(results["NI66"]) == (66.67, 4, 6, ["A", "E", "F", "G"])
    assert results["NI66"].unit == "percent"
    assert results["NI66"].polarity == "higher"


def test_ni66_review_due_on_29_february_of_a_leap_year(tmp_path: Path) -> None:
    # Six months after 31 August 2023 is 29 February 2024.
    folder = write_903(
        tmp_path,
        header=[child("ON-TIME", "01/01/2015"), child("A-DAY-LATE", "01/01/2015")],
        episodes=[*history("ON-TIME", ("01/06/2023", "S")), *history("A-DAY-LATE", ("01/06/2023", "S"))],
        reviews=[
            *reviews("ON-TIME", "20/06/2023", "31/08/2023", "29/02/2024"),
            *reviews("A-DAY-LATE", "20/06/2023", "31/08/2023", "01/03/2024"),
        ],
    )

    results = by_code(compute_indicators(folder, period="2023-24"))

    assert figures(results["NI66"]) == (50.0, 1, 2, ["ON-TIME"])


def test_ni62_counts_placements_across_the_year_end_and_periods_of_care(tmp_path: Path) -> None:
    folder = write_903(
        tmp_path,
        header=[child(c, "01/01/2012") for c in ("P1", "P2", "P3", "P4", "P5", "P6")],
        episodes=[
            # In a placement when the year began, then two moves (T is a move to the same
            # carer, and still counts): 3.
            *history("P1", ("01/01/2024", "S"), ("01/06/2025", "P"), ("01/10/2025", "T")),
            # A change of legal status only is not a placement: 2.
            *history("P2", ("01/01/2024", "S"), ("01/06/2025", "P"), ("01/10/2025", "L", "C1")),
            # Came into care in the year, then moved twice: 3.
            *history("P3", ("01/05/2025", "S"), ("01/08/2025", "B"), ("10/01/2026", "U")),
            # A placement that ended on 1 April is not one the year had: 2.
            *history("P4", ("01/01/2024", "S"), ("01/04/2025", "P"), ("01/09/2025", "P")),
            # Three placements, but left care before 31 March: not counted.
            *history(
                "P5", ("01/01/2024", "S"), ("01/05/2025", "P"), ("01/07/2025", "P"), ended="01/02/2026", rec="E13"
            ),
            # Went home in May, came back in September, moved in December: 3.
            *history("P6", ("01/01/2024", "S"), ended="01/05/2025", rec="E13"),
            *history("P6", ("01/09/2025", "S"), ("01/12/2025", "P")),
        ],
    )

    results = by_code(compute_indicators(folder, period="2025-26"))

    assert figures(results["NI62"]) == (60.0, 3, 5, ["P1", "P3", "P6"])
    assert results["NI62"].polarity == "lower"


def test_ni63_counts_under_16s_in_care_2_and_a_half_years_with_the_same_carer_for_2(
    tmp_path: Path,
) -> None:
    folder = write_903(
        tmp_path,
        header=[
            child("Q1", "01/01/2012"),
            child("Q2", "01/01/2012"),
            child("Q3", "31/03/2010"),
            child("Q4", "01/01/2015"),
            child("Q5", "01/01/2014"),
        ],
        episodes=[
            # Same carer since June 2023: a T move and a legal change keep the carer.
            *history("Q1", ("01/01/2020", "S"), ("01/06/2023", "P"), ("01/01/2025", "T"), ("01/06/2025", "L", "C1")),
            # Moved in June 2024: under 2 years with this carer.
            *history("Q2", ("01/01/2020", "S"), ("01/06/2024", "P")),
            # 16 on 31 March 2026: not under 16.
            *history("Q3", ("01/01/2015", "S")),
            # In care since October 2023: under 2.5 years.
            *history("Q4", ("01/10/2023", "S")),
            # Exactly 30 months before 31 March 2026 (as a month count): counted, stable.
            *history("Q5", ("30/09/2023", "S")),
        ],
    )

    results = by_code(compute_indicators(folder, period="2025-26"))

    assert figures(results["NI63"]) == (66.67, 2, 3, ["Q1", "Q5"])


def test_care_leaver_indicators_count_19_to_21_year_olds(tmp_path: Path) -> None:
    def oc3(child_id: str, dob: str, in_touch: str, activ: str, accom: str) -> dict[str, str]:
        return {"CHILD": child_id, "DOB": dob, "IN_TOUCH": in_touch, "ACTIV": activ, "ACCOM": accom}

    folder = write_903(
        tmp_path,
        oc3=[
            oc3("L1", "15/06/2006", "YES", "F1", "B1"),  # 19 in June 2025
            oc3("L2", "10/01/2005", "NO", "G4", "B2"),  # 21 in January 2026
            oc3("L3", "31/03/2004", "YES", "F1", "B1"),  # 21 the day before the year began
            oc3("L4", "01/04/2007", "YES", "F1", "B1"),  # 19 the day after it ended
            oc3("L5", "01/04/2004", "REFU", "P2", "C1"),  # 21 on its first day
            oc3("L7", "01/08/2006", "DIED", "0", "0"),  # died: left out
            oc3("L8", "09/09/2005", "RHOM", "0", "D1"),  # 20 in September 2025
        ],
    )

    results = by_code(compute_indicators(folder, period="2025-26"))

    assert figures(results["CLA48"]) == (25.0, 1, 4, ["L1"])
    assert figures(results["NI148"]) == (50.0, 2, 4, ["L1", "L5"])
    assert figures(results["NI147"]) == (75.0, 3, 4, ["L1", "L5", "L8"])


def test_missing_counts_children_and_episodes_missing_not_away(tmp_path: Path) -> None:
    def missing(child_id: str, kind: str, start: str) -> dict[str, str]:
        return {"CHILD": child_id, "MISSING": kind, "MIS_START": start}

    folder = write_903(
        tmp_path,
        missing=[
            missing("M1", "M", "01/05/2025"),
            missing("M1", "M", "01/05/2025"),  # the same episode recorded twice
            missing("M1", "M", "10/08/2025"),
            missing("M2", "A", "01/06/2025"),  # away without authorisation, not missing
            missing("M3", "M", "31/03/2025"),  # before the year
            missing("M3", "M", "31/03/2026"),
        ],
    )

    results = by_code(compute_indicators(folder, period="2025-26"))

    assert figures(results["CLA39"]) == (2.0, 2, None, ["M1", "M3"])
    assert figures(results["CLA40"]) == (3.0, 3, None, ["M1", "M3"])


def test_adoption_timeliness_over_the_three_years_to_31_march(tmp_path: Path) -> None:
    def ad1(child_id: str, matched: str, foster_carer: str) -> dict[str, str]:
        return {"CHILD": child_id, "DATE_MATCH": matched, "FOSTER_CARE": foster_carer}

    folder = write_903(
        tmp_path,
        episodes=[
            # 415 days to the adoptive placement; 153 days from placement order to match.
            *history(
                "D1",
                ("10/01/2022", "S"),
                ("01/05/2022", "P"),
                ("01/09/2022", "L", "E1"),
                ("01/03/2023", "P", "E1", "A4"),
                ended="01/09/2023",
                rec="E11",
            ),
            # Adopted by the foster carer she moved to on 1 February 2023, in her second
            # period of care; matched before the placement order, which counts as 0 days.
            *history("D2", ("01/01/2018", "S"), ended="01/06/2018", rec="E13"),
            *history(
                "D2",
                ("02/01/2023", "S"),
                ("01/02/2023", "P"),
                ("01/06/2023", "L", "E1"),
                ("15/01/2024", "T", "E1", "A5"),
                ended="01/07/2024",
                rec="E12",
            ),
            # Adopted on 31 March 2023, before the three years began.
            *history("D3", ("01/01/2021", "S"), ("01/01/2022", "P", "E1", "A4"), ended="31/03/2023", rec="E11"),
            # Spans 29 February 2024 (a freeing order, D1), adopted on the last day.
            *history(
                "D4",
                ("01/12/2023", "S"),
                ("01/02/2024", "L", "D1"),
                ("01/03/2024", "P", "D1", "A3"),
                ended="31/03/2026",
                rec="E11",
            ),
        ],
        ad1=[
            ad1("D1", "01/02/2023", "0"),
            ad1("D2", "01/05/2023", "1"),
            ad1("D3", "01/06/2021", "0"),
            ad1("D4", "29/02/2024", "0"),
        ],
    )

    results = by_code(compute_indicators(folder, period="2025-26"))

    assert figures(results["A1"]) == (294.67, 415 + 378 + 91, 3, ["D1", "D2", "D4"])
    assert figures(results["A10"]) == (178.67, 415 + 30 + 91, 3, ["D1", "D2", "D4"])
    assert figures(results["A2"]) == (60.33, 153 + 0 + 28, 3, ["D1", "D2", "D4"])
    assert results["A1"].unit == "days"


@pytest.fixture
def census(tmp_path: Path) -> Path:
    return cin_census(
        tmp_path / "cin_2026.xml",
        {
            "K1": [
                # Conference on the 15th working day (Easter and the May bank holiday skipped).
                {"referred": "2024-12-01", "s47": ("2025-04-14", "2025-05-08"), "plan": "2025-05-08"},
                # Authorised on the 45th working day: on time. 12 months to the day after the
                # previous referral: a re-referral.
                {"referred": "2025-12-01", "assessment": "2026-02-05"},
            ],
            "K2": [
                {"referred": "2024-11-30", "s47": ("2025-04-14", "2025-05-09"), "plan": "2025-05-09"},
                {"referred": "2025-12-01", "assessment": "2026-02-06"},  # 46th: late
            ],
            "K3": [
                # Authorised before the year; a conference dated before its enquiry is ignored.
                {"referred": "2025-01-15", "assessment": "2025-03-20", "s47": ("2025-06-10", "2025-06-05")},
            ],
            "K4": [{"referred": "2025-02-01"}, {"referred": "2025-05-10"}],
            "K5": [{"referred": "2025-06-01"}],
        },
    )


def test_cin_indicators_from_one_census(tmp_path: Path, census: Path) -> None:
    results = by_code(compute_indicators(write_903(tmp_path / "903"), census, "2025-26"))

    assert figures(results["CIN-A45"]) == (50.0, 1, 2, ["K1"])
    assert figures(results["CIN-ICPC15"]) == (50.0, 1, 2, ["K1"])
    assert figures(results["CIN-RR"]) == (50.0, 2, 4, ["K1", "K4"])
    assert figures(results["CP-REPEAT"]) == (0.0, 0, 2, [])
    assert results["CIN-A45"].sources == [str(census)]


def test_last_years_census_shows_earlier_plans(tmp_path: Path, census: Path) -> None:
    earlier = cin_census(
        tmp_path / "cin_2024.xml",
        {
            "K2": [
                {"referred": "2023-01-10", "plan": "2023-02-01"},
                {"referred": "2024-11-30"},
            ],  # also in this year's census: counted once
        },
    )

    results = by_code(compute_indicators(write_903(tmp_path / "903"), [census, earlier], "2025-26"))

    assert figures(results["CP-REPEAT"]) == (50.0, 1, 2, ["K2"])
    assert figures(results["CIN-RR"]) == (50.0, 2, 4, ["K1", "K4"])


def test_cp_repeat_counts_plans_recorded_before_the_censuses_loaded(tmp_path: Path) -> None:
    census = cin_census(
        tmp_path / "cin_2026.xml",
        {
            # The case system records two plans before this one, long before any census loaded.
            "R1": [{"referred": "2025-05-01", "plan": "2025-06-02", "previous_plans": "2"}],
            # Recorded as a first plan.
            "R2": [{"referred": "2025-05-01", "plan": "2025-06-03", "previous_plans": "0"}],
            # Not recorded: the census history decides, and it shows no earlier plan.
            "R3": [{"referred": "2025-05-01", "plan": "2025-06-04"}],
            # Recorded as 0, but an earlier plan is in the census: still a repeat.
            "R4": [
                {"referred": "2024-05-01", "plan": "2024-06-03", "previous_plans": "0"},
                {"referred": "2025-07-01", "plan": "2025-08-01", "previous_plans": "0"},
            ],
            # A plan with earlier plans recorded, but starting before the year: not counted.
            "R5": [{"referred": "2025-01-06", "plan": "2025-02-03", "previous_plans": "1"}],
        },
    )

    results = by_code(compute_indicators(write_903(tmp_path / "903"), census, "2025-26"))

    assert figures(results["CP-REPEAT"]) == (50.0, 2, 4, ["R1", "R4"])


def test_cin_indicators_are_left_out_without_a_census(tmp_path: Path) -> None:
    codes = [r.code for r in compute_indicators(write_903(tmp_path), period="2025-26")]

    assert codes == ["NI66", "NI62", "NI63", "NI147", "NI148", "CLA48", "CLA39", "CLA40", "A1", "A2", "A10"]


def test_a_quarter_counts_only_its_own_months(tmp_path: Path) -> None:
    folder = write_903(
        tmp_path,
        missing=[
            {"CHILD": "M1", "MISSING": "M", "MIS_START": "30/09/2025"},
            {"CHILD": "M1", "MISSING": "M", "MIS_START": "01/10/2025"},
            {"CHILD": "M2", "MISSING": "M", "MIS_START": "31/12/2025"},
        ],
    )

    results = by_code(compute_indicators(folder, period="2025-26 Q3"))

    assert figures(results["CLA40"]) == (2.0, 2, None, ["M1", "M2"])


def test_nobody_to_count_gives_no_value_rather_than_zero(tmp_path: Path) -> None:
    results = by_code(compute_indicators(write_903(tmp_path), period="2025-26"))

    assert figures(results["NI66"]) == (None, 0, 0, [])
    assert figures(results["A1"]) == (None, 0, 0, [])
