"""Print the corpus score table (and, with --show, what each plan got wrong)."""

from __future__ import annotations

import sys

from . import plans, score_plan, score_tool, table


def main() -> int:
    tool = score_tool()
    if tool is None:
        print("../shared/tools/score_import.py is not beside the project")
        return 1
    show = "--show" in sys.argv
    rows = []
    for module in plans():
        name = module.__name__.rsplit(".", 1)[-1]
        try:
            r = score_plan(module, tool)
        except Exception as exc:  # a plan the importer cannot read scores 0
            print(f"{name}: {exc.__class__.__name__}: {exc}")
            r = dict.fromkeys(("score", "action_f1", "recommendation", "owners", "due_date", "status", "rag"), 0.0)
            r.update(missed=[], spurious=[], mismatches={})
        rows.append((name, r))
        if show and r["score"] < 1:
            print(f"-- {name}")
            for text in r["missed"]:
                print(f"  missed: {text[:90]}")
            for text in r["spurious"]:
                print(f"  spurious: {text[:90]}")
            for field, pairs in r["mismatches"].items():
                for t, g in pairs:
                    print(f"  {field}: expected {t[field]!r} got {g[field]!r} — {t['text'][:50]}")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
