"""Synthetic SSDA903 and CIN census returns whose indicator values are known in advance.

``generate(SynthOptions(children=100_000), out_dir)`` writes:

- the SSDA903 CSV tables (``header.csv``, ``episodes.csv``, ``reviews.csv``, ``oc3.csv``,
  ``ad1.csv``, ``placed_for_adoption.csv``, ``missing.csv`` and the other tables, empty);
- ``ssda903.xml``: the same data in the XML form the readers accept;
- ``cin_census.xml``: a CIN census for about 60% as many children;
- ``expected.json``: every indicator's numerator and denominator, worked out here from the
  generator's own arrays (numpy, with numpy's business-day calendar), never by the SQL
  under test, so a test can check the SQL against an independent answer.

Histories are date-consistent: children in care at the period end (some with an earlier
period of care, many with episodes crossing the year start), children who left, children
adopted in the 3-year window (some by their foster carer), care leavers aged 19–21 with
OC3 records, missing episodes, reviews, and CIN referrals with assessments, section 47
enquiries, conferences and plans. Rates of lateness and the like are options.

Everything is vectorised over children with numpy, so 100,000 children (about a million
episode rows) take seconds. Pure Python: no Django.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date
from importlib import resources
from pathlib import Path

import numpy as np

from .engine import BANK_HOLIDAYS, parse_period
from .tables import SSDA903_TABLES

NaT = np.iinfo(np.int64).min  # missing date, as days since 1970-01-01
EPOCH = np.datetime64("1970-01-01", "D")


@dataclass
class SynthOptions:
    """What to generate. Rates are probabilities per child, referral, etc."""

    children: int = 1000
    seed: int = 0
    period: str = "2025-26"
    late_review_rate: float = 0.1
    unstable_rate: float = 0.1  # children in care given 2-3 placement moves in the year
    missing_rate: float = 0.08
    in_touch_rate: float = 0.9
    eet_rate: float = 0.55
    suitable_accommodation_rate: float = 0.85
    foster_carer_adoption_rate: float = 0.15
    late_assessment_rate: float = 0.15
    late_icpc_rate: float = 0.2
    rereferral_rate: float = 0.2
    xml: bool = True


# --- dates as int64 day numbers ------------------------------------------------------


def _day(d: date) -> int:
    return int((np.datetime64(d, "D") - EPOCH).astype(np.int64))


def add_months(days: np.ndarray, months: int | np.ndarray) -> np.ndarray:
    """Add calendar months, clamping to the month's last day (as DuckDB's INTERVAL does)."""
    d = (EPOCH + days.astype("timedelta64[D]")).astype("datetime64[D]")
    month = d.astype("datetime64[M]")
    day_of_month = (d - month.astype("datetime64[D]")).astype(np.int64)
    target = month + np.asarray(months).astype("timedelta64[M]")
    month_length = ((target + 1).astype("datetime64[D]") - target.astype("datetime64[D]")).astype(np.int64)
    result = target.astype("datetime64[D]") + np.minimum(day_of_month, month_length - 1)
    return (result - EPOCH).astype(np.int64)


@dataclass
class _Calendar:
    holidays: np.ndarray

    def add_working_days(self, days: np.ndarray, n: np.ndarray | int) -> np.ndarray:
        """The n-th working day after each day (a non-working day counts from the working
        day before it)."""
        d = EPOCH + days.astype("timedelta64[D]")
        out = np.busday_offset(d, n, roll="backward", holidays=self.holidays)
        return (out - EPOCH).astype(np.int64)

    def working_days_between(self, start: np.ndarray, end: np.ndarray) -> np.ndarray:
        """Working days after ``start`` up to and including ``end``."""
        a = EPOCH + (start + 1).astype("timedelta64[D]")
        b = EPOCH + (end + 1).astype("timedelta64[D]")
        return np.busday_count(a, b, holidays=self.holidays).astype(np.int64)


def _calendar() -> _Calendar:
    text = resources.files("lineofsight.indicators.compute").joinpath(BANK_HOLIDAYS).read_text()
    days = [line.split(",")[0] for line in text.splitlines()[1:] if line]
    return _Calendar(np.array(days, dtype="datetime64[D]"))


# --- output helpers --------------------------------------------------------------------


def _dates(days: np.ndarray, iso: bool = False) -> np.ndarray:
    """Day numbers as dd/mm/yyyy (or yyyy-mm-dd) text; missing days as empty text."""
    days = np.asarray(days, dtype=np.int64)
    # Few distinct days and many rows: format each distinct day once.
    unique, inverse = np.unique(days, return_inverse=True)
    missing = unique == NaT
    text = np.datetime_as_string(EPOCH + np.where(missing, 0, unique).astype("timedelta64[D]"), unit="D")
    if not iso:
        text = np.array([f"{t[8:10]}/{t[5:7]}/{t[:4]}" for t in text.tolist()], dtype="U10")
    text = np.where(missing, "", text)
    return text[inverse.reshape(-1)]


@dataclass
class _Table:
    columns: dict[str, np.ndarray]

    def __len__(self) -> int:
        return len(next(iter(self.columns.values())))


def _write_csv(path: Path, columns: tuple[str, ...], table: _Table | None) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(",".join(columns) + "\n")
        if table is None or len(table) == 0:
            return
        n = len(table)
        cols = [table.columns.get(c, np.full(n, "", dtype="U1")).astype(str).tolist() for c in columns]
        out.write("\n".join(",".join(row) for row in zip(*cols, strict=True)))
        out.write("\n")


def _xml_row(cells: tuple[str, ...]) -> str:
    return "<row>" + "".join(cells) + "</row>\n"


def _write_903_xml(path: Path, tables: dict[str, _Table]) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<SSDA903>\n')
        for name, spec in SSDA903_TABLES.items():
            table = tables.get(name)
            out.write(f"<{name}>\n")
            if table is not None and len(table):
                n = len(table)
                # Tag each column as a whole, then join across: far fewer Python steps
                # than formatting row by row.
                tagged = []
                for c in spec.columns:
                    values = table.columns.get(c, np.full(n, "", dtype="U1")).astype(str)
                    tagged.append([f"<{c}>{v}</{c}>" if v else "" for v in values.tolist()])
                out.write("".join(map(_xml_row, zip(*tagged, strict=True))))
            out.write(f"</{name}>\n")
        out.write("</SSDA903>\n")


# --- the generator ---------------------------------------------------------------------


class _Builder:
    def __init__(self, options: SynthOptions) -> None:
        self.o = options
        self.rng = np.random.default_rng(options.seed)
        period = parse_period(options.period)
        self.S = _day(period.start)
        self.E = _day(period.end)
        self.window_start = _day(period.window_start)
        self.cal = _calendar()
        self.episodes: list[dict[str, np.ndarray]] = []
        self.expected: dict[str, dict[str, float | int | None]] = {}

    def uniform_int(self, low: np.ndarray | int, high: np.ndarray | int) -> np.ndarray:
        """Random day numbers between low and high inclusive (elementwise)."""
        lo = np.asarray(low, dtype=np.int64)
        hi = np.maximum(np.asarray(high, dtype=np.int64), lo)
        size = max(lo.size, hi.size)
        return lo + np.floor(self.rng.random(size) * (hi - lo + 1)).astype(np.int64)

    def choice(self, options: list[str], size: int, p: list[float] | None = None) -> np.ndarray:
        return self.rng.choice(np.array(options), size=size, p=p)

    def scatter(
        self,
        who: np.ndarray,
        counts: np.ndarray,
        low: np.ndarray,
        high: np.ndarray,
        codes: list[str],
        p: list[float] | None = None,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``counts[i]`` episodes for child ``who[i]``, starting between ``low[i]`` and
        ``high[i]``, each with an RNE drawn from ``codes``."""
        counts = np.where(high >= low, counts, 0)
        child = np.repeat(who, counts)
        starts = self.uniform_int(np.repeat(low, counts), np.repeat(high, counts))
        return child, starts, self.choice(codes, len(child), p)


def _chain(
    child: np.ndarray,
    starts: np.ndarray,
    rne: np.ndarray,
    ls: np.ndarray,
    place: np.ndarray,
    final_rec: np.ndarray | None,
    child_end: np.ndarray | None,
) -> dict[str, np.ndarray]:
    """Sort episodes by child and start, drop same-day duplicates, and close each one on
    the next one's start (REC X1); the last closes on ``child_end`` (NaT = still open)."""
    order = np.lexsort((starts, child))
    child, starts, rne, ls, place = (a[order] for a in (child, starts, rne, ls, place))
    keep = np.ones(len(child), dtype=bool)
    keep[1:] = ~((child[1:] == child[:-1]) & (starts[1:] == starts[:-1]))
    child, starts, rne, ls, place = (a[keep] for a in (child, starts, rne, ls, place))
    is_last = np.ones(len(child), dtype=bool)
    is_last[:-1] = child[1:] != child[:-1]
    dec = np.empty(len(child), dtype=np.int64)
    dec[:-1] = starts[1:]
    rec = np.full(len(child), "X1", dtype="U3")
    if child_end is not None:
        dec[is_last] = child_end
        rec[is_last] = final_rec if final_rec is not None else ""
        rec[is_last & (dec == NaT)] = ""
    return {"CHILD": child, "DECOM": starts, "RNE": rne, "LS": ls, "PLACE": place, "DEC": dec, "REC": rec}


def generate(options: SynthOptions, out_dir: Path | str) -> dict[str, dict]:
    """Write a synthetic return set into ``out_dir``; return (and write) the expected
    indicator values. Same options and seed, same files."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    b = _Builder(options)
    rng, S, E, cal = b.rng, b.S, b.E, b.cal
    n = options.children
    n_cla = int(n * 0.55)
    n_left = int(n * 0.22)
    n_adopted = int(n * 0.10)
    ids = np.char.mod("C%07d", np.arange(1, n + 1))
    cla = np.arange(0, n_cla)
    left = np.arange(n_cla, n_cla + n_left)
    adopted = np.arange(n_cla + n_left, n_cla + n_left + n_adopted)
    leaver = np.arange(n_cla + n_left + n_adopted, n)
    dob = np.full(n, NaT, dtype=np.int64)
    year = 365

    placements = ["U1", "U3", "U4", "U6", "K2", "H5", "R1", "P1"]
    moves = ["P", "B", "T", "U"]

    # Children in care at the period end ----------------------------------------------
    age = b.uniform_int(np.full(len(cla), 60), 18 * year - 30)
    dob[cla] = E - age
    recent = rng.random(len(cla)) < 0.06
    ps = np.where(
        recent,
        E - b.uniform_int(np.zeros(len(cla)), 18),
        b.uniform_int(np.maximum(dob[cla] + 1, E - 8 * year), E - 40),
    )
    parts_child, parts_start, parts_rne = [cla], [ps], [np.full(len(cla), "S")]
    # Moves over the years before this one (about one every eight months, so histories
    # run to many episodes, as real ones do); 0-1 moves in the year, or 2-3 for the
    # children picked as unstable; legal-status-only changes (RNE L) at any time.
    years_before = np.maximum(S - ps, 0) / year
    before = rng.poisson(years_before * 3.0)
    unstable = rng.random(len(cla)) < options.unstable_rate
    in_year = np.where(unstable, rng.integers(2, 4, len(cla)), rng.choice([0, 0, 1], len(cla)))
    legal = rng.poisson(0.5 + (E - ps) / year * 0.8)
    move_p = [0.6, 0.2, 0.1, 0.1]
    for who, starts, rne in (
        b.scatter(cla, before, ps + 1, np.full(len(cla), S - 1), moves, move_p),
        b.scatter(cla, in_year, np.maximum(ps, S) + 1, np.full(len(cla), E), moves, move_p),
        b.scatter(cla, legal, ps + 1, np.full(len(cla), E), ["L"]),
    ):
        parts_child.append(who)
        parts_start.append(starts)
        parts_rne.append(rne)
    child_all = np.concatenate(parts_child)
    starts_all = np.concatenate(parts_start)
    rne_all = np.concatenate(parts_rne)
    m = len(child_all)
    current = _chain(
        child_all, starts_all, rne_all, b.choice(["C1", "C2"], m), b.choice(placements, m), None, np.full(len(cla), NaT)
    )
    b.episodes.append(current)

    # An earlier period of care for some of them.
    has_prev = (rng.random(len(cla)) < 0.2) & (ps - dob[cla] > 400)
    pc = cla[has_prev]
    prev_start = b.uniform_int(dob[pc] + 1, ps[has_prev] - 200)
    prev_end = b.uniform_int(prev_start + 30, ps[has_prev] - 30)
    second = rng.random(len(pc)) < 0.5
    prev_child = np.concatenate([pc, pc[second]])
    prev_starts = np.concatenate([prev_start, ((prev_start + prev_end) // 2)[second]])
    prev_rne = np.concatenate([np.full(len(pc), "S"), np.full(int(second.sum()), "P")])
    k = len(prev_child)
    b.episodes.append(
        _chain(
            prev_child,
            prev_starts,
            prev_rne,
            b.choice(["V2", "C2"], k),
            b.choice(placements, k),
            b.choice(["E13", "E4A", "E41"], len(pc)),
            prev_end,
        )
    )

    # Reviews of the current period of care, due 20 working days / 3 months / 6 months on.
    due = cal.add_working_days(ps, 20)
    first_due = due.copy()
    late_flag = rng.random(len(cla)) < options.late_review_rate
    made_late = np.zeros(len(cla), dtype=bool)
    last = np.full(len(cla), NaT, dtype=np.int64)
    held_count = np.zeros(len(cla), dtype=np.int64)
    review_child, review_day = [], []
    active = due <= E
    while active.any():
        idx = np.flatnonzero(active)
        lower = np.where(held_count[idx] == 0, ps[idx], last[idx] + 1)
        make_late = late_flag[idx] & ~made_late[idx] & (due[idx] >= S)
        on_time = due[idx] - b.uniform_int(np.zeros(len(idx)), np.minimum(60, due[idx] - lower))
        late = due[idx] + b.uniform_int(np.ones(len(idx)), 40)
        day = np.where(make_late, late, on_time)
        made_late[idx] |= make_late
        held = day <= E
        review_child.append(cla[idx[held]])
        review_day.append(day[held])
        held_idx = idx[held]
        last[held_idx] = day[held]
        held_count[held_idx] += 1
        due[held_idx] = np.where(held_count[held_idx] == 1, add_months(day[held], 3), add_months(day[held], 6))
        active[idx[~held]] = False
        active[held_idx] = due[held_idx] <= E
    r_child = np.concatenate(review_child) if review_child else np.empty(0, np.int64)
    r_day = np.concatenate(review_day) if review_day else np.empty(0, np.int64)
    order = np.lexsort((r_day, r_child))
    r_child, r_day = r_child[order], r_day[order]
    reviews = _Table(
        {
            "CHILD": ids[r_child],
            "DOB": _dates(dob[r_child]),
            "REVIEW": _dates(r_day),
            "REVIEW_CODE": np.full(len(r_child), "PN1"),
        }
    )
    ni66_cohort = first_due <= E
    ni66_ok = ni66_cohort & ~made_late
    b.expected["NI66"] = _pct(cla[ni66_ok], int(ni66_cohort.sum()))

    # Missing episodes.
    goes_missing = rng.random(len(cla)) < options.missing_rate
    times = np.where(goes_missing, rng.integers(1, 5, len(cla)), 0)
    mis_child = np.repeat(cla, times)
    mis_ps = np.repeat(ps, times)
    mis_start = b.uniform_int(np.maximum(mis_ps, S - year), np.full(len(mis_child), E))
    mis_end = mis_start + rng.integers(0, 6, len(mis_child))
    mis_end = np.where(mis_end > E, NaT, mis_end)
    kind = b.choice(["M", "A"], len(mis_child), [0.8, 0.2])
    missing = _Table(
        {
            "CHILD": ids[mis_child],
            "DOB": _dates(dob[mis_child]),
            "MISSING": kind,
            "MIS_START": _dates(mis_start),
            "MIS_END": _dates(mis_end),
        }
    )
    counted = (kind == "M") & (mis_start >= S) & (mis_start <= E)
    pairs = np.unique(np.stack([mis_child[counted], mis_start[counted]]), axis=1)
    went = np.unique(mis_child[counted])
    b.expected["CLA39"] = _count(len(went))
    b.expected["CLA40"] = _count(pairs.shape[1])

    # Children who left care (not adopted) -------------------------------------------
    leave_day = b.uniform_int(np.full(len(left), E - 5 * year), E - 1)
    left_start = leave_day - rng.integers(30, 1500, len(left))
    dob[left] = left_start - rng.integers(100, 15 * year, len(left))
    moved = rng.poisson((leave_day - left_start) / year * 3.0 + 0.5)
    mc, ms, mr = b.scatter(left, moved, left_start + 1, leave_day - 1, [*moves, "L"])
    lc, ls_, lr = [left, mc], [left_start, ms], [np.full(len(left), "S"), mr]
    k = len(left) + len(mc)
    b.episodes.append(
        _chain(
            np.concatenate(lc),
            np.concatenate(ls_),
            np.concatenate(lr),
            b.choice(["C2", "V2", "J2"], k),
            b.choice(placements, k),
            b.choice(["E13", "E4A", "E41", "E45", "E8"], len(left)),
            leave_day,
        )
    )

    # Children adopted ------------------------------------------------------------------
    na = len(adopted)
    before_window = rng.random(na) < 0.1
    adopted_on = np.where(
        before_window,
        b.uniform_int(np.full(na, b.window_start - 2 * year), b.window_start - 1),
        b.uniform_int(np.full(na, b.window_start), E),
    )
    placed_on = adopted_on - rng.integers(70, 400, na)
    a1_days = rng.integers(120, 900, na)
    entered = placed_on - a1_days
    foster_move = entered + np.maximum(1, (a1_days * rng.uniform(0.05, 0.3, na)).astype(np.int64))
    authority = entered + (a1_days * rng.uniform(0.35, 0.8, na)).astype(np.int64)
    matched = authority + b.uniform_int(np.full(na, -30), np.maximum(1, placed_on - authority - 1))
    by_foster = rng.random(na) < options.foster_carer_adoption_rate
    dob[adopted] = entered - rng.integers(0, 5 * year, na)
    # Moves before the child reaches the carer who may adopt, and changes of legal status
    # (interim orders) before the placement order; neither changes that carer.
    mc, ms, mr = b.scatter(adopted, rng.poisson(1.5, na), entered + 1, foster_move - 1, moves)
    gc, gs, gr = b.scatter(adopted, rng.poisson(1.0, na), foster_move + 1, authority - 1, ["L"])
    ad_child = np.concatenate([adopted] * 4 + [mc, gc])
    ad_start = np.concatenate([entered, foster_move, authority, placed_on, ms, gs])
    ad_rne = np.concatenate(
        [np.full(na, "S"), np.full(na, "P"), np.full(na, "L"), np.where(by_foster, "T", "P"), mr, gr]
    )
    ad_ls = np.concatenate(
        [
            np.full(na, "C2"),
            np.full(na, "C2"),
            np.full(na, "E1"),
            np.full(na, "E1"),
            np.full(len(mc), "C2"),
            np.full(len(gc), "C1"),
        ]
    )
    ad_place = np.concatenate(
        [
            np.full(na, "U1"),
            np.full(na, "U3"),
            np.full(na, "U3"),
            b.choice(["A3", "A4", "A5", "A6"], na),
            b.choice(placements, len(mc)),
            np.full(len(gc), "U3"),
        ]
    )
    b.episodes.append(_chain(ad_child, ad_start, ad_rne, ad_ls, ad_place, b.choice(["E11", "E12"], na), adopted_on))
    ad1 = _Table(
        {
            "CHILD": ids[adopted],
            "DOB": _dates(dob[adopted]),
            "DATE_INT": _dates(entered + (authority - entered) // 2),
            "DATE_MATCH": _dates(matched),
            "FOSTER_CARE": np.where(by_foster, "1", "0"),
            "NB_ADOPTR": b.choice(["1", "2"], na),
            "SEX_ADOPTR": b.choice(["MF", "MM", "FF", "M1", "F1"], na),
            "LS_ADOPTR": b.choice(["L0", "L11", "L12"], na),
        }
    )
    placed_for_adoption = _Table(
        {
            "CHILD": ids[adopted],
            "DOB": _dates(dob[adopted]),
            "DATE_PLACED": _dates(placed_on),
            "DATE_PLACED_CEASED": _dates(adopted_on),
            "REASON_PLACED_CEASED": np.full(na, "E11"),
        }
    )
    in_window = ~before_window
    a1 = placed_on - entered
    a10 = np.where(by_foster, foster_move - entered, a1)
    a2 = np.maximum(matched - authority, 0)
    for code, days in (("A1", a1), ("A10", a10), ("A2", a2)):
        b.expected[code] = _avg(int(days[in_window].sum()), int(in_window.sum()))

    # Care leavers -------------------------------------------------------------------
    nl = len(leaver)
    age_band = np.where(rng.random(nl) < 0.08, 22, rng.integers(19, 22, nl))
    birthday = b.uniform_int(np.full(nl, S + 1), E - 1)
    dob[leaver] = add_months(birthday, -12 * age_band)
    eighteen = add_months(dob[leaver], 12 * 18)
    entered_care = eighteen - rng.integers(200, 4 * year, nl)
    mc, ms, mr = b.scatter(
        leaver, rng.poisson((eighteen - entered_care) / year * 3.0), entered_care + 1, eighteen - 1, [*moves, "L"]
    )
    k = nl + len(mc)
    b.episodes.append(
        _chain(
            np.concatenate([leaver, mc]),
            np.concatenate([entered_care, ms]),
            np.concatenate([np.full(nl, "S"), mr]),
            b.choice(["C2", "V2"], k),
            b.choice(placements, k),
            np.full(nl, "E8"),
            eighteen,
        )
    )
    died = rng.random(nl) < 0.01
    in_touch = np.where(
        died,
        "DIED",
        np.where(rng.random(nl) < options.in_touch_rate, "YES", b.choice(["NO", "REFU", "NREQ", "RHOM"], nl)),
    )
    eet = ~died & (rng.random(nl) < options.eet_rate)
    activ = np.where(
        eet,
        b.choice(["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"], nl),
        np.where(died, "0", b.choice(["G4", "G5", "G6", "0"], nl)),
    )
    suitable = ~died & (rng.random(nl) < options.suitable_accommodation_rate)
    letters = b.choice(list("BCDEGHKRSTUVWXYZ"), nl)
    accom = np.where(
        suitable, np.char.add(letters, "1"), np.where(died | (rng.random(nl) < 0.1), "0", np.char.add(letters, "2"))
    )
    oc3 = _Table(
        {"CHILD": ids[leaver], "DOB": _dates(dob[leaver]), "IN_TOUCH": in_touch, "ACTIV": activ, "ACCOM": accom}
    )
    in_cohort = np.zeros(nl, dtype=bool)
    for years in (19, 20, 21):
        day = add_months(dob[leaver], 12 * years)
        in_cohort |= (day >= S) & (day <= E)
    in_cohort &= ~died
    b.expected["CLA48"] = _pct(leaver[in_cohort & (in_touch == "YES")], int(in_cohort.sum()))
    b.expected["NI148"] = _pct(leaver[in_cohort & eet], int(in_cohort.sum()))
    b.expected["NI147"] = _pct(leaver[in_cohort & suitable], int(in_cohort.sum()))

    # All episodes: header and stability expectations ----------------------------------
    ep = {key: np.concatenate([e[key] for e in b.episodes]) for key in b.episodes[0]}
    order = np.lexsort((ep["DECOM"], ep["CHILD"]))
    ep = {key: value[order] for key, value in ep.items()}
    _expect_stability(b, ep, dob)
    sex = b.choice(["1", "2"], n)
    header = _Table(
        {
            "CHILD": ids,
            "SEX": sex,
            "DOB": _dates(dob),
            "ETHNIC": b.choice(["WBRI", "WOTH", "MWBC", "AIND", "BAFR", "OOTH"], n),
            "UPN": np.full(n, ""),
            "MOTHER": np.full(n, ""),
            "MC_DOB": np.full(n, ""),
        }
    )
    ne = len(ep["CHILD"])
    episodes = _Table(
        {
            "CHILD": ids[ep["CHILD"]],
            "DECOM": _dates(ep["DECOM"]),
            "RNE": ep["RNE"],
            "LS": ep["LS"],
            "CIN": b.choice(["N1", "N2", "N3", "N4", "N8"], ne),
            "PLACE": ep["PLACE"],
            "PLACE_PROVIDER": b.choice(["PR1", "PR2", "PR4"], ne),
            "DEC": _dates(ep["DEC"]),
            "REC": ep["REC"],
            "REASON_PLACE_CHANGE": np.full(ne, ""),
            "HOME_POST": np.full(ne, ""),
            "PL_POST": np.full(ne, ""),
            "URN": np.full(ne, ""),
        }
    )
    tables = {
        "header": header,
        "episodes": episodes,
        "reviews": reviews,
        "oc3": oc3,
        "ad1": ad1,
        "placed_for_adoption": placed_for_adoption,
        "missing": missing,
    }
    for name, spec in SSDA903_TABLES.items():
        _write_csv(out / f"{name}.csv", spec.columns, tables.get(name))
    if options.xml:
        _write_903_xml(out / "ssda903.xml", tables)

    _generate_cin(b, out, ids)

    summary = {"options": asdict(options), "expected": b.expected}
    (out / "expected.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return b.expected


def _pct(counted: np.ndarray, denominator: int) -> dict[str, float | int | None]:
    """A percentage from the items counted in the numerator and the denominator."""
    numerator = len(counted)
    return {
        "numerator": numerator,
        "denominator": denominator,
        "value": None if denominator == 0 else 100.0 * numerator / denominator,
    }


def _avg(total: int, count: int) -> dict[str, float | int | None]:
    return {"numerator": total, "denominator": count, "value": None if count == 0 else total / count}


def _count(count: int) -> dict[str, float | int | None]:
    return {"numerator": count, "denominator": None, "value": float(count)}


def _expect_stability(b: _Builder, ep: dict[str, np.ndarray], dob: np.ndarray) -> None:
    """NI62 and NI63 worked out from the episode arrays (sorted by child, start)."""
    S, E = b.S, b.E
    child, decom, dec, rne = ep["CHILD"], ep["DECOM"], ep["DEC"], ep["RNE"]
    n = len(dob)
    counts = np.zeros(n, dtype=np.int64)
    new_placement = np.isin(rne, ["S", "P", "B", "T", "U"]) & (decom >= S) & (decom <= E)
    np.add.at(counts, child[new_placement], 1)
    ongoing = (decom < S) & ((dec == NaT) | (dec > S))
    had = np.zeros(n, dtype=bool)
    had[child[ongoing]] = True
    counts += had
    at_end = np.zeros(n, dtype=bool)
    open_at_end = (decom <= E) & ((dec == NaT) | (dec > E))
    at_end[child[open_at_end]] = True
    cohort = np.flatnonzero(at_end)
    unstable = cohort[counts[cohort] >= 3]
    b.expected["NI62"] = _pct(unstable, len(cohort))

    # Latest S and latest S/P/B at or before the open episode, per child in care.
    period_start = np.full(n, NaT, dtype=np.int64)
    carer_start = np.full(n, NaT, dtype=np.int64)
    upto = decom <= E
    # Episodes are sorted by start within child, so the last write wins = the latest.
    sel = upto & (rne == "S")
    period_start[child[sel]] = decom[sel]
    sel = upto & np.isin(rne, ["S", "P", "B"])
    carer_start[child[sel]] = decom[sel]
    under16 = add_months(dob[cohort], 12 * 16) > E
    long_term = add_months(period_start[cohort], 30) <= E
    stab_cohort = cohort[under16 & long_term]
    stable = stab_cohort[add_months(carer_start[stab_cohort], 24) <= E]
    b.expected["NI63"] = _pct(stable, len(stab_cohort))


def _generate_cin(b: _Builder, out: Path, ids: np.ndarray) -> None:
    """A CIN census for about 60% as many children as the 903, with known answers."""
    o, rng, S, E, cal = b.o, b.rng, b.S, b.E, b.cal
    n = max(1, int(o.children * 0.6))
    year = 365
    referrals = rng.choice([1, 2, 3], n, p=[0.6, 0.3, 0.1])
    child = np.repeat(np.arange(n), referrals)
    position = np.arange(len(child)) - np.repeat(np.cumsum(referrals) - referrals, referrals)
    first = b.uniform_int(np.full(n, S - 2 * year), E)
    gap = np.where(
        rng.random(len(child)) < o.rereferral_rate,
        rng.integers(20, 330, len(child)),
        rng.integers(380, 700, len(child)),
    )
    gap[position == 0] = 0
    # Each referral follows the one before by its gap.
    referred = np.repeat(first, referrals) + _cumsum_within(gap, referrals)
    keep = referred <= E
    child, referred = child[keep], referred[keep]
    nr = len(child)
    nfa = rng.random(nr) < 0.1
    # Assessments: authorised a chosen number of working days after the referral.
    late = rng.random(nr) < o.late_assessment_rate
    wd = np.where(late, rng.integers(46, 81, nr), rng.integers(5, 46, nr))
    authorised = cal.add_working_days(referred, wd)
    has_assessment = ~nfa
    assess_start = referred + rng.integers(0, 6, nr)
    authorised = np.where(authorised > E, NaT, authorised)
    assess_start = np.where(assess_start > E, referred, assess_start)
    counted = has_assessment & (authorised != NaT) & (authorised >= S) & (authorised <= E)
    on_time = counted & (cal.working_days_between(referred, np.where(authorised == NaT, referred, authorised)) <= 45)
    b.expected["CIN-A45"] = _pct(np.flatnonzero(on_time), int(counted.sum()))
    # Section 47 enquiries and initial conferences.
    s47 = ~nfa & (rng.random(nr) < 0.3)
    s47_start = referred + rng.integers(0, 11, nr)
    s47 &= s47_start <= E
    conference = s47 & (rng.random(nr) < 0.75)
    icpc_wd = np.where(rng.random(nr) < o.late_icpc_rate, rng.integers(16, 36, nr), rng.integers(3, 16, nr))
    held = cal.add_working_days(s47_start, icpc_wd)
    before = conference & (rng.random(nr) < 0.03)
    held = np.where(before, s47_start - rng.integers(1, 11, nr), held)
    held = np.where(conference & (held <= E), held, NaT)
    target = cal.add_working_days(s47_start, 15)
    counted = (held != NaT) & (held >= S) & (held <= E) & (held >= s47_start)
    within = counted & (cal.working_days_between(s47_start, np.where(held == NaT, s47_start, held)) <= 15)
    b.expected["CIN-ICPC15"] = _pct(np.flatnonzero(within), int(counted.sum()))
    # Plans follow most conferences.
    plan = (held != NaT) & (rng.random(nr) < 0.85)
    plan_start = np.where(plan, held, NaT)
    plan_end = plan_start + rng.integers(90, 700, nr)
    plan_end = np.where(plan & (plan_end <= E), plan_end, NaT)
    # Expected re-referrals and repeat plans, from the sorted arrays.
    previous_same = np.zeros(nr, dtype=bool)
    previous_same[1:] = child[1:] == child[:-1]
    prev_ref = np.full(nr, NaT, dtype=np.int64)
    prev_ref[1:] = np.where(previous_same[1:], referred[:-1], NaT)
    in_year = (referred >= S) & (referred <= E)
    repeat = in_year & (prev_ref != NaT) & (prev_ref >= add_months(referred, -12))
    b.expected["CIN-RR"] = _pct(np.flatnonzero(repeat), int(in_year.sum()))
    # A plan is a repeat if the child had a plan starting earlier (same-day plans are one).
    has_plan = plan_start != NaT
    pairs = np.unique(np.stack([child[has_plan], plan_start[has_plan]]), axis=1)
    earlier = np.zeros(pairs.shape[1], dtype=bool)
    earlier[1:] = pairs[0, 1:] == pairs[0, :-1]
    counted = (pairs[1] >= S) & (pairs[1] <= E)
    b.expected["CP-REPEAT"] = _pct(np.flatnonzero(counted & earlier), int(counted.sum()))
    closure = referred + rng.integers(30, 400, nr)
    closure = np.where(closure <= E, closure, NaT)

    cin_dob = b.uniform_int(np.full(n, E - 17 * year), E - 30)
    _write_cin_xml(
        out / "cin_census.xml",
        ids[:n] if n <= len(ids) else np.char.mod("C%07d", np.arange(1, n + 1)),
        cin_dob,
        {
            "child": child,
            "referred": referred,
            "nfa": nfa,
            "closure": closure,
            "assess_start": np.where(has_assessment, assess_start, NaT),
            "authorised": np.where(has_assessment, authorised, NaT),
            "has_assessment": has_assessment,
            "s47": s47,
            "s47_start": s47_start,
            "target": target,
            "held": held,
            "conference": conference,
            "plan": plan,
            "plan_start": plan_start,
            "plan_end": plan_end,
            "need": b.choice([f"N{i}" for i in range(1, 10)], nr),
            "source": b.choice(["1A", "1B", "2A", "3A", "5A", "10"], nr),
        },
    )


def _cumsum_within(values: np.ndarray, group_sizes: np.ndarray) -> np.ndarray:
    """Running total of ``values`` restarting at each group (groups are consecutive)."""
    total = np.cumsum(values)
    group_sizes = np.asarray(group_sizes)
    starts = np.cumsum(group_sizes) - group_sizes
    offsets = np.where(starts > 0, total[np.maximum(starts - 1, 0)], 0)
    offsets[group_sizes == 0] = 0
    return total - np.repeat(offsets, group_sizes)


def _write_cin_xml(path: Path, ids: np.ndarray, dob: np.ndarray, r: dict[str, np.ndarray]) -> None:
    iso = {
        key: _dates(r[key], iso=True).tolist()
        for key in (
            "referred",
            "closure",
            "assess_start",
            "authorised",
            "s47_start",
            "target",
            "held",
            "plan_start",
            "plan_end",
        )
    }
    flags = {key: r[key].tolist() for key in ("nfa", "has_assessment", "s47", "conference", "plan")}
    need, source = r["need"].tolist(), r["source"].tolist()
    child = r["child"].tolist()
    dob_text = _dates(dob, iso=True).tolist()
    id_list = ids.tolist()

    def tag(name: str, value: str) -> str:
        return f"<{name}>{value}</{name}>" if value else ""

    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<Message>\n<Header><Collection>'
            "CIN</Collection></Header>\n<Children>\n"
        )
        i = 0
        for c in range(len(id_list)):
            parts = [
                f"<Child><ChildIdentifiers><LAchildID>{id_list[c]}</LAchildID>"
                f"<PersonBirthDate>{dob_text[c]}</PersonBirthDate></ChildIdentifiers>\n"
            ]
            while i < len(child) and child[i] == c:
                parts.append(
                    "<CINdetails>"
                    + tag("CINreferralDate", iso["referred"][i])
                    + tag("ReferralSource", source[i])
                    + tag("PrimaryNeedCode", need[i])
                    + tag("CINclosureDate", iso["closure"][i])
                    + tag("ReasonForClosure", "RC1" if iso["closure"][i] else "")
                    + tag("ReferralNFA", "1" if flags["nfa"][i] else "0")
                )
                # Each optional part of the referral: whether it is there, and its dates.
                optional = (
                    (
                        flags["has_assessment"][i],
                        "Assessments",
                        (
                            ("AssessmentActualStartDate", iso["assess_start"][i]),
                            ("AssessmentAuthorisationDate", iso["authorised"][i]),
                        ),
                    ),
                    (
                        flags["s47"][i],
                        "Section47",
                        (
                            ("S47ActualStartDate", iso["s47_start"][i]),
                            ("InitialCPCtarget", iso["target"][i]),
                            ("DateOfInitialCPC", iso["held"][i]),
                            ("ICPCnotRequired", "false" if flags["conference"][i] else "true"),
                        ),
                    ),
                    (
                        iso["plan_start"][i],
                        "ChildProtectionPlans",
                        (("CPPstartDate", iso["plan_start"][i]), ("CPPendDate", iso["plan_end"][i])),
                    ),
                )
                for present, name, fields in optional:
                    if present:
                        parts.append(f"<{name}>{''.join(tag(t, v) for t, v in fields)}</{name}>")
                parts.append("</CINdetails>\n")
                i += 1
            parts.append("</Child>\n")
            out.write("".join(parts))
        out.write("</Children>\n</Message>\n")
