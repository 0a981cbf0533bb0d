"""Uploading a CSV of values: every row checked, errors by row and column, all or nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lineofsight.indicators.csv_values import parse_values_csv
from lineofsight.indicators.models import IndicatorValue
from lineofsight.indicators.services import ValuesImportError, import_values_csv

UNITS = {"NI147": "percent", "NI66": "percent", "A1": "days", "STAB1": "percent"}
HEADER = "code,period,value,numerator,denominator\n"


def _errors(text: str) -> list[str]:
    return parse_values_csv(text.encode(), UNITS).errors


def test_a_good_file_gives_one_row_per_line():
    parsed = parse_values_csv(
        (HEADER + 'NI147,2025-26 Q2,78.8,41,52\nni66,2025-09,81%,,\nA1,2025/26,"1,021",,\n').encode(), UNITS
    )
    assert parsed.errors == []
    assert [(r.row, r.code, r.period.label, r.value, r.numerator, r.denominator) for r in parsed.rows] == [
        (2, "NI147", "2025-26 Q2", 78.8, 41.0, 52.0),
        (3, "NI66", "Sep 2025", 81.0, None, None),
        (4, "A1", "2025-26", 1021.0, None, None),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "NI147,2025-26 Q1,70,35,50\nNI147,2025-26 Q2,75,,\nNI147,2025-26 Q3,n/a,,\n",
            "row 4, column 'value': expected a number, got 'n/a'",
        ),
        (
            "NI999,2025-26 Q2,70,,\n",
            "row 2, column 'code': unknown indicator code 'NI999' (add it to the catalogue first)",
        ),
        (
            "NI147,Q5 2025,70,,\n",
            "row 2, column 'period': expected a period like '2025-26', '2025-26 Q2', '2025-09' or 'Sep 2025', "
            "got 'Q5 2025'",
        ),
        (
            "NI147,2025-26 Q2,70,,\nNI147,2025-26 q2,71,,\n",
            "row 3: repeats row 2 (NI147, 2025-26 Q2); give each indicator one value per period",
        ),
        ("NI147,2025-26 Q2,120,,\n", "row 2, column 'value': expected a percentage between 0 and 100, got '120'"),
        (
            "NI147,2025-26 Q2,70,41,\n",
            "row 2, column 'denominator': expected a denominator to go with the numerator, got a blank cell",
        ),
        ("NI147,2025-26 Q2,70,53,52\n", "row 2, column 'numerator': 53 is more than the denominator 52"),
        ("NI147,2025-26 Q2,,,\n", "row 2, column 'value': expected a number, got a blank cell"),
        ("NI147,,70,,\n", "row 2, column 'period': the period is blank"),
    ],
)
def test_each_problem_names_its_row_and_column(body, expected):
    assert expected in _errors(HEADER + body)


def test_a_missing_column_is_named():
    assert _errors("code,period,numerator\nNI147,2025-26 Q2,41\n") == [
        "row 1: missing column 'value' (the header row has 'code', 'period', 'numerator')"
    ]


def test_headers_in_a_councils_own_words_are_recognised():
    parsed = parse_values_csv(b"Indicator Code,Reporting Period,Result\nNI66,2025-26,80\n", UNITS)
    assert parsed.errors == [] and parsed.rows[0].value == 80


def test_an_empty_file_is_refused():
    assert _errors("") == ["the file is empty: expected a header row with columns code, period, value"]
    assert _errors(HEADER) == ["the file has a header row but no values"]


def test_excel_windows_encoding_is_read():
    parsed = parse_values_csv("code,period,value\r\nNI66,2025-26,80\r\n".encode("cp1252"), UNITS)
    assert parsed.rows and not parsed.errors


@pytest.mark.parametrize(
    ("rows", "error"),
    [
        pytest.param(
            "NI147,2025-26 Q1,70,35,50\nNI66,2025-26 Q1,80,,\nNI147,2025-26 Q2,n/a,,\n",
            "row 4, column 'value': expected a number, got 'n/a'",
            id="one bad row stores nothing",
        ),
        pytest.param(
            "NI62,2025-26 Q1,9,,\nSTAB1,2025-26 Q1,10,,\n",
            "row 3: repeats row 2 (NI62, 2025-26 Q1); give each indicator one value per period",
            id="a code and its alias for the same period are a duplicate",
        ),
    ],
)
def test_a_file_with_a_bad_row_stores_nothing(council, rows, error):
    with pytest.raises(ValuesImportError) as caught:
        import_values_csv(council, (HEADER + rows).encode(), source="q2.csv")

    assert caught.value.errors == [error]
    assert not IndicatorValue.objects.exists()


def test_a_good_upload_stores_every_row_and_replaces_earlier_values(council, plan_manager):
    import_values_csv(council, (HEADER + "NI147,2025-26 Q1,70,35,50\n").encode(), source="a.csv")
    summary = import_values_csv(
        council,
        (HEADER + "NI147,2025-26 Q1,71,36,50\nSTAB1,2025-26 Q1,9,,\n").encode(),
        source="b.csv",
        entered_by=plan_manager,
    )

    assert (summary.created, summary.updated, summary.unchanged) == (1, 1, 0)
    value = IndicatorValue.objects.get(indicator__code="NI147")
    assert (value.value, value.fraction, value.entered_by) == (71.0, "36 of 50", plan_manager)
    assert value.provenance.startswith("CSV upload of b.csv by priya.manager on ")
    assert IndicatorValue.objects.get(indicator__code="NI62").value == 9  # STAB1 is NI62


def test_plan_manager_sees_every_error_and_nothing_is_stored(council, plan_manager, client_for):
    data = HEADER + "NI147,2025-26 Q1,70,35,50\nNI999,2025-26 Q1,80,,\nNI147,2025-26 Q1,n/a,,\n"
    upload = SimpleUploadedFile("values.csv", data.encode(), content_type="text/csv")

    response = client_for(plan_manager).post(reverse("indicators:values_upload"), {"file": upload})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Nothing was stored" in html
    assert "row 3, column &#x27;code&#x27;: unknown indicator code &#x27;NI999&#x27;" in html
    assert "row 4, column &#x27;value&#x27;: expected a number, got &#x27;n/a&#x27;" in html
    assert not IndicatorValue.objects.exists()


def test_upload_through_the_page_stores_values(council, plan_manager, client_for):
    upload = SimpleUploadedFile("values.csv", (HEADER + "NI147,2025-26 Q2,78.8,41,52\n").encode())

    response = client_for(plan_manager).post(reverse("indicators:values_upload"), {"file": upload}, follow=True)

    assert "Stored 1 value from values.csv" in response.content.decode()
    assert IndicatorValue.objects.get().fraction == "41 of 52"


def test_only_csv_files_are_accepted(council, plan_manager, client_for):
    upload = SimpleUploadedFile("values.xlsx", b"PK\x03\x04 not a csv")

    response = client_for(plan_manager).post(reverse("indicators:values_upload"), {"file": upload})

    assert "The file must be a CSV (.csv)" in response.content.decode()
    assert not IndicatorValue.objects.exists()


def test_the_same_file_twice_changes_nothing(council):
    data = (HEADER + "NI147,2025-26 Q1,70,35,50\nNI66,2025-26 Q1,80,,\n").encode()
    import_values_csv(council, data, source="a.csv")

    summary = import_values_csv(council, data, source="a.csv")

    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 2)
    assert IndicatorValue.history.count() == 2


def test_replacing_a_value_keeps_the_old_one_in_the_history(council, plan_manager):
    import_values_csv(council, (HEADER + "NI66,2025-26 Q1,70,,\n").encode(), source="a.csv")
    import_values_csv(council, (HEADER + "NI66,2025-26 Q1,72,,\n").encode(), source="b.csv", entered_by=plan_manager)

    value = IndicatorValue.objects.get()
    assert [h.value for h in value.history.order_by("history_date")] == [70.0, 72.0]
    assert value.history.latest().history_user == plan_manager


def test_a_utf16_file_saved_as_unicode_text_is_read():
    import codecs

    data = codecs.BOM_UTF16_LE + "code,period,value\r\nNI66,2025-26,80\r\n".encode("utf-16-le")
    parsed = parse_values_csv(data, UNITS)
    assert parsed.errors == []
    assert len(parsed.rows) == 1


def test_a_binary_file_is_named_as_such():
    assert parse_values_csv(bytes(range(256)) * 4, UNITS).errors == [
        "the file is binary, not text (it is not UTF-8, Windows-1252 or UTF-16 text); "
        "expected a CSV with columns code, period, value"
    ]


def test_a_wide_file_is_refused_at_its_first_wide_row():
    data = ("code,period,value\n" + ",".join(["x"] * 300) + "\n").encode()
    assert parse_values_csv(data, UNITS).errors == ["row 2: 300 columns; the limit is 50"]
