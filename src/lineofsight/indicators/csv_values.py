"""Read a CSV of indicator values: a pure function from bytes to rows or errors.

Every row is checked before anything is stored, and each problem names the row (as a
spreadsheet numbers it: the header is row 1) and the column, e.g.
"row 4, column 'value': expected a number, got 'n/a'". Columns are recognised by a
table of header synonyms, so a council's own wording is one line here.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from lineofsight.indicators.rules import Period, PeriodError, parse_period

# Column → the headers councils use for it (compared case-insensitively, spaces folded).
COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("code", "indicator", "indicator code", "ref", "pi", "measure code"),
    "period": ("period", "reporting period", "quarter", "month", "year"),
    "value": ("value", "result", "actual", "performance", "outturn"),
    "numerator": ("numerator", "num", "count"),
    "denominator": ("denominator", "denom", "den", "cohort", "out of"),
}
REQUIRED = ("code", "period", "value")
MAX_ROWS = 10_000
MAX_COLUMNS = 50  # a values CSV has five columns; a wide one is not a values file

_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$")


@dataclass(frozen=True)
class ValueRow:
    """One checked row: the indicator code as the catalogue spells it, and the value."""

    row: int
    code: str
    period: Period
    value: float
    numerator: float | None
    denominator: float | None


@dataclass
class ParsedValues:
    """The rows of a file, and every problem found; rows are usable only without errors."""

    rows: list[ValueRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def _decode(data: bytes) -> str:
    # Excel on Windows saves "CSV" in Windows-1252 unless told UTF-8, and "Unicode text" in
    # UTF-16; accept all three. Raises ImportFailed for a binary file.
    from lineofsight.importing.limits import decode_upload_text

    wide = decode_upload_text(data, "the file", "a CSV with columns code, period, value")
    if wide is not None:
        return wide
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _header_key(text: str) -> str:
    return " ".join(text.replace("_", " ").strip().lower().split())


def _match_columns(header: list[str]) -> dict[str, int]:
    positions: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = _header_key(cell)
        for column, synonyms in COLUMNS.items():
            if key in synonyms and column not in positions:
                positions[column] = index
    return positions


def parse_number(text: str) -> float:
    """A number as spreadsheets write it: "79", "79.2", "1,234", "79%"; else ValueError."""
    cleaned = text.strip().removesuffix("%").strip()
    if not cleaned or not _NUMBER.match(cleaned) or cleaned in {"+", "-", "."}:
        raise ValueError(text)
    return float(cleaned.replace(",", ""))


def parse_values_csv(data: bytes, units: Mapping[str, str]) -> ParsedValues:
    """Check a CSV of values against the catalogue.

    ``units`` maps every code the organisation knows (upper-cased, aliases included)
    to its unit; the returned rows carry the code in upper case. Blank rows are
    skipped. Percentages must lie between 0 and 100.
    """
    from lineofsight.importing.errors import ImportFailed

    result = ParsedValues()
    try:
        text = _decode(data)
    except ImportFailed as exc:
        result.errors.append(exc.problem)
        return result
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        result.errors.append("the file is empty: expected a header row with columns code, period, value")
        return result
    positions = _match_columns(header)
    missing = [c for c in REQUIRED if c not in positions]
    if missing:
        found = ", ".join(repr(h.strip()) for h in header if h.strip()) or "nothing"
        for column in missing:
            result.errors.append(f"row 1: missing column '{column}' (the header row has {found})")
        return result

    seen: dict[tuple[str, str], int] = {}
    try:
        for row_number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            if len(result.rows) + len(result.errors) >= MAX_ROWS:
                result.errors.append(f"row {row_number}: the file has more than {MAX_ROWS:,} rows")
                break
            if len(cells) > MAX_COLUMNS:
                result.errors.append(f"row {row_number}: {len(cells):,} columns; the limit is {MAX_COLUMNS}")
                break
            row = _check_row(row_number, cells, positions, units, seen, result.errors)
            if row is not None:
                result.rows.append(row)
    except csv.Error as exc:
        result.errors.append(f"row {reader.line_num}: the CSV cannot be read ({exc})")
    if not result.rows and not result.errors:
        result.errors.append("the file has a header row but no values")
    return result


def _check_row(
    row_number: int,
    cells: list[str],
    positions: dict[str, int],
    units: Mapping[str, str],
    seen: dict[tuple[str, str], int],
    errors: list[str],
) -> ValueRow | None:
    def cell(column: str) -> str:
        index = positions.get(column)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    errors_before = len(errors)

    def error(column: str, message: str) -> None:
        errors.append(f"row {row_number}, column '{column}': {message}")

    code = cell("code").upper()
    if not code:
        error("code", "expected an indicator code, got a blank cell")
    elif code not in units:
        error("code", f"unknown indicator code {cell('code')!r} (add it to the catalogue first)")

    period: Period | None = None
    try:
        period = parse_period(cell("period"))
    except PeriodError as exc:
        error("period", str(exc))

    numbers: dict[str, float | None] = {}
    for column in ("value", "numerator", "denominator"):
        raw = cell(column)
        if not raw:
            numbers[column] = None
            if column == "value":
                error("value", "expected a number, got a blank cell")
            continue
        try:
            numbers[column] = parse_number(raw)
        except ValueError:
            error(column, f"expected a number, got {raw!r}")
            numbers[column] = None

    value, numerator, denominator = numbers["value"], numbers["numerator"], numbers["denominator"]
    if value is not None and units.get(code) == "percent" and not 0 <= value <= 100:
        error("value", f"expected a percentage between 0 and 100, got {cell('value')!r}")
    has_numerator, has_denominator = bool(cell("numerator")), bool(cell("denominator"))
    if has_numerator != has_denominator:
        blank, given = ("denominator", "numerator") if has_numerator else ("numerator", "denominator")
        error(blank, f"expected a {blank} to go with the {given}, got a blank cell")
    if numerator is not None and denominator is not None:
        if denominator < 0 or numerator < 0:
            error("denominator" if denominator < 0 else "numerator", "expected a count of 0 or more")
        elif units.get(code) == "percent" and numerator > denominator:
            error("numerator", f"{cell('numerator')} is more than the denominator {cell('denominator')}")

    if code and period is not None:
        key = (code, period.label)
        if key in seen:
            errors.append(
                f"row {row_number}: repeats row {seen[key]} ({cell('code')}, {period.label}); "
                "give each indicator one value per period"
            )
        else:
            seen[key] = row_number

    if len(errors) > errors_before or period is None or value is None:
        return None
    return ValueRow(row_number, code, period, value, numerator, denominator)
