"""Spellings of the same person, pure part (no Django).

Council plans print an owner many ways: "Julian Watkins – Head of Service",
"Julian Watkins - Head of Service", "Julian Watkins, Head of Service", "Fiona MacKirdy" and
"Fiona Mackirdy". :func:`name_key` reduces a printed name to what is left once case,
dash styles, commas, full stops and spacing are ignored; names with the same key are
suggested as one person. Nothing is merged without the plan manager's say-so.
"""

from __future__ import annotations

from collections.abc import Iterable

from lineofsight.core.text import for_comparing_names


def name_key(name: str) -> str:
    """The name with case, dashes, commas, full stops and spacing ignored."""
    return for_comparing_names(name)


def suggest_merges(names: Iterable[str]) -> list[list[str]]:
    """Groups of two or more distinct spellings that are probably one person, each
    group in first-seen order, groups in the order their first name appears."""
    groups: dict[str, list[str]] = {}
    for name in names:
        key = name_key(name)
        if not key:
            continue
        group = groups.setdefault(key, [])
        if name not in group:
            group.append(name)
    return [group for group in groups.values() if len(group) > 1]
