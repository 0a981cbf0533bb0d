"""Import speed: median time per document and actions per second.

Run: .venv/bin/python bench/import.py [--runs N]
Reads each seed in ../shared/seeds (when present) and a generated 500-action .docx and
.xlsx plan. Prints figures; asserts nothing (tests are never timing-based).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from lineofsight.importing import read_plan
from lineofsight.importing.tests.builders import large_docx, large_xlsx

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def measure(name: str, data: bytes, runs: int) -> None:
    times = []
    actions = 0
    for _ in range(runs):
        start = time.perf_counter()
        result = read_plan(data, name)
        times.append(time.perf_counter() - start)
        actions = result.action_count
    median = statistics.median(times)
    rate = actions / median if median else 0.0
    print(
        f"{name:40} {len(data) / 1024:8.0f} KB {actions:5d} actions "
        f"median {median * 1000:8.1f} ms  {rate:8.0f} actions/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    seeds = sorted((SHARED / "seeds").glob("*.txt")) if SHARED.is_dir() else []
    for path in seeds:
        try:
            measure(path.name, path.read_bytes(), args.runs)
        except Exception as exc:  # a seed without a plan table (minutes) is reported, not fatal
            print(f"{path.name:40} not a plan: {exc}")
    measure("generated-500-actions.docx", large_docx(500), args.runs)
    measure("generated-500-actions.xlsx", large_xlsx(500), args.runs)


if __name__ == "__main__":
    main()
