"""The SSDA903 XML form written plainly (as programs write it) is read without building an
element tree, and gives exactly the tables lxml gives; anything else is read by lxml."""

from __future__ import annotations

from pathlib import Path

import pytest

from lineofsight.indicators.compute import ReturnFileError, compute_indicators
from lineofsight.indicators.compute.readers import (
    _load_903_tables,
    _plain_903_to_files,
    connect,
    ssda903_xml_to_csv,
)
from lineofsight.indicators.compute.tables import SSDA903_TABLES

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
HEADER = "<header><row><CHILD>A</CHILD><SEX>1</SEX><DOB>01/01/2015</DOB></row></header>"


def tables_read(xml: Path, tmp: Path, *, general: bool) -> dict[str, list[tuple]]:
    """Every SSDA903 table as loaded, by the fast path (when it accepts the file) or by lxml."""
    con = connect()
    if general:
        (tmp / "general").mkdir(parents=True, exist_ok=True)
        _load_903_tables(con, xml, ssda903_xml_to_csv(xml, tmp / "general"))
    else:
        plain = _plain_903_to_files(xml, tmp / "plain")
        assert plain is not None
        _load_903_tables(con, xml, plain, plain=True)
    return {
        name: con.execute(f"SELECT * FROM {name}").fetchall()  # noqa: S608
        for name in SSDA903_TABLES
    }


def write(tmp: Path, body: str, head: str = HEAD) -> Path:
    xml = tmp / "ssda903.xml"
    xml.write_text(head + body, encoding="utf-8")
    return xml


PLAIN = [
    # One row a line, as the generator writes it; an empty and a self-closed cell.
    "<SSDA903>\n" + HEADER + "\n<episodes>\n<row><CHILD>A</CHILD><DECOM>01/01/2024</DECOM>"
    "<RNE>S</RNE><LS>C2</LS><PLACE>U1</PLACE><DEC></DEC><REC/></row>\n</episodes>\n"
    "<uasc/>\n<reviews></reviews>\n</SSDA903>\n",
    # Pretty-printed, CRLF line ends, quotes, commas and non-ASCII letters in cells.
    "<SSDA903>\r\n  " + HEADER + "\r\n  <episodes>\r\n    <row>\r\n      <CHILD>A</CHILD>\r\n"
    "      <DECOM> 01/01/2024 </DECOM>\r\n      <RNE>S</RNE>\r\n"
    '      <HOME_POST>"AB1, 2CD"</HOME_POST>\r\n      <URN>Zoë\'s</URN>\r\n    </row>\r\n'
    "  </episodes>\r\n</SSDA903>",
]


@pytest.mark.parametrize("body", PLAIN)
def test_a_plainly_written_file_gives_the_tables_lxml_gives(tmp_path: Path, body: str) -> None:
    xml = write(tmp_path, body)

    assert _plain_903_to_files(xml, tmp_path / "check") is not None
    assert tables_read(xml, tmp_path, general=False) == tables_read(xml, tmp_path, general=True)


UNUSUAL = [
    # An entity reference, a character reference, CDATA, a comment, an attribute, columns
    # out of order, a namespace on the root: all left to lxml.
    "<SSDA903>" + HEADER + "<episodes><row><CHILD>A&amp;B</CHILD><DECOM>01/01/2024</DECOM>"
    "<RNE>S</RNE></row></episodes></SSDA903>",
    "<SSDA903>" + HEADER + "<episodes><row><CHILD>&#65;</CHILD><DECOM>01/01/2024</DECOM>"
    "<RNE>S</RNE></row></episodes></SSDA903>",
    "<SSDA903>" + HEADER + "<episodes><row><CHILD><![CDATA[A]]></CHILD>"
    "<DECOM>01/01/2024</DECOM><RNE>S</RNE></row></episodes></SSDA903>",
    "<SSDA903>" + HEADER + "<episodes><!-- moved --><row><CHILD>A</CHILD>"
    "<DECOM>01/01/2024</DECOM><RNE>S</RNE></row></episodes></SSDA903>",
    "<SSDA903>" + HEADER + '<episodes><row id="1"><CHILD>A</CHILD>'
    "<DECOM>01/01/2024</DECOM><RNE>S</RNE></row></episodes></SSDA903>",
    "<SSDA903>" + HEADER + "<episodes><row><DECOM>01/01/2024</DECOM><CHILD>A</CHILD>"
    "<RNE>S</RNE></row></episodes></SSDA903>",
    '<SSDA903 xmlns="urn:example">' + HEADER + "<episodes><row><CHILD>A</CHILD>"
    "<DECOM>01/01/2024</DECOM><RNE>S</RNE></row></episodes></SSDA903>",
]


@pytest.mark.parametrize("body", UNUSUAL)
def test_anything_unusual_is_left_to_lxml_with_the_same_result(tmp_path: Path, body: str) -> None:
    xml = write(tmp_path, body)

    assert _plain_903_to_files(xml, tmp_path / "check") is None
    results = compute_indicators(xml, period="2025-26")
    assert {r.code: r.denominator for r in results}["NI62"] == 1


def test_a_character_xml_forbids_is_refused_as_not_well_formed(tmp_path: Path) -> None:
    xml = write(
        tmp_path,
        "<SSDA903>\n" + HEADER + "\n<episodes>\n<row><CHILD>A\x01</CHILD>"
        "<DECOM>01/01/2024</DECOM><RNE>S</RNE></row>\n</episodes>\n</SSDA903>\n",
    )

    with pytest.raises(ReturnFileError) as caught:
        compute_indicators(xml, period="2025-26")

    (problem,) = caught.value.problems
    assert problem.startswith("ssda903.xml, line 5: not well-formed XML")


def test_a_file_cut_short_is_refused_as_not_well_formed(tmp_path: Path) -> None:
    xml = write(
        tmp_path,
        "<SSDA903>\n" + HEADER + "\n<episodes>\n<row><CHILD>A</CHILD><DECOM>01/01/2024</DECOM><RNE>S</RNE></row>\n",
    )

    with pytest.raises(ReturnFileError) as caught:
        compute_indicators(xml, period="2025-26")

    (problem,) = caught.value.problems
    assert "not well-formed XML" in problem


def test_a_bad_cell_in_a_plain_file_names_its_line(tmp_path: Path) -> None:
    xml = write(
        tmp_path,
        "<SSDA903>\n" + HEADER + "\n<episodes>\n<row><CHILD>A</CHILD>"
        "<DECOM>01/01/2024</DECOM><RNE>S</RNE></row>\n<row><CHILD>A</CHILD>"
        "<DECOM>01/02/2024</DECOM><RNE>Q</RNE></row>\n</episodes>\n</SSDA903>\n",
    )

    with pytest.raises(ReturnFileError) as caught:
        compute_indicators(xml, period="2025-26")

    assert caught.value.problems == ["ssda903.xml, line 6, column RNE: expected one of S, P, B, T, U, L, got 'Q'"]


def test_the_generators_file_is_read_the_fast_way_in_blocks(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from lineofsight.indicators.compute import readers
    from lineofsight.indicators.compute.synth import SynthOptions, generate

    generate(SynthOptions(children=150, seed=2, xml=True), tmp_path / "returns")
    xml = tmp_path / "returns" / "ssda903.xml"
    whole = tables_read(xml, tmp_path / "whole", general=False)
    # Small blocks make rows and tables straddle the reads, as in a large file.
    monkeypatch.setattr(readers, "_PLAIN_CHUNK", 5000)

    assert tables_read(xml, tmp_path / "blocks", general=False) == whole
    assert whole == tables_read(xml, tmp_path / "lxml", general=True)
