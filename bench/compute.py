"""Benchmark: read the statutory returns and compute every indicator at 1k, 10k, 100k children.

    .venv/bin/python bench/compute.py [--sizes 1000 10000 100000] [--repeats 3] [--keep DIR]
                                      [--src DIR]

``--src`` runs the workers against another copy of ``src/`` (to compare before and after
a change on the same machine and data).

For each size it generates synthetic returns (``lineofsight synth``), then, in a fresh
subprocess per run so peak memory is that run's alone, times:

- reading the SSDA903 CSV tables and the CIN census XML into checked, typed tables;
- computing all 15 indicators;
- the same read from the SSDA903 XML form instead of CSV;
- the two XML reads on their own: the SSDA903 XML form, and the CIN census (wall and CPU
  seconds: on a shared machine CPU time is the steadier figure);
- NI66 and A1 in DuckDB (read + compute) against a straightforward pandas version of the
  same two indicators on the same files (the pandas answers are checked against ours).

It prints medians over ``--repeats`` runs: wall time, peak resident memory
(``getrusage(RUSAGE_SELF).ru_maxrss`` of the run's process) and rows read per second.
Target: 100,000 children (about a million episode rows) in under 20 s and 2 GB on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PERIOD = "2025-26"


# --- worker side: one measurement per process --------------------------------------------


def _peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _count_rows(con) -> int:  # type: ignore[no-untyped-def]
    from lineofsight.indicators.compute.tables import CIN_TABLES, SSDA903_TABLES

    total = 0
    for name in [*SSDA903_TABLES, *CIN_TABLES]:
        (count,) = con.execute(f"SELECT count(*) FROM {name}").fetchone()  # noqa: S608
        total += count
    return total


def work_compute(folder: Path, form: str) -> dict[str, float]:
    """Read (CSV or XML form) and compute everything; report times, memory, rows."""
    from lineofsight.indicators.compute import load_returns, parse_period, run_indicators

    source = folder if form == "csv" else folder / "ssda903.xml"
    started = time.perf_counter()
    loaded = load_returns(source, [folder / "cin_census.xml"])
    read_s = time.perf_counter() - started
    read_peak = _peak_mb()
    rows = _count_rows(loaded.con)
    (episodes,) = loaded.con.execute("SELECT count(*) FROM episodes").fetchone() or (0,)
    started = time.perf_counter()
    results = run_indicators(loaded, parse_period(PERIOD))
    compute_s = time.perf_counter() - started
    return {
        "read_s": read_s,
        "compute_s": compute_s,
        "read_peak_mb": read_peak,
        "peak_mb": _peak_mb(),
        "rows": rows,
        "episodes": episodes,
        "indicators": len(results),
    }


def work_xml_read(folder: Path) -> dict[str, float]:
    """Each XML read on its own: the SSDA903 XML form, then the CIN census."""
    from lineofsight.indicators.compute.readers import connect, load_cin, load_ssda903

    con = connect()
    times: dict[str, float] = {}
    for key, read in (
        ("ssda903", lambda: load_ssda903(con, folder / "ssda903.xml")),
        ("cin", lambda: load_cin(con, [folder / "cin_census.xml"])),
    ):
        wall, cpu = time.perf_counter(), time.process_time()
        read()
        times[f"{key}_s"] = time.perf_counter() - wall
        times[f"{key}_cpu_s"] = time.process_time() - cpu
    return {
        **times,
        "peak_mb": _peak_mb(),
        "ssda903_mb": (folder / "ssda903.xml").stat().st_size / 1e6,
        "cin_mb": (folder / "cin_census.xml").stat().st_size / 1e6,
    }


def work_duckdb_pair(folder: Path) -> dict[str, float]:
    """NI66 and A1 the project's way: load the 903 tables, run the two SQL files."""
    from lineofsight.indicators.compute import load_returns, parse_period, run_indicators

    started = time.perf_counter()
    loaded = load_returns(folder)
    results = run_indicators(loaded, parse_period(PERIOD), codes=["NI66", "A1"])
    seconds = time.perf_counter() - started
    values = {r.code: [r.numerator, r.denominator] for r in results}
    return {"seconds": seconds, "peak_mb": _peak_mb(), "values": values}  # type: ignore[dict-item]


def work_pandas_pair(folder: Path) -> dict[str, float]:
    """NI66 and A1 written plainly in pandas, reading the same CSV files."""
    import numpy as np
    import pandas as pd

    from lineofsight.indicators.compute.engine import parse_period
    from lineofsight.indicators.compute.synth import _calendar

    started = time.perf_counter()
    period = parse_period(PERIOD)
    start, end = pd.Timestamp(period.start), pd.Timestamp(period.end)
    window_start = pd.Timestamp(period.window_start)
    dates = {"format": "%d/%m/%Y"}
    ep = pd.read_csv(folder / "episodes.csv", dtype=str, keep_default_na=False)
    for column in ("DECOM", "DEC"):
        ep[column] = pd.to_datetime(ep[column].replace("", None), **dates)
    rv = pd.read_csv(folder / "reviews.csv", dtype=str, keep_default_na=False)
    rv["REVIEW"] = pd.to_datetime(rv["REVIEW"], **dates)
    ad1 = pd.read_csv(folder / "ad1.csv", dtype=str, keep_default_na=False)

    ep = ep.sort_values(["CHILD", "DECOM"], kind="stable")
    ep["period_start"] = ep["DECOM"].where(ep["RNE"] == "S")
    ep["period_start"] = ep.groupby("CHILD")["period_start"].ffill()
    ep["period_start"] = ep["period_start"].fillna(ep.groupby("CHILD")["DECOM"].transform("min"))

    # NI66
    open_at_end = ep[(ep["DECOM"] <= end) & (ep["DEC"].isna() | (ep["DEC"] > end))]
    cohort = open_at_end[["CHILD", "period_start"]].drop_duplicates("CHILD").copy()
    holidays = _calendar().holidays
    cohort["first_due"] = pd.to_datetime(
        np.busday_offset(cohort["period_start"].values.astype("datetime64[D]"), 20, roll="backward", holidays=holidays)
    )
    cohort = cohort[cohort["first_due"] <= end]
    held = rv[["CHILD", "REVIEW"]].drop_duplicates().merge(cohort, on="CHILD")
    held = held[(held["REVIEW"] >= held["period_start"]) & (held["REVIEW"] <= end)]
    held = held.sort_values(["CHILD", "REVIEW"])
    held["k"] = held.groupby("CHILD").cumcount() + 1
    held["previous"] = held.groupby("CHILD")["REVIEW"].shift()
    due = held["first_due"].where(held["k"] == 1, held["previous"] + pd.DateOffset(months=6))
    due = due.where(held["k"] != 2, held["previous"] + pd.DateOffset(months=3))
    late_children = set(held.loc[(held["REVIEW"] > due) & (held["REVIEW"] >= start), "CHILD"])
    last = held.groupby("CHILD").agg(n=("k", "max"), last=("REVIEW", "max"))
    cohort = cohort.merge(last, left_on="CHILD", right_index=True, how="left")
    next_due = cohort["first_due"].where(cohort["n"].isna(), cohort["last"] + pd.DateOffset(months=6))
    next_due = next_due.where(cohort["n"] != 1, cohort["last"] + pd.DateOffset(months=3))
    late = cohort["CHILD"].isin(late_children) | (next_due <= end)
    ni66 = [int((~late).sum()), len(cohort)]

    # A1
    adopted = ep[ep["REC"].isin(["E11", "E12"]) & (ep["DEC"] >= window_start) & (ep["DEC"] <= end)][
        ["CHILD", "period_start"]
    ]
    placed = ep[ep["PLACE"].isin(["A3", "A4", "A5", "A6"])].merge(adopted, on=["CHILD", "period_start"])
    placed = placed.groupby(["CHILD", "period_start"], as_index=False)["DECOM"].min()
    days = (placed["DECOM"] - placed["period_start"]).dt.days
    a1 = [int(days.sum()), len(days)]
    del ad1
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "peak_mb": _peak_mb(), "values": {"NI66": ni66, "A1": a1}}  # type: ignore[dict-item]


def worker(kind: str, folder: Path) -> None:
    if kind in ("csv", "xml"):
        result = work_compute(folder, kind)
    elif kind == "xml-read":
        result = work_xml_read(folder)
    elif kind == "duckdb-pair":
        result = work_duckdb_pair(folder)
    elif kind == "pandas-pair":
        result = work_pandas_pair(folder)
    else:
        raise SystemExit(f"unknown worker {kind}")
    print(json.dumps(result))


# --- orchestrator -----------------------------------------------------------------------


SRC = ROOT / "src"


def run_worker(kind: str, folder: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run(  # noqa: S603 - this script and interpreter, fixed arguments
        [sys.executable, __file__, "--worker", kind, str(folder)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"worker {kind} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def generate(size: int, folder: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    code = (
        "import sys; from pathlib import Path; "
        "from lineofsight.indicators.compute.synth import SynthOptions, generate; "
        f"generate(SynthOptions(children={size}, seed=1), Path(sys.argv[1]))"
    )
    started = time.perf_counter()
    subprocess.run(  # noqa: S603 - this interpreter, code written above
        [sys.executable, "-c", code, str(folder)], check=True, env=env
    )
    return time.perf_counter() - started


def median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="Keep the generated returns in this folder")
    parser.add_argument("--src", type=Path, help="Run the workers against this src/ folder")
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.src:
        global SRC  # one setting for every worker this run starts
        SRC = args.src.resolve()
    if args.worker:
        worker(args.worker[0], Path(args.worker[1]))
        return

    if args.keep:
        run(args, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="los_bench_") as tmp:
            run(args, Path(tmp))


def run(args: argparse.Namespace, base: Path) -> None:
    """Generate, measure and print the tables."""
    print(
        f"lineofsight compute benchmark: {os.cpu_count()} CPUs, median of {args.repeats} "
        f"runs, each in its own process; data in {base}; code in {SRC}\n"
    )
    table = []
    for size in args.sizes:
        folder = base / f"children_{size}"
        gen_s = generate(size, folder)
        csv_runs = [run_worker("csv", folder) for _ in range(args.repeats)]
        xml_runs = [run_worker("xml", folder) for _ in range(args.repeats)]
        xml_reads = [run_worker("xml-read", folder) for _ in range(args.repeats)]
        duck = [run_worker("duckdb-pair", folder) for _ in range(args.repeats)]
        pandas_runs = [run_worker("pandas-pair", folder) for _ in range(args.repeats)]
        agree = all(p["values"] == duck[0]["values"] for p in pandas_runs)
        row = {
            "children": size,
            "episodes": csv_runs[0]["episodes"],
            "rows": csv_runs[0]["rows"],
            "generate_s": gen_s,
            "read_s": median(csv_runs, "read_s"),
            "compute_s": median(csv_runs, "compute_s"),
            "read_peak_mb": median(csv_runs, "read_peak_mb"),
            "peak_mb": median(csv_runs, "peak_mb"),
            "xml_read_s": median(xml_runs, "read_s"),
            "xml_peak_mb": median(xml_runs, "peak_mb"),
            "ssda903_xml_mb": xml_reads[0]["ssda903_mb"],
            "ssda903_xml_s": median(xml_reads, "ssda903_s"),
            "ssda903_xml_cpu_s": median(xml_reads, "ssda903_cpu_s"),
            "cin_xml_mb": xml_reads[0]["cin_mb"],
            "cin_xml_s": median(xml_reads, "cin_s"),
            "cin_xml_cpu_s": median(xml_reads, "cin_cpu_s"),
            "xml_read_peak_mb": median(xml_reads, "peak_mb"),
            "duck_pair_s": median(duck, "seconds"),
            "pandas_pair_s": median(pandas_runs, "seconds"),
            "pandas_peak_mb": median(pandas_runs, "peak_mb"),
            "agree": agree,
        }
        row["total_s"] = row["read_s"] + row["compute_s"]
        row["rows_per_s"] = row["rows"] / row["read_s"]
        table.append(row)
        print(f"  {size:>7,} children done ({row['total_s']:.1f}s read+compute)", flush=True)

    print()
    header = (
        f"{'children':>9} {'episodes':>9} {'rows':>9} | {'read s':>7} {'compute s':>9} "
        f"{'total s':>7} {'read MB':>7} {'peak MB':>7} {'rows/s':>10} | "
        f"{'XML read s':>10} {'XML MB':>7}"
    )
    print(
        "Read (SSDA903 CSV + CIN XML) and compute all 15 indicators; rows/s = rows read "
        "per second of reading;\nXML = the same read with the SSDA903 XML form instead of CSV"
    )
    print(header)
    print("-" * len(header))
    for row in table:
        print(
            f"{row['children']:>9,} {row['episodes']:>9,} {row['rows']:>9,} | "
            f"{row['read_s']:>7.2f} {row['compute_s']:>9.2f} {row['total_s']:>7.2f} "
            f"{row['read_peak_mb']:>7.0f} {row['peak_mb']:>7.0f} {row['rows_per_s']:>10,.0f} | "
            f"{row['xml_read_s']:>10.2f} {row['xml_peak_mb']:>7.0f}"
        )
    print()
    header = (
        f"{'children':>9} | {'903 XML MB':>10} {'read s':>7} {'CPU s':>6} | "
        f"{'CIN XML MB':>10} {'read s':>7} {'CPU s':>6} | {'peak MB':>7}"
    )
    print("XML reads on their own (parse, check and type into DuckDB): the SSDA903 XML form, then the CIN census")
    print(header)
    print("-" * len(header))
    for row in table:
        print(
            f"{row['children']:>9,} | {row['ssda903_xml_mb']:>10.1f} "
            f"{row['ssda903_xml_s']:>7.2f} {row['ssda903_xml_cpu_s']:>6.2f} | "
            f"{row['cin_xml_mb']:>10.1f} {row['cin_xml_s']:>7.2f} {row['cin_xml_cpu_s']:>6.2f} | "
            f"{row['xml_read_peak_mb']:>7.0f}"
        )
    print()
    header = (
        f"{'children':>9} | {'DuckDB s':>8} {'pandas s':>8} {'pandas/DuckDB':>13} {'pandas MB':>9} {'same answers':>12}"
    )
    print("NI66 + A1, read + compute: DuckDB SQL files against plain pandas")
    print(header)
    print("-" * len(header))
    for row in table:
        print(
            f"{row['children']:>9,} | {row['duck_pair_s']:>8.2f} {row['pandas_pair_s']:>8.2f} "
            f"{row['pandas_pair_s'] / row['duck_pair_s']:>13.1f} "
            f"{row['pandas_peak_mb']:>9.0f} {'yes' if row['agree'] else 'NO':>12}"
        )
    print()
    if len(table) > 1:
        first, last = table[0], table[-1]
        print(
            f"Scaling {first['children']:,} -> {last['children']:,} children: read + compute "
            f"time grew {last['total_s'] / first['total_s']:.1f}x for "
            f"{last['children'] // first['children']}x the data (linear would be "
            f"{last['children'] // first['children']}x; fixed start-up costs weigh on small "
            "sizes)."
        )
    biggest = table[-1]
    if biggest["children"] >= 100_000:
        verdict = "meets" if biggest["total_s"] < 20 and biggest["peak_mb"] < 2048 else "MISSES"
        print(
            f"Target (100,000 children < 20 s, < 2 GB): {biggest['children']:,} children "
            f"took {biggest['total_s']:.1f} s and {biggest['peak_mb']:.0f} MB: {verdict}."
        )
    print("\nJSON: " + json.dumps(table))


if __name__ == "__main__":
    main()
