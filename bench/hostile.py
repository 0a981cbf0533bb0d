"""Hostile uploads: processing time, wall time and peak memory of each bounded import.

Run: .venv/bin/python bench/hostile.py [--only ID-FRAGMENT ...]
Every file of the hostile corpus (src/lineofsight/importing/tests/hostile.py) goes through
``sandbox.run_import`` with the default budget, as an upload does. Prints one line per file
and the medians; asserts nothing (the limits are asserted by test_hostile_corpus.py).
"""

from __future__ import annotations

import argparse
import statistics

from lineofsight.importing.sandbox import run_import
from lineofsight.importing.tests import hostile

MB = 1024 * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", nargs="*", default=[], help="run only cases whose id contains one of these")
    args = parser.parse_args()
    cpu, wall, peak = [], [], []
    print(f"{'case':48} {'size':>9} {'cpu s':>6} {'wall s':>6} {'peak MB':>7}  outcome")
    for case in hostile.CASES:
        if args.only and not any(part in case.id for part in args.only):
            continue
        data = case.make()
        run = run_import(data, case.filename)
        outcome = f"imported {run.result.action_count} actions" if run.result else str(run.error)
        print(
            f"{case.id:48} {len(data) / 1024:7.0f}KB {run.cpu_seconds:6.2f} {run.wall_seconds:6.2f} "
            f"{run.peak_rss_bytes / MB:7.0f}  {outcome[:110]}"
        )
        cpu.append(run.cpu_seconds)
        wall.append(run.wall_seconds)
        peak.append(run.peak_rss_bytes / MB)
    if cpu:
        print(
            f"{len(cpu)} files: median cpu {statistics.median(cpu):.2f} s (max {max(cpu):.2f}), "
            f"median wall {statistics.median(wall):.2f} s (max {max(wall):.2f}), "
            f"median peak {statistics.median(peak):.0f} MB (max {max(peak):.0f})"
        )
    if not args.only:
        legitimate()


def legitimate() -> None:
    """What the bounds cost a real plan: the same 500-action plans read directly and bounded."""
    import time

    from lineofsight.importing import read_plan
    from lineofsight.importing.tests.builders import large_docx, large_xlsx

    for name, data in (
        ("generated-500-actions.docx", large_docx(500)),
        ("generated-500-actions.xlsx", large_xlsx(500)),
    ):
        started = time.perf_counter()
        read_plan(data, name)
        direct = time.perf_counter() - started
        run = run_import(data, name)
        print(
            f"{name:48} direct {direct:5.2f} s; bounded {run.wall_seconds:5.2f} s wall, "
            f"{run.cpu_seconds:5.2f} s cpu, {run.peak_rss_bytes / MB:4.0f} MB peak, "
            f"{run.result.action_count if run.result else run.error} actions"
        )


if __name__ == "__main__":
    main()
