"""Layout step 3: one handler per column type, filling a row's actions from its cells.

pretix's ``ImportColumn`` pattern: each kind of plan column (lead, partners, deadline,
measure, governance body, status, RAG, progress, ...) is a small class that knows the
header wordings naming it (its :attr:`ImportColumn.synonyms`, from
:data:`.columns.SYNONYMS`, where the registry :data:`.columns.COLUMNS` lists the classes)
and how its cells fill the :class:`~.drafts.DraftAction` objects of a row. The row walker
(:mod:`.walker`) splits a row's action cell into actions, asks every handler to
:meth:`~ImportColumn.gather` from its cells first and to :meth:`~ImportColumn.fill` the
actions after, in registry order.

Parallel lists pair with the actions in order: a single lead or date applies to every
action. Progress paragraphs that start with a date ("As of 30 April 2026: ...") are
updates as of that date. RAG comes from the RAG column's words or colour, else from RAG
words or colour in the status, progress or date cells.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from .deadlines import find_dates, looks_like_due, split_due_list, status_from_text
from .grid import Cell, Para
from .refs import clean_ref
from .text import join_names_with_roles as _join_names_with_roles
from .text import rag_of, split_at_posts, split_flat_list, split_people, split_sentences
from .text import starts_lower as _starts_lower
from .text import tidy as _tidy

if TYPE_CHECKING:
    from .drafts import DraftAction, DraftRecommendation, PlanRow

# Where a warning points: table index, row number, message.
Warn = Callable[[int | None, int | None, str], None]

# --------------------------------------------------------------------------- cell readings

_SEE_ALSO = re.compile(
    r"\b(?:see|refer to|as per|covered (?:by|in|under)|cross[- ]reference(?:d)? (?:to|with))\s+"
    r"(?:the\s+)?(?:action|recommendation|point|item|rec\.?|priority|row)s?\s*(?:point|no\.?)?\s*"
    r"(?P<ref>\d+(?:\.\d+)?[a-z]?)"
    r"|\brepetition of\s+(?:the\s+)?(?:action|recommendation|point|item)s?\s*(?:point\s*)?"
    r"(?P<ref2>\d+(?:\.\d+)?[a-z]?)",
    re.IGNORECASE,
)


def see_also(text: str) -> list[str]:
    """The refs a cell points to instead of stating an action ("See action 3.2")."""
    return [m["ref"] or m["ref2"] for m in _SEE_ALSO.finditer(text or "")]


# "Partners: ..." or "Partners RMCHS ..." in a lead cell; a job title ending in the word
# ("HR Business Partner") is no label.
_PARTNERS_SPLIT = re.compile(
    r"(?:^|(?<![Bb]usiness)\s)(?:Key\s+partners?|Partners?|KEY PARTNERS?|PARTNERS?)\b"
    r"(?:\s*[:\-–]\s*|\s+(?=\S))"
    r"|^\s*(?:Key\s+partners?|Partners?|KEY PARTNERS?|PARTNERS?)\s*$"
    r"|(?:^|\s)(?:Supported by|Support|With|Working with|Contributors?)\s*:\s*"
)


# "Lead: Sam Okafor" (case-system exports label the lead): the label is not the name.
_LEAD_LABEL = re.compile(
    r"^\s*(?:lead(?:\s+officer)?|owner|responsible(?:\s+officer)?|accountable(?:\s+officer)?)\s*:\s*(?=\S)", re.I
)


def split_partners(cell: Cell) -> tuple[list[str], list[str]]:
    """Owner paragraphs, and partner text after a "Partners:" label in the same cell."""
    owners: list[str] = []
    partners: list[str] = []
    in_partners = False
    for p in cell.paras:
        text = _LEAD_LABEL.sub("", p.text)
        if not text:
            continue
        if in_partners:
            partners.append(text)
            continue
        m = _PARTNERS_SPLIT.search(text)
        if m:
            head, tail = text[: m.start()].strip(), text[m.end() :].strip()
            if head:
                owners.append(head)
            if tail:
                partners.append(tail)
            in_partners = True
        else:
            owners.append(text)
    return _join_names_with_roles(owners), partners


def _action_items(cell: Cell | None, target: int = 0) -> list[tuple[str | None, str]]:
    """One (ref, text) per action: list items, lettered items, else paragraphs.

    ``target`` is the length of the row's parallel date list, which tells how many
    items a flattened list held.
    """
    if cell is None:
        return []
    paras = [p for p in cell.paras if p.text]
    if not paras:
        return []
    out: list[tuple[str | None, str]] = []
    listed = any(p.kind != "text" for p in paras)
    top = min((p.level for p in paras if p.kind != "text"), default=0)
    others = sum(1 for p in paras if not p.unsplit and (p.kind != "text" or len(p.text.split()) > 3))
    for k, p in enumerate(paras):
        if p.kind != "text" and p.level > top and out:
            ref, prev = out[-1]
            joiner = " " if prev.endswith(":") else "; "
            out[-1] = (ref, _tidy(f"{prev}{joiner}{p.text}"))
            continue  # a sub-bullet is part of the action above it
        if p.unsplit:
            want = target - others - len(out)
            out.extend((None, s) for s in split_flat_list(p.text, want, p.line_starts))
            continue
        if p.kind == "letter":
            out.append((p.marker, p.text))
            continue
        if p.kind in ("bullet", "number"):
            out.append((p.marker if p.kind == "number" else None, p.text))
            continue
        words = len(p.text.split())
        if len(paras) > 1 and (p.text.endswith(":") or (listed and words <= 3)):
            continue  # a lead-in or sub-heading inside the cell ("SENDIS", "We will:")
        if out and k > 0 and _starts_lower(p.text) and not listed:
            ref, prev = out[-1]
            out[-1] = (ref, _tidy(prev + " " + p.text))  # a wrapped line, not a new action
            continue
        out.append((None, p.text))
    return out


def cell_items(cell: Cell, *, due: bool = False) -> list[str]:
    """The list items of a non-action cell; a flattened list is split by its meaning."""
    items: list[str] = []
    for p in cell.paras:
        if not p.text:
            continue
        if due:
            parts = split_due_list(p.text)
            items.extend(parts if parts else [p.text])
        elif p.unsplit and len(p.text) > 80:
            items.extend(split_sentences(p.text))
        else:
            items.append(p.text)
    return items


def _spread(items: list[str], n: int, pr: PlanRow, warn: Warn, what: str) -> list[str | None]:
    """Pair a parallel list with n actions, in order.

    One value applies to every action; otherwise values are paired from the last action
    up, the first action taking any extras and the first actions going without when
    there are fewer values than actions.
    """
    if not items:
        return [None] * n
    if len(items) == 1:
        return [items[0]] * n
    if len(items) == n:
        return list(items)
    warn(pr.table.index, pr.row.number, f"{len(items)} {what} for {n} actions; paired in order")
    # Lists that lost their alignment usually lost it at the top (a heading or an extra
    # line above the first bullet), so the values are aligned from the last one up.
    if len(items) > n:
        extra = len(items) - n
        return [" ".join(items[: extra + 1]), *items[extra + 1 :]]
    return [*([None] * (n - len(items))), *items]


def _paired(items: list[str], n: int) -> list[str | None]:
    """A list matching the actions one by one, else the whole list for every action."""
    if len(items) == n:
        return list(items)
    joined = " ".join(items)
    return [joined] * n


_COLOUR_WORD = re.compile(r"\b(?:red|amber|green|blue)\b|^\s*[rag]\s*$", re.I)
# A progress cell holding nothing but a rating: "Green", "Amber/Green", "Red."
_RATING_ONLY = re.compile(r"\s*(?:red|amber|green|blue)(?:\s*[/&-]\s*(?:red|amber|green))?\W*", re.I)


_DATED_UPDATE = re.compile(
    r"^\s*(?:(?:as (?:of|at)|update[d]?(?: on)?|position (?:at|as at)|progress(?: at| as at)?"
    r"|review(?:ed)?(?: on)?)\s+)?"
    r"(?P<date>\d{1,2}(?:\s?(?:st|nd|rd|th))?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}"
    r"|[A-Za-z]{3,9}\.?\s+\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2})"
    r"\s*(?:[:\-\u2013\u2014]|\s-)\s*(?P<text>\S.*)$",
    re.IGNORECASE | re.S,
)


def _dated_updates(paras: list[str]) -> list[tuple[date | None, str]] | None:
    """Split a progress cell whose paragraphs start with the date they speak for
    ("As of 30 April 2026: ...", "12/05/2026 – ...") into (as-of, text) updates.

    Paragraphs without a date continue the update above them. Returns None when no
    paragraph starts with a date, so the cell is read as one narrative.
    """
    out: list[tuple[date | None, str]] = []
    found = False
    for text in paras:
        m = _DATED_UPDATE.match(text)
        dates = find_dates(m["date"]) if m else []
        if m and dates:
            found = True
            out.append((dates[0][0], m["text"].strip()))
        elif out:
            as_of, before = out[-1]
            out[-1] = (as_of, f"{before}\n{text}")
        else:
            out.append((None, text))
    return out if found else None


# A line that is only a numbered label ("Recommendation 1", "Area for improvement 2")
# above a finding in the recommendation column: the number is the recommendation's ref.
_LABELLED = re.compile(
    r"^\s*(?:recommendation|rec\.?|area for (?:improvement|development)|finding|R(?=\d))"
    r"\s*(?P<ref>\d{1,2}[a-z]?)\s*(?:[:.\-\u2013\u2014)]\s*(?P<text>\S.*)|$)",
    re.I | re.S,
)


# "Recommendation 2: ..." at the start of a recommendation's own text.
# "R1 The quality ..." keeps its "R", as printed (a number column gives "R1" too).
REF_IN_TEXT = re.compile(
    r"^\s*(?:(?:recommendation|rec\.?|area for (?:improvement|development)|priority|finding)"
    r"\s*(?P<ref>\d{1,2}[a-z]?)|(?P<rref>(?-i:R)\d{1,2}[a-z]?))"
    r"(?:\s*[:.\-–—)]\s*\S|\s+(?-i:[A-Z]))"
    # "1 Reduce caseloads ...": a bare number before a capitalised word, as exports print it.
    r"|^\s*(?P<bref>\d{1,2})\s+(?=(?-i:[A-Z][a-z]+)\s)",
    re.I,
)


def label_paragraph(cell: Cell, text: str) -> tuple[str | None, str]:
    """The ref of a recommendation cell whose first line is only its label
    ("Recommendation 1" above the finding), and the text without that line."""
    paras = [p for p in cell.paras if p.text]
    if len(paras) > 1:
        m = _LABELLED.match(paras[0].text)
        if m and not m["text"]:
            return m["ref"], _tidy(" ".join(p.text for p in paras[1:]))
    return None, text


def bold_lead(cell: Cell | None) -> tuple[str, list[Para]] | None:
    """The bold paragraph(s) heading a cell whose other paragraphs are plain, when they
    read as a recommendation (numbered, or a sentence of eight words or more) rather
    than a lead-in ("We will:") or a sub-heading."""
    if cell is None or cell.merged:
        return None
    paras = [p for p in cell.paras if p.text]
    k = 0
    while k < len(paras) and paras[k].bold:
        k += 1
    if k == 0 or k == len(paras):
        return None
    text = _tidy(" ".join(p.text for p in paras[:k]))
    if text.endswith(":") or not (_LABELLED.match(text) or len(text.split()) >= 8):
        return None
    return text, paras[k:]


def unique(items: Iterable[str]) -> list[str]:
    """Items in order without repeats (a cell merged across two columns says it twice)."""
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def cell_at(cells: list[Cell], i: int | None) -> Cell | None:
    """The cell at column ``i``, or None when there is no such column or cell."""
    if i is None or i >= len(cells):
        return None
    return cells[i]


def _iso(d: date | None) -> str | None:
    """A date as plan@1 writes it, or None."""
    return d.isoformat() if d else None


def _not_completed_yet(text: str) -> bool:
    """A completion-date cell that says it is not complete yet ("N/A", "not yet")."""
    return bool(re.match(r"^\s*(?:n/?a|no|not|-|tbc|ongoing)\b", text, re.I))


# --------------------------------------------------------------------------- the handlers


@dataclass
class RowReading:
    """One row's cells as the handlers read them: what the gather pass collected from
    the cells before the action cell was split, for the fill pass to pair with actions."""

    pr: PlanRow
    warn: Warn
    measure_items: list[str] = field(default_factory=list)
    due_items: list[str] = field(default_factory=list)
    owner_paras: list[str] = field(default_factory=list)
    partner_texts: list[str] = field(default_factory=list)
    # The lead cell's one paragraph joined from several printed lines, if that is all it is.
    owner_lines: Para | None = None

    def columns(self, role: str) -> list[int]:
        """The row's column indices with this role."""
        return self.pr.cmap.columns(role)

    def cell(self, i: int | None) -> Cell | None:
        """The row's cell at column ``i``, if it has one."""
        return cell_at(self.pr.row.cells, i)


class ImportColumn:
    """One kind of plan column: the header wordings that name it and how its cells fill
    a row's actions. Subclasses set :attr:`role` and override what they read."""

    role: ClassVar[str]
    # Header patterns naming this column, in the precedence of :data:`.columns.SYNONYMS`
    # (set there when the class is registered).
    synonyms: ClassVar[tuple[str, ...]] = ()
    # A row with this cell filled but no action holds details waiting for its action
    # (a lead and date typed on the row above the action's).
    waits_for_action: ClassVar[bool] = False
    # Such a waiting row's cell of this column fills the action row's empty one.
    carried_to_action: ClassVar[bool] = False

    @staticmethod
    def across_break(here: Cell, before: Cell) -> Cell:
        """This column's cell of a row a page break split, given the cell above the
        break: the cell the row keeps (by default its own)."""
        return here

    def gather(self, reading: RowReading) -> None:
        """Collect from this column's cells what the action split needs to know first."""

    def fill(self, reading: RowReading, actions: list[DraftAction]) -> None:
        """Fill the row's actions from this column's cells (and what was gathered)."""

    def fill_recommendation(self, rec: DraftRecommendation, pr: PlanRow) -> None:
        """Fill the row's recommendation from this column's cells."""


def _empty_takes_before(here: Cell, before: Cell) -> Cell:
    """A cell left empty (and uncoloured) on the new page belongs to the row above the break."""
    return before if here.is_empty and not here.fill else here


class NumberColumn(ImportColumn):
    """The recommendation's number ("1", "Rec 3"): a filled one starts a recommendation
    (the row walker decides, as it also depends on the recommendation cell)."""

    role = "number"

    @staticmethod
    def read(cell: Cell | None) -> str:
        """The number printed, or "" when the cell is empty or merged from above."""
        return "" if cell is None or cell.merged else cell.text


class RecommendationColumn(ImportColumn):
    """The finding the actions answer; "Recommendation 1" on a line of its own above the
    text, or at the start of the text, is its number."""

    role = "recommendation"

    @staticmethod
    def read(cell: Cell | None) -> tuple[str | None, str]:
        """The ref printed on a label line of its own (else None) and the text."""
        text = "" if cell is None or cell.merged else cell.text
        if text and cell is not None:
            return label_paragraph(cell, text)
        return None, text


class SectionColumn(ImportColumn):
    """A theme or workstream column: a new value starts a new section."""

    role = "section"

    @staticmethod
    def read(cell: Cell | None) -> str | None:
        """The section named in the cell, or None when it is empty."""
        return cell.text if cell is not None and cell.text else None


class OutcomeColumn(ImportColumn):
    """What will be different: one outcome per paragraph or bullet of the recommendation."""

    role = "outcome"

    def fill_recommendation(self, rec: DraftRecommendation, pr: PlanRow) -> None:
        for i in pr.cmap.columns(self.role):
            cell = cell_at(pr.row.cells, i)
            if cell is not None and cell.text and not cell.merged:
                self.add_outcomes(rec, cell, after_break=pr.after_break)

    @staticmethod
    def add_outcomes(rec: DraftRecommendation, cell: Cell, *, after_break: bool) -> None:
        """One outcome per paragraph or bullet; a paragraph starting in lower case
        continues the one before (a wrapped line, or a page break inside the cell)."""
        first = True
        for p in cell.paras:
            text = _tidy(p.text)
            if not text:
                continue
            joins = _starts_lower(text) and rec.outcomes and (not first or after_break)
            if joins:
                rec.outcomes[-1] = _tidy(rec.outcomes[-1] + " " + text)
            elif len(cell.paras) > 1 and text.endswith(":") and len(text.split()) <= 6:
                continue  # a lead-in such as "Outcomes:" or "We want:"
            elif text not in rec.outcomes:
                rec.outcomes.append(text)
            first = False


class ActionColumn(ImportColumn):
    """The actions: one per bullet, lettered item or paragraph of the cell."""

    role = "action"

    @staticmethod
    def items(cell: Cell | None, target: int = 0) -> list[tuple[str | None, str]]:
        """One (ref, text) per action; ``target`` is the row's count of dates."""
        return _action_items(cell, target)


class OwnerColumn(ImportColumn):
    """The lead: one per action when the cell lists as many leads as actions, else every
    lead for every action; "Partners: ..." in the same cell goes to the partners."""

    role = "owner"
    waits_for_action = True
    carried_to_action = True

    @staticmethod
    def across_break(here: Cell, before: Cell) -> Cell:
        # Left empty on the new page, the lead is the row's above the break; a
        # "Partners:" list that ran over the break continues that list.
        if here.is_empty and not here.fill:
            return before
        if split_partners(before)[1]:
            return Cell(before.paras + here.paras)
        return here

    def gather(self, reading: RowReading) -> None:
        for i in reading.columns(self.role):
            cell = reading.cell(i)
            if cell is None:
                continue
            owner_part, partner_part = split_partners(cell)
            reading.owner_paras.extend(owner_part)
            reading.partner_texts.extend(partner_part)
            texts = [p for p in cell.paras if p.text]
            if len(texts) == 1 and texts[0].line_starts and not partner_part:
                reading.owner_lines = texts[0]

    def fill(self, reading: RowReading, actions: list[DraftAction]) -> None:
        n = len(actions)
        if len(reading.owner_paras) == 1 and n > 1 and reading.owner_lines is not None:
            # Leads on lines of their own, which the text ran into one paragraph: one
            # a line after a line ending a post's title, when that gives one per action.
            posts = split_at_posts(reading.owner_lines.text, reading.owner_lines.line_starts)
            if len(posts) == n:
                reading.owner_paras = posts
        if len(reading.owner_paras) == n and n > 1:
            for a, text in zip(actions, reading.owner_paras, strict=True):
                a.owners = split_people(text)
        else:
            everyone = unique(p for t in reading.owner_paras for p in split_people(t))
            for a in actions:
                a.owners = list(everyone)


class PartnersColumn(ImportColumn):
    """Key partners, with those named after "Partners:" in the lead cell: every action's."""

    role = "partners"
    carried_to_action = True
    across_break = staticmethod(_empty_takes_before)

    def gather(self, reading: RowReading) -> None:
        for i in reading.columns(self.role):
            cell = reading.cell(i)
            if cell is not None:
                reading.partner_texts.extend(p.text for p in cell.paras if p.text)

    def fill(self, reading: RowReading, actions: list[DraftAction]) -> None:
        partners = unique(p for t in reading.partner_texts for p in split_people(t))
        for a in actions:
            a.partners = list(partners)


class DueColumn(ImportColumn):
    """The timescale: a list of dates pairs with the actions in order, one date applies
    to them all. With no timescale column, dates in the measure column serve."""

    role = "due"
    waits_for_action = True
    carried_to_action = True

    @staticmethod
    def across_break(here: Cell, before: Cell) -> Cell:
        # A date cell with no date on the new page is the tail of the row's text.
        return here if any(looks_like_due(p.text) for p in here.paras) else before

    def gather(self, reading: RowReading) -> None:
        for i in reading.columns(self.role):
            cell = reading.cell(i)
            if cell is not None:
                found = cell_items(cell, due=True)
                dated = [t for t in found if looks_like_due(t)]
                reading.due_items.extend(dated if dated else found)

    def fill(self, reading: RowReading, actions: list[DraftAction]) -> None:
        spread = _spread(reading.due_items, len(actions), reading.pr, reading.warn, "dates")
        for a, due_text in zip(actions, spread, strict=True):
            a.due_text = due_text


class MeasureColumn(ImportColumn):
    """Measures of success: every action's; its dates are the deadlines when the plan
    has no timescale column."""

    role = "measure"

    def gather(self, reading: RowReading) -> None:
        due_cols = reading.columns("due")
        for i in reading.columns(self.role):
            cell = reading.cell(i)
            if cell is None:
                continue
            for text in cell_items(cell, due=not due_cols):
                if not due_cols and looks_like_due(text):
                    reading.due_items.append(text)
                else:
                    reading.measure_items.append(text)

    def fill(self, reading: RowReading, actions: list[DraftAction]) -> None:
        for a in actions:
            a.measures = list(reading.measure_items)


class ReportedToColumn(ImportColumn):
    """The governance bodies the row reports to: every action's."""

    role = "reported_to"
    across_break = staticmethod(_empty_takes_before)

    def fill(self, reading: RowReading, actions: list[DraftAction]) -> None:
        for i in reading.columns(self.role):
            cell = reading.cell(i)
            if cell is not None:
                bodies = []
                for p in cell.paras:
                    for b in split_people(p.text):
                        if b not in bodies:
                            bodies.append(b)
                for a in actions:
                    a.reported_to.extend(bodies)


class StatusColumn(ImportColumn):
    """The status as written ("Complete", "On track"); a colour word or the cell's
    colour is the RAG when no RAG column says otherwise."""

    role = "status"
    carried_to_action = True
    across_break = staticmethod(_empty_takes_before)

    def fill(self, reading: RowReading, actions: list[DraftAction]) -> None:
        for i in reading.columns(self.role):
            cell = reading.cell(i)
            if cell is not None and cell.text:
                texts = _paired(cell_items(cell), len(actions))
                for a, t in zip(actions, texts, strict=True):
                    a.status_text = t
                    if _COLOUR_WORD.search(t or ""):
                        a.rag = a.rag or rag_of(t or "")  # "Green" in a status column
                    elif cell.fill and not a.rag:
                        a.rag = cell.fill


class RagColumn(ImportColumn):
    """The RAG rating from its words or colour; with no RAG column, the colour of the
    status, progress or date cell."""

    role = "rag"
    carried_to_action = True
    across_break = staticmethod(_empty_takes_before)

    def fill(self, reading: RowReading, actions: list[DraftAction]) -> None:
        n = len(actions)
        for i in reading.columns(self.role):
            cell = reading.cell(i)
            if cell is None:
                continue
            if cell.text:
                texts = _paired(cell_items(cell), n)
                for a, t in zip(actions, texts, strict=True):
                    a.rag = rag_of(t or "") or cell.fill or a.rag
                    if not a.status_text and (a.rag is None or status_from_text(t or "")):
                        # "Complete" written in the RAG column, or "Amber: on track".
                        a.status_text = t
            elif cell.fill:
                for a in actions:
                    a.rag = cell.fill
        if not reading.columns(self.role):
            # No RAG column: plans then colour the status, progress or date cell instead.
            for role in ("status", "progress", "due"):
                fills = [c.fill for i in reading.columns(role) if (c := reading.cell(i)) and c.fill]
                if fills:
                    for a in actions:
                        a.rag = a.rag or fills[0]
                    break


class CompletedColumn(ImportColumn):
    """The date an action was done: a filled one (not "N/A") marks every action complete."""

    role = "completed"

    def fill(self, reading: RowReading, actions: list[DraftAction]) -> None:
        for i in reading.columns(self.role):
            cell = reading.cell(i)
            if cell is not None and cell.text and not _not_completed_yet(cell.text):
                for a in actions:
                    a.completed = True


class ActionRefColumn(ImportColumn):
    """The actions' own numbers ("a.", "1.2"), used when there is one per action."""

    role = "action_ref"

    def fill(self, reading: RowReading, actions: list[DraftAction]) -> None:
        ref_cell = reading.cell(reading.pr.cmap.first(self.role))
        if ref_cell is not None and ref_cell.text:
            refs = [clean_ref(t) for t in cell_items(ref_cell)]
            if len(refs) == len(actions):
                for a, r in zip(actions, refs, strict=True):
                    a.ref = a.ref or r


class ProgressColumn(ImportColumn):
    """Progress updates: dated paragraphs are updates as of their date; a list matching
    the actions is theirs one by one; narrative describes the whole row."""

    role = "progress"
    carried_to_action = True

    def fill(self, reading: RowReading, actions: list[DraftAction]) -> None:
        cmap, n = reading.pr.cmap, len(actions)
        for i in reading.columns(self.role):
            cell = reading.cell(i)
            if cell is None or not cell.text:
                continue
            items_p = cell_items(cell)
            dated_updates = _dated_updates(items_p)
            if dated_updates is not None:
                # "As of 30 April 2026: ..." paragraphs: one update per date, for the row.
                for a in actions:
                    for as_of, text in dated_updates:
                        a.updates.append({"as_of": _iso(as_of or cmap.as_of.get(i)), "text": text})
                        a.progress_items.append(text)
                continue
            # A list of updates matching the actions is theirs one by one; narrative
            # paragraphs describe the whole row.
            listed = any(p.kind != "text" for p in cell.paras) or all(len(t.split()) <= 12 for t in items_p)
            paired = len(items_p) == n and n > 1 and listed
            for k, a in enumerate(actions):
                text = items_p[k] if paired else cell.text
                if _RATING_ONLY.fullmatch(text):
                    # Plans without a RAG column write the rating as the progress: it
                    # is the RAG, not an update saying what has been done.
                    a.rag = a.rag or rag_of(text)
                    continue
                a.updates.append({"as_of": _iso(cmap.as_of.get(i)), "text": text})
                a.progress_items.append(text)


class StartColumn(ImportColumn):
    """A start date: recognised so the column is not taken for another role; plan@1
    holds no start date, so its cells fill nothing."""

    role = "start"


# The handlers in the order a row is read: gather runs in this order before the action
# cell is split, fill after it (status before RAG, as a RAG column overrides a colour
# word in the status). Number, recommendation, section and action cells are read by the
# row walker, which decides where recommendations start.
HANDLERS: tuple[type[ImportColumn], ...] = (
    NumberColumn,
    RecommendationColumn,
    SectionColumn,
    OutcomeColumn,
    ActionColumn,
    OwnerColumn,
    PartnersColumn,
    DueColumn,
    MeasureColumn,
    ReportedToColumn,
    StatusColumn,
    RagColumn,
    CompletedColumn,
    ActionRefColumn,
    ProgressColumn,
    StartColumn,
)
