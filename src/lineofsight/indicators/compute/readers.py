"""Readers for the statutory returns: SSDA903 (CSV tables or XML) and the CIN census (XML).

Every reader ends in the same place: typed tables in a DuckDB connection, one per return
table, named as in ``tables.py``. CSV files are loaded by DuckDB itself and checked with
SQL (no Python loop per row); XML is streamed with lxml ``iterparse`` (entities not
expanded, no network, DTDs refused) into temporary CSV files that then go through exactly
the same loading and checking, so both forms give identical tables. The SSDA903 XML form,
when written plainly (as programs write it), skips the element tree: see "The fast path"
below.

Errors name the file, the row (as a spreadsheet shows it: the header is row 1) or, for
XML, the line, the column, what was expected and what was found. Nothing is loaded unless
every check passes.
"""

from __future__ import annotations

import csv
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
from lxml import etree

from .tables import CIN_TABLES, SSDA903_TABLES, TableSpec

MAX_REPORTED_ERRORS = 10
LINE = "_LINE"  # hidden column carrying the XML source line through the temporary CSV
CIN_BATCH = 20_000  # CIN children whose rows are held before they are written out
UNIT = "\x1f"  # field separator of the fast path's files: XML forbids it in any document


class NeedsLines(Exception):
    """The fast path met something it leaves to the general reader (which names lines)."""


class ReturnFileError(ValueError):
    """A return file that cannot be used as it stands; ``problems`` lists each bad cell."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass
class LoadedReturns:
    """A DuckDB connection holding the typed return tables, and where they came from."""

    con: duckdb.DuckDBPyConnection
    ssda903_sources: list[str] = field(default_factory=list)
    cin_sources: list[str] = field(default_factory=list)

    @property
    def has_cin(self) -> bool:
        """Whether a CIN census was loaded, so the CIN indicators can be computed."""
        return bool(self.cin_sources)


def connect() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection set up for return data."""
    con = duckdb.connect(":memory:")
    con.execute("SET preserve_insertion_order = true")
    return con


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _read_header(path: Path, display: str) -> list[str]:
    with path.open("rb") as handle:
        first = handle.readline()
    if not first.strip():
        raise ReturnFileError([f"{display}: the file is empty; expected a header row"])
    try:
        text = first.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = first.decode("latin-1")  # see the note on Windows-1252 in load_csv_table
    try:
        header = next(csv.reader([text]))
    except csv.Error as exc:
        raise ReturnFileError([f"{display}, row 1: cannot read the header ({exc})"]) from None
    return [name.strip() for name in header]


def load_csv_table(
    con: duckdb.DuckDBPyConnection,
    spec: TableSpec,
    path: Path,
    *,
    display: str | None = None,
    table: str | None = None,
    plain: bool = False,
) -> None:
    """Load one CSV file as table ``spec.name`` after checking every cell; raise on problems.

    ``display`` is the file name used in messages (the original XML file for converted
    data). If the CSV carries a ``_LINE`` column, messages give that line instead of a row.
    ``plain`` reads a file written by ``_plain_903_to_files`` instead, which knows no
    lines: any problem raises ``NeedsLines`` so the caller can read the XML again the
    general way and name the line.
    """
    display = display or path.name
    table = table or spec.name
    header = list(spec.columns) if plain else _read_header(path, display)
    by_upper = {name.upper(): name for name in header}
    missing = [column for column in spec.columns if column.upper() not in by_upper]
    from_xml = LINE in header
    if missing and not from_xml:
        raise ReturnFileError(
            [
                f"{display}, row 1, column {column}: missing; expected columns {', '.join(spec.columns)}"
                for column in missing
            ]
        )
    columns_struct = "{" + ", ".join(f"{_sql_str(name)}: 'VARCHAR'" for name in header) + "}"

    def reader(encoding: str) -> str:
        if plain:
            # Unit-separated, unquoted: see _plain_903_to_files.
            return (
                f"read_csv({_sql_str(str(path))}, header = false, auto_detect = false, "
                f"delim = '{UNIT}', quote = '', escape = '', columns = {columns_struct}, "
                "encoding = 'utf-8')"
            )
        return (
            f"read_csv({_sql_str(str(path))}, header = true, auto_detect = false, "
            f"delim = ',', quote = '\"', escape = '\"', columns = {columns_struct}, "
            f"encoding = '{encoding}')"
        )

    source = reader("utf-8")

    def cell(column: str) -> str:
        if column.upper() not in by_upper:
            return "CAST(NULL AS VARCHAR)"
        return f"NULLIF(trim({_quote_ident(by_upper[column.upper()])}), '')"

    conditions = _conditions(spec, cell)
    selects = []
    for column in spec.columns:
        value = cell(column)
        if column in spec.dates:
            selects.append(f"CAST(try_strptime({value}, {_sql_str(spec.date_format)}) AS DATE) AS {column}")
        elif column in spec.integers:
            selects.append(f"TRY_CAST({value} AS BIGINT) AS {column}")
        else:
            selects.append(f"{value} AS {column}")
    any_bad = " OR ".join(f"({c})" for c in conditions.values()) or "false"

    # One pass over the file in the usual case, where every cell is good: type the
    # columns and flag bad rows together. Only if a row is flagged is the file read again
    # to say exactly which cells are wrong.
    def load() -> None:
        con.execute(
            f"CREATE OR REPLACE TABLE {table} AS SELECT {', '.join(selects)}, "  # noqa: S608
            f"coalesce({any_bad}, false) AS _bad FROM {source}"
        )

    try:
        load()
    except duckdb.Error as exc:
        if plain:
            raise NeedsLines from None
        if "Invalid unicode" not in str(exc):
            raise ReturnFileError([_csv_error_message(display, str(exc))]) from None
        # Not UTF-8: Excel's "CSV (comma delimited)" writes Windows-1252, whose letters
        # in names and addresses read correctly as Latin-1; codes and dates are ASCII.
        source = reader("latin-1")
        try:
            load()
        except duckdb.Error as again:
            raise ReturnFileError([_csv_error_message(display, str(again))]) from None
    # Table and column names come from tables.py, never from the file; cell text only ever
    # reaches SQL quoted by _sql_str, hence the S608 waivers in this function.
    (flagged,) = con.execute(
        f"SELECT bool_or(_bad) FROM {table}"  # noqa: S608
    ).fetchone() or (False,)
    if not flagged:
        con.execute(f"ALTER TABLE {table} DROP COLUMN _bad")
        return
    con.execute(f"DROP TABLE {table}")
    if plain:
        raise NeedsLines
    raw = f"raw_{table}"
    con.execute(f"CREATE OR REPLACE TEMP TABLE {raw} AS SELECT * FROM {source}")  # noqa: S608
    row_expr = f"CAST({_quote_ident(LINE)} AS BIGINT)" if from_xml else "rowid + 2"
    checks = [
        f"SELECT {row_expr} AS row_no, {_sql_str(column)} AS col, "  # noqa: S608
        f"{cell(column)} AS val FROM {raw} WHERE {condition}"
        for column, condition in conditions.items()
    ]
    bad = con.execute(" UNION ALL ".join(checks) + f" ORDER BY row_no, col LIMIT {MAX_REPORTED_ERRORS}").fetchall()
    con.execute(f"DROP TABLE {raw}")
    label = "line" if from_xml else "row"
    problems = []
    for row_no, column, value in bad:
        found = "a blank" if value is None else repr(value)
        expected = spec.describe(column)
        if value is None and column in spec.required:
            expected += " (required)"
        problems.append(f"{display}, {label} {row_no}, column {column}: expected {expected}, got {found}")
    raise ReturnFileError(problems)


def _conditions(spec: TableSpec, cell: Callable[[str], str]) -> dict[str, str]:
    """For each checked column, the SQL condition that is true when its cell is bad."""
    found: dict[str, str] = {}
    for column in spec.columns:
        value = cell(column)
        conditions: list[str] = []
        if column in spec.required:
            conditions.append(f"{value} IS NULL")
        if column in spec.dates:
            conditions.append(f"({value} IS NOT NULL AND try_strptime({value}, {_sql_str(spec.date_format)}) IS NULL)")
        if column in spec.codes:
            allowed = ", ".join(_sql_str(code) for code in spec.codes[column])
            conditions.append(f"({value} IS NOT NULL AND {value} NOT IN ({allowed}))")
        if column in spec.patterns:
            conditions.append(
                f"({value} IS NOT NULL AND NOT regexp_full_match({value}, {_sql_str(spec.patterns[column])}))"
            )
        if column in spec.integers:
            conditions.append(f"({value} IS NOT NULL AND TRY_CAST({value} AS BIGINT) IS NULL)")
        if conditions:
            found[column] = " OR ".join(conditions)
    return found


def _csv_error_message(display: str, error: str) -> str:
    """Condense DuckDB's CSV parser error to the row and the problem."""
    line = re.search(r"CSV Error on Line: (\d+)", error)
    counts = re.search(r"Expected Number of Columns: (\d+) Found: (\d+)", error)
    where = f"{display}, row {line[1]}" if line else display
    if counts:
        return f"{where}: expected {counts[1]} columns, found {counts[2]}"
    first = error.splitlines()[0] if error else "unreadable"
    return f"{where}: cannot read as CSV ({first})"


def _create_empty(con: duckdb.DuckDBPyConnection, spec: TableSpec) -> None:
    columns = []
    for column in spec.columns:
        kind = "DATE" if column in spec.dates else "BIGINT" if column in spec.integers else "VARCHAR"
        columns.append(f"{column} {kind}")
    con.execute(f"CREATE OR REPLACE TABLE {spec.name} ({', '.join(columns)})")


def find_ssda903_files(directory: Path) -> dict[str, Path]:
    """Match the CSV files in a folder to the SSDA903 tables, by name (``episodes.csv``,
    ``SSDA903_2025_episodes.csv``)."""
    found: dict[str, Path] = {}
    candidates = sorted(p for p in directory.iterdir() if p.suffix.lower() == ".csv")
    # Longest table names first so "placed_for_adoption" is not taken for another table.
    for name in sorted(SSDA903_TABLES, key=len, reverse=True):
        for path in candidates:
            stem = path.stem.lower()
            if path not in found.values() and (stem == name or stem.endswith("_" + name)):
                found[name] = path
                break
    return found


def load_ssda903(con: duckdb.DuckDBPyConnection, source: Path) -> list[str]:
    """Load an SSDA903 return from a folder of CSV tables or an XML file; return the files
    used. Tables that are absent (other than header and episodes) load empty."""
    source = Path(source)
    if source.is_dir():
        xml_files = sorted(p for p in source.iterdir() if p.suffix.lower() == ".xml" and "cin" not in p.stem.lower())
        files = find_ssda903_files(source)
        if not files and len(xml_files) == 1:
            return load_ssda903(con, xml_files[0])
        absent = [n for n, s in SSDA903_TABLES.items() if s.must_exist and n not in files]
        if absent:
            raise ReturnFileError(
                [f"{source}: no {name}.csv found; expected the SSDA903 {name} table" for name in absent]
            )
        for name, spec in SSDA903_TABLES.items():
            if name in files:
                load_csv_table(con, spec, files[name])
            else:
                _create_empty(con, spec)
        return [str(files[n]) for n in SSDA903_TABLES if n in files]
    _refuse_doctype(source)
    with tempfile.TemporaryDirectory(prefix="los903_") as tmp:
        plain = _plain_903_to_files(source, Path(tmp) / "plain")
        if plain is not None:
            try:
                _load_903_tables(con, source, plain, plain=True)
                return [str(source)]
            except NeedsLines:
                pass  # a bad cell, or an unusual table: read again to name the line
        _load_903_tables(con, source, ssda903_xml_to_csv(source, Path(tmp)))
    return [str(source)]


def _load_903_tables(
    con: duckdb.DuckDBPyConnection, source: Path, written: dict[str, Path], *, plain: bool = False
) -> None:
    for name, spec in SSDA903_TABLES.items():
        if name in written:
            load_csv_table(con, spec, written[name], display=source.name, plain=plain)
        elif spec.must_exist:
            if plain:
                raise NeedsLines
            raise ReturnFileError([f"{source.name}: no <{name}> table found; expected the SSDA903 {name} table"])
        else:
            _create_empty(con, spec)


# --- The fast path for the SSDA903 XML form -----------------------------------------------
# Building an element tree costs more than everything else in a read (libxml2 building
# the tree alone takes two to three times as long as DuckDB takes to read and check the
# same rows as CSV, and the Python work per element doubles that). Files written by a
# program, as returns are, use a narrow, regular form:
# <SSDA903><table><row><COLUMN>text</COLUMN>...</row>...</table>...</SSDA903>, columns in
# the order of tables.py, no attributes, comments, CDATA or entity references. For that
# form one regular expression turns each block of rows into unit-separated lines in C, and
# DuckDB reads those as it reads the CSV tables. The recogniser accepts only text that is
# well-formed XML and means exactly what lxml would read (every byte of a block must be
# matched, and any character XML forbids sends the file to lxml); anything else, and any
# bad cell (to name its line), goes the general way through lxml.

_WS = rb"[ \t\r\n]*"
# Cell text taken as it stands: no markup, no references (the general reader expands
# them), no line breaks (so one row is one line), no CR (XML would normalise it).
_CELL = rb"([^<&\r\n]*)"
_TABLE_NAMES = b"|".join(name.encode() for name in SSDA903_TABLES)
_HEAD = re.compile(
    rb"(?:\xef\xbb\xbf)?(?:<\?xml[ \t\r\n]+version=([\"'])1\.0\1"
    rb"(?:[ \t\r\n]+encoding=([\"'])(?i:utf-8)\2)?"
    rb"(?:[ \t\r\n]+standalone=([\"'])(?:yes|no)\3)?[ \t\r\n]*\?>)?" + _WS + rb"<SSDA903>"
)
_BETWEEN = re.compile(_WS + rb"(?:<(" + _TABLE_NAMES + rb")>|<(?:" + _TABLE_NAMES + rb")/>|(</SSDA903>))")
# Bytes XML never allows in a document (C0 controls but tab, LF, CR; U+FFFE, U+FFFF).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 13))
_PLAIN_CHUNK = 8 << 20


def _plain_rows(columns: tuple[str, ...]) -> re.Pattern[bytes]:
    """A row pattern with each column optional, in order, one group for each column's
    text (None when the element is absent or written ``<COLUMN/>``)."""
    cells = b"".join(
        b"(?:" + _WS + b"<" + c.encode() + b"(?:>" + _CELL + b"</" + c.encode() + b">|/>))?" for c in columns
    )
    return re.compile(_WS + b"<row>" + cells + _WS + b"</row>")


_PLAIN = {name: _plain_rows(spec.columns) for name, spec in SSDA903_TABLES.items()}


def _plain_block(table: str, block: bytes) -> bytes | None:
    """Rows of one table as unit-separated lines, or None if the block is not plain."""
    block = block.rstrip(b" \t\r\n")
    if not block:
        return b""
    if (
        len(block.translate(None, _CONTROL)) != len(block)
        or b"]]>" in block
        or b"\xef\xbf\xbe" in block
        or b"\xef\xbf\xbf" in block
    ):
        return None
    try:
        block.decode("utf-8")
    except UnicodeDecodeError:
        return None
    # re.split hands back [between, cell, cell, ..., between, cell, ...]: all in C.
    pieces = _PLAIN[table].split(block)
    stride = len(SSDA903_TABLES[table].columns) + 1
    # What lies between matched rows comes back at every stride-th place: anything there
    # is text the pattern did not accept, so the block is not plain.
    if len(pieces) == 1 or any(pieces[::stride]):
        return None
    pieces = [piece or b"" for piece in pieces]
    columns = [pieces[place::stride] for place in range(1, stride)]
    return b"\n".join(map(UNIT.encode().join, zip(*columns, strict=True))) + b"\n"


def _plain_903_to_files(path: Path, directory: Path) -> dict[str, Path] | None:
    """Write the rows of each table of a plain SSDA903 XML file (see above) to a
    unit-separated file; return the files, or None when the file is not plain."""
    directory.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    handles: dict[str, Any] = {}
    try:
        with path.open("rb") as source:
            buf = source.read(_PLAIN_CHUNK)
            at_end = len(buf) < _PLAIN_CHUNK
            head = _HEAD.match(buf)
            if head is None:
                return None
            pos, table = head.end(), ""
            while True:
                if len(buf) - pos < 4096 and not at_end:
                    more = source.read(_PLAIN_CHUNK)
                    at_end = len(more) < _PLAIN_CHUNK
                    buf, pos = buf[pos:] + more, 0
                if not table:
                    found = _BETWEEN.match(buf, pos)
                    if found is None:
                        return None
                    pos = found.end()
                    if found[2]:  # </SSDA903>: only white space may follow
                        rest = buf[pos:] + source.read()
                        return paths if not rest.strip(b" \t\r\n") else None
                    table = (found[1] or b"").decode()
                    continue
                close = buf.find(b"</" + table.encode() + b">", pos)
                if close >= 0:
                    end, resume = close, close + len(table) + 3
                else:
                    cut = buf.rfind(b"</row>", pos)
                    if cut < 0 or at_end:
                        if at_end:
                            return None
                        more = source.read(_PLAIN_CHUNK)
                        at_end = len(more) < _PLAIN_CHUNK
                        buf, pos = buf[pos:] + more, 0
                        continue
                    end = resume = cut + len(b"</row>")
                lines = _plain_block(table, buf[pos:end])
                if lines is None:
                    return None
                if lines:
                    if table not in handles:
                        paths[table] = directory / f"{table}.txt"
                        handles[table] = paths[table].open("wb")
                    handles[table].write(lines)
                pos = resume
                if close >= 0:
                    table = ""
    finally:
        for handle in handles.values():
            handle.close()


def _iterparse(path: Path, tag: str) -> Iterator[etree._Element]:
    """Stream elements named ``tag`` (any namespace) from an XML file, safely.

    Entities are never expanded, nothing is fetched, and a document with a DTD is refused:
    statutory returns have none, and a DTD is the vehicle for entity-expansion attacks.
    """
    _refuse_doctype(path)
    context = etree.iterparse(
        str(path),
        events=("end",),
        tag="{*}" + tag,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    checked = False
    try:
        for _event, elem in context:
            if not checked:
                checked = True
                _refuse_dtd(path, elem.getroottree().docinfo)
            yield elem
            # Free what has been read so memory stays flat on large files.
            elem.clear()
            parent = elem.getparent()
            if parent is not None:
                while elem.getprevious() is not None:
                    del parent[0]
        if not checked and context.root is not None:
            _refuse_dtd(path, context.root.getroottree().docinfo)
    except etree.XMLSyntaxError as exc:
        raise ReturnFileError([f"{path.name}, line {exc.lineno}: not well-formed XML ({exc.msg})"]) from None


def _refuse_doctype(path: Path) -> None:
    """Refuse a file whose head holds a DOCTYPE, before any parser sees it."""
    with path.open("rb") as handle:
        # A DOCTYPE can only come before the root element, so the head of the file shows it;
        # refusing here means libxml2 never sees the entity declarations at all. (The fast
        # path accepts no DOCTYPE at all; lxml also checks the document it parsed.)
        head = handle.read(65536)
    at = head.upper().find(b"<!DOCTYPE")
    if at >= 0:
        line = head.count(b"\n", 0, at) + 1
        raise ReturnFileError([f"{path.name}, line {line}: a DOCTYPE is not accepted in a return"])


def _refuse_dtd(path: Path, docinfo: etree.DocInfo) -> None:
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise ReturnFileError([f"{path.name}: a DOCTYPE is not accepted in a return"])


def _local(tag: object) -> str:
    """An element's name without its namespace (comments and the like have none)."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[1] if tag[:1] == "{" else tag


def _fields(elem: etree._Element) -> dict[str, str | None]:
    """The text of each direct child element, by name (None for an empty element).

    One pass over the children, much faster than a namespace-wildcard ``find`` per field;
    the text is not trimmed here because the loader trims every cell in SQL anyway.
    """
    return {
        (tag if tag[0] != "{" else tag[tag.index("}") + 1 :]): child.text
        for child in elem
        if isinstance(tag := child.tag, str)
    }


class _CsvSink:
    """Temporary CSV files, one per table, each with a ``_LINE`` column for messages."""

    def __init__(self, directory: Path, specs: dict[str, TableSpec]) -> None:
        self.directory = directory
        self.specs = specs
        self.handles: dict[str, object] = {}
        self.writers: dict[str, Any] = {}  # csv writers; their type is private to csv
        self.paths: dict[str, Path] = {}

    def write(self, table: str, values: Iterable[str | None], line: int | None) -> None:
        writer = self.writers.get(table)
        if writer is None:
            path = self.directory / f"{table}.csv"
            handle = path.open("w", newline="", encoding="utf-8")
            writer = csv.writer(handle)
            writer.writerow([*self.specs[table].columns, LINE])
            self.handles[table], self.writers[table], self.paths[table] = handle, writer, path
        writer.writerow([*values, line or 0])

    def close(self) -> dict[str, Path]:
        for handle in self.handles.values():
            handle.close()  # type: ignore[attr-defined]
        return self.paths


def ssda903_xml_to_csv(path: Path, directory: Path) -> dict[str, Path]:
    """Flatten the SSDA903 XML form into one CSV per table; return the files written.

    The XML form mirrors the CSV tables: ``<SSDA903><episodes><row><CHILD>..</CHILD>
    <DECOM>..</DECOM>...</row>...</episodes>...</SSDA903>``; an empty or absent element
    is a blank cell.
    """
    sink = _CsvSink(directory, SSDA903_TABLES)
    try:
        for row in _iterparse(path, "row"):
            parent = row.getparent()
            table = _local(parent.tag) if parent is not None else ""
            spec = SSDA903_TABLES.get(table)
            if spec is None:
                raise ReturnFileError(
                    [
                        f"{path.name}, line {row.sourceline}: <row> inside <{table}>, which is "
                        f"not an SSDA903 table ({', '.join(SSDA903_TABLES)})"
                    ]
                )
            values = _fields(row)
            sink.write(table, [values.get(c) for c in spec.columns], row.sourceline)
    finally:
        written = sink.close()
    return written


def cin_xml_to_csv(path: Path, directory: Path, ref_offset: int = 0) -> dict[str, Path]:
    """Flatten a CIN census XML file into the ``cin_*`` tables (see ``tables.CIN_TABLES``).

    Each ``CINdetails`` block is numbered (``REF``) so its assessments, section 47
    enquiries and plans stay with their referral; ``ref_offset`` keeps numbers distinct
    when several censuses are loaded together.
    """
    directory.mkdir(parents=True, exist_ok=True)
    # Rows are gathered per table and written a batch at a time: a call per row into the
    # csv writer costs more than the row, and a batch keeps memory small.
    rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in CIN_TABLES}
    written: dict[str, Path] = {}

    def flush() -> None:
        for table, found in rows.items():
            if found:
                new = table not in written
                written[table] = directory / f"{table}.csv"
                with written[table].open("a", newline="", encoding="utf-8") as handle:
                    writer = csv.writer(handle)
                    if new:
                        writer.writerow([*CIN_TABLES[table].columns, LINE])
                    writer.writerows(found)
                found.clear()

    columns = {name: spec.columns[2:] for name, spec in CIN_TABLES.items()}
    referral_columns = columns["cin_referral"]
    names: dict[str, str] = {}  # element name with namespace -> without, worked out once
    ref = ref_offset
    for number, child in enumerate(_iterparse(path, "Child"), start=1):
        if number % CIN_BATCH == 0:
            flush()
        child_id = dob = ""
        for part in child:
            tag = part.tag
            if not isinstance(tag, str):
                continue
            name = names.get(tag) or names.setdefault(tag, _local(tag))
            if name == "ChildIdentifiers":
                ids = _fields(part)
                child_id = ids.get("LAchildID") or ""
                dob = ids.get("PersonBirthDate") or ""
                rows["cin_child"].append((child_id, dob, part.sourceline))
            elif name == "CINdetails":
                ref += 1
                details: dict[str, str | None] = {}
                for item in part:
                    tag = item.tag
                    if not isinstance(tag, str):
                        continue
                    name = names.get(tag) or names.setdefault(tag, _local(tag))
                    table = _NESTED.get(name)
                    if table:
                        values = _fields(item)
                        rows[table].append((child_id, ref, *map(values.get, columns[table]), item.sourceline))
                    else:
                        details[name] = item.text
                rows["cin_referral"].append((child_id, ref, *map(details.get, referral_columns), part.sourceline))
    flush()
    return written


_NESTED = {
    "Assessments": "cin_assessment",
    "Section47": "cin_s47",
    "ChildProtectionPlans": "cin_cpp",
}


def load_cin(con: duckdb.DuckDBPyConnection, files: Sequence[Path]) -> list[str]:
    """Load one or more CIN census XML files (this year's and earlier ones, so re-referrals
    and repeat plans can look back) into the ``cin_*`` tables."""
    for spec in CIN_TABLES.values():
        _create_empty(con, spec)
    for number, path in enumerate(files):
        path = Path(path)
        with tempfile.TemporaryDirectory(prefix="loscin_") as tmp:
            # Referral numbers of each census start far apart so they never collide.
            written = cin_xml_to_csv(path, Path(tmp), ref_offset=number * 100_000_000)
            for name, spec in CIN_TABLES.items():
                if name in written:
                    load_csv_table(con, spec, written[name], display=path.name, table=f"part_{name}")
                    con.execute(f"INSERT INTO {name} SELECT * FROM part_{name}")  # noqa: S608
                    con.execute(f"DROP TABLE part_{name}")
    return [str(p) for p in files]
