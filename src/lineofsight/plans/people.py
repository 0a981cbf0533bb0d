"""Spellings of the same person, pure part (no Django).

Council plans print an owner many ways: "Julian Watkins – Head of Service",
"Julian Watkins - Head of Service", "Julian Watkins, Head of Service", "Fiona MacKirdy" and
"Fiona Mackirdy". :func:`name_key` reduces a printed name to what is left once case,
dash styles, commas, full stops and spacing are ignored; names with the same key are
suggested as one person. Nothing is merged without the plan manager's say-so.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Dashes of every width, commas, slashes-as-separators and full stops separate a name
# from its role in different councils' habits; none of them tells two people apart.
_SEPARATORS = re.compile(r"[\u2010-\u2015\u2212,.;:()\-]+")


def name_key(name: str) -> str:
    """The name with case, dashes, commas, full stops and spacing ignored."""
    text = unicodedata.normalize("NFKC", name or "").replace("\u2019", "'")
    text = _SEPARATORS.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


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
