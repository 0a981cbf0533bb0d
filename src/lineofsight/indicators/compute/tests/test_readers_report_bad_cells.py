"""A malformed return is refused with messages naming the file, the row and the column."""

from __future__ import annotations

from pathlib import Path

import pytest

from lineofsight.indicators.compute import ReturnFileError, compute_indicators

from .returns import child, cin_census, history, write_903


def problems_in(source: Path, cin: Path | None = None) -> list[str]:
    with pytest.raises(ReturnFileError) as caught:
        compute_indicators(source, cin, "2025-26")
    return caught.value.problems


def test_an_impossible_date_names_file_row_and_column(tmp_path: Path) -> None:
    folder = write_903(
        tmp_path,
        header=[child("A", "01/01/2015")],
        episodes=[
            *history("A", ("01/01/2024", "S"), ("31/02/2025", "P")),
        ],
    )

    assert (
        problems_in(folder)
        == [
            "episodes.csv, row 3, column DECOM: expected a date dd/mm/yyyy, got '31/02/2025'",
            # The first episode closes on the same bad day.
            "episodes.csv, row 2, column DEC: expected a date dd/mm/yyyy, got '31/02/2025'",
        ][::-1]
    )


def test_an_unknown_code_lists_the_codes_allowed(tmp_path: Path) -> None:
    folder = write_903(
        tmp_path,
        header=[child("A", "01/01/2015")],
        episodes=[
            *history("A", ("01/01/2024", "S"), ("01/02/2025", "Q")),
        ],
    )

    assert problems_in(folder) == ["episodes.csv, row 3, column RNE: expected one of S, P, B, T, U, L, got 'Q'"]


def test_care_leaver_codes_are_checked(tmp_path: Path) -> None:
    folder = write_903(
        tmp_path,
        oc3=[
            {"CHILD": "L1", "DOB": "01/01/2006", "IN_TOUCH": "MAYBE", "ACTIV": "F1", "ACCOM": "B3"},
        ],
    )

    assert problems_in(folder) == [
        "oc3.csv, row 2, column ACCOM: expected a letter then 1 or 2, or 0, got 'B3'",
        "oc3.csv, row 2, column IN_TOUCH: expected one of YES, NO, DIED, REFU, NREQ, RHOM, got 'MAYBE'",
    ]


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    folder = write_903(tmp_path)
    (folder / "header.csv").write_text("CHILD,SEX,ETHNIC,UPN,MOTHER,MC_DOB\n", encoding="utf-8")

    assert problems_in(folder) == [
        "header.csv, row 1, column DOB: missing; expected columns CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB"
    ]


def test_a_blank_required_cell_is_reported(tmp_path: Path) -> None:
    folder = write_903(tmp_path, header=[child("A", "")])

    assert problems_in(folder) == ["header.csv, row 2, column DOB: expected a date dd/mm/yyyy (required), got a blank"]


def test_a_row_with_too_few_cells_is_reported(tmp_path: Path) -> None:
    folder = write_903(tmp_path, header=[child("A", "01/01/2015")])
    with (folder / "header.csv").open("a", encoding="utf-8") as handle:
        handle.write("B,1,01/01/2016\r\n")

    assert problems_in(folder) == ["header.csv, row 3: expected 7 columns, found 3"]


def test_the_episodes_table_must_be_there(tmp_path: Path) -> None:
    folder = write_903(tmp_path)
    (folder / "episodes.csv").unlink()

    assert problems_in(folder) == [f"{folder}: no episodes.csv found; expected the SSDA903 episodes table"]


def test_xml_errors_give_the_line(tmp_path: Path) -> None:
    xml = tmp_path / "ssda903.xml"
    xml.write_text(
        "<SSDA903>\n<header>\n<row><CHILD>A</CHILD><DOB>01/01/2015</DOB></row>\n</header>\n"
        "<episodes>\n<row><CHILD>A</CHILD><DECOM>2024-01-01</DECOM><RNE>S</RNE></row>\n"
        "</episodes>\n</SSDA903>\n",
        encoding="utf-8",
    )

    assert problems_in(xml) == ["ssda903.xml, line 6, column DECOM: expected a date dd/mm/yyyy, got '2024-01-01'"]


def test_cin_census_dates_are_checked(tmp_path: Path) -> None:
    census = cin_census(tmp_path / "cin.xml", {"K1": [{"referred": "01/12/2025"}]})

    assert problems_in(write_903(tmp_path / "903"), census) == [
        "cin.xml, line 4, column CINreferralDate: expected a date yyyy-mm-dd, got '01/12/2025'"
    ]


def test_a_count_of_earlier_plans_must_be_a_whole_number(tmp_path: Path) -> None:
    census = cin_census(
        tmp_path / "cin.xml", {"K1": [{"referred": "2025-05-01", "plan": "2025-06-02", "previous_plans": "two"}]}
    )

    assert problems_in(write_903(tmp_path / "903"), census) == [
        "cin.xml, line 4, column NumberOfPreviousCPP: expected a whole number, got 'two'"
    ]


def test_badly_formed_xml_is_reported_with_its_line(tmp_path: Path) -> None:
    xml = tmp_path / "ssda903.xml"
    xml.write_text("<SSDA903>\n<header>\n<row><CHILD>A</row>\n</header>\n</SSDA903>\n", encoding="utf-8")

    (problem,) = problems_in(xml)
    assert problem.startswith("ssda903.xml, line 3: not well-formed XML")


def test_entity_expansion_is_refused(tmp_path: Path) -> None:
    # "Billion laughs": a few lines that would expand to gigabytes if entities were resolved.
    entities = "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(1, 10))
    xml = tmp_path / "ssda903.xml"
    xml.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE SSDA903 [<!ENTITY lol0 "lol">{entities}]>\n'
        "<SSDA903><header><row><CHILD>&lol9;</CHILD><DOB>01/01/2015</DOB></row></header>"
        "</SSDA903>\n",
        encoding="utf-8",
    )

    assert problems_in(xml) == ["ssda903.xml, line 2: a DOCTYPE is not accepted in a return"]


def test_nothing_is_half_loaded_when_one_table_is_bad(tmp_path: Path) -> None:
    # Every table is checked before any indicator is computed: one bad table, no values.
    folder = write_903(
        tmp_path,
        header=[child("A", "01/01/2015")],
        episodes=history("A", ("01/01/2024", "S")),
        missing=[{"CHILD": "A", "MISSING": "X", "MIS_START": "01/05/2025"}],
    )

    assert problems_in(folder) == ["missing.csv, row 2, column MISSING: expected one of M, A, got 'X'"]


def test_a_council_export_with_a_byte_order_mark_and_prefixed_names_is_read(
    tmp_path: Path,
) -> None:
    # Excel writes a byte-order mark; case systems prefix the table names.
    (tmp_path / "SSDA903_2026_Header.csv").write_text(
        "\ufeffchild,sex,dob,ethnic,upn,mother,mc_dob\r\nA,1,01/01/2015,WBRI,,,\r\n",
        encoding="utf-8",
    )
    (tmp_path / "SSDA903_2026_Episodes.csv").write_text(
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
        'PL_POST,URN\r\nA, 01/01/2024 ,S,C2,N1,U1,PR1,,,,"AB1, 2CD",,\r\n',
        encoding="utf-8",
    )

    results = {r.code: r for r in compute_indicators(tmp_path, period="2025-26")}

    assert (results["NI62"].numerator, results["NI62"].denominator) == (0, 1)
    assert results["NI62"].sources == [
        str(tmp_path / "SSDA903_2026_Header.csv"),
        str(tmp_path / "SSDA903_2026_Episodes.csv"),
    ]


def test_a_windows_1252_export_from_excel_is_read(tmp_path: Path) -> None:
    folder = write_903(tmp_path, episodes=history("Zoë", ("01/01/2024", "S")))
    (folder / "header.csv").write_bytes(
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nZoë,2,01/01/2015,WBRI,,,\r\n".encode("cp1252")
    )

    results = {r.code: r for r in compute_indicators(folder, period="2025-26")}

    assert results["NI63"].denominator == 0
    assert results["NI62"].denominator == 1


def test_an_empty_file_is_reported(tmp_path: Path) -> None:
    folder = write_903(tmp_path)
    (folder / "header.csv").write_bytes(b"")

    assert problems_in(folder) == ["header.csv: the file is empty; expected a header row"]
