"""Text rules for plan cells: sentences, flattened lists, people, RAG words.

Pure functions, shared by the layout step and by anyone cleaning plan text.
"""

from __future__ import annotations

import itertools
import re

from lineofsight.core.text import collapse_whitespace, for_comparing_wordings

_ABBREVIATIONS = {"st", "dr", "mr", "mrs", "ms", "no", "e.g", "i.e", "etc", "vs", "cllr", "prof"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'‘“(])")
_OWNER_SPLIT = re.compile(r"\s*;\s*|\s*\+\s*|\n")
_INITIALS = re.compile(r"[A-Z]{1,4}")
_RAG = [
    # "C" is the complete rating of RAGC keys (red, amber, green, complete): closed, so blue.
    ("blue", re.compile(r"\bblue\b|^[bc]$|\bclosed\b", re.I)),
    ("red", re.compile(r"\bred\b|^r$", re.I)),
    ("amber", re.compile(r"\bamber\b|^a$|\byellow\b|^a/g$|^amber.?green$", re.I)),
    ("green", re.compile(r"\bgreen\b|^g$", re.I)),
]


# The layout step's names for the shared normalisers (lineofsight.core.text).
norm = for_comparing_wordings
tidy = collapse_whitespace


def split_sentences(text: str) -> list[str]:
    """Split a run of sentences, leaving abbreviations such as "St." alone."""
    parts: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start : m.start()].rstrip(".!?").split()
        if before and before[-1].lower().rstrip(".") in _ABBREVIATIONS:
            continue
        if before and len(before[-1]) == 1 and before[-1].isupper():
            continue  # an initial, "J. Smith"
        parts.append(text[start : m.start()].strip())
        start = m.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


def split_people(text: str) -> list[str]:
    """Split an owner or governance cell on ``/``, ``;``, ``+`` and line breaks.

    A slash between initials ("LH/KB", "MWS/NP") is kept, and so is a name with its role
    ("Julian Watkins – Head of Service"); commas and "and" never split.
    """
    out = []
    for chunk in _OWNER_SPLIT.split(text or ""):
        for part in _split_slashes(chunk):
            part = part.strip(" ,.;:-–•*")
            if part and part.lower() not in ("and", "&", "n/a", "na", "none", "-"):
                out.append(part)
    return out


def _split_slashes(text: str) -> list[str]:
    """Split at slashes, except between initials ("LH/KB"), after a single letter
    ("H/Comm") and in "and/or" or "n/a"; a slash with spaces on both sides always splits."""
    pieces: list[str] = []
    start = 0
    for m in re.finditer(r"\s*/\s*", text):
        if m.group(0)[0].isspace() and m.group(0)[-1].isspace():
            # " / " with spaces is always a separator ("LBM C & H - HC / LBM CSF - JM").
            pieces.append(text[start : m.start()])
            start = m.end()
            continue
        left = text[start : m.start()].split()
        right = text[m.end() :].split()
        lw = left[-1].strip("(),-") if left else ""
        rw = right[0].strip("(),-") if right else ""
        keep = (
            (_INITIALS.fullmatch(lw) and _INITIALS.fullmatch(rw))
            or len(lw) <= 1
            or lw.lower() == "and"
            or rw.lower() in ("or", "a")
        )
        if not keep:
            pieces.append(text[start : m.start()])
            start = m.end()
    pieces.append(text[start:])
    return pieces


# A rating letter with a note after it ("G (on track)", "B – complete", "A/R") or in
# brackets at the end ("Completed (B)"); a letter followed by a word ("A new panel") is not.
_RAG_LETTERS = re.compile(r"^([rabgc])(?:\s*[/&-]\s*([rabg]))?\s*(?:$|[(\-–—:*↑↓→=])")
_RAG_LETTER_END = re.compile(r"\(([rabg])\)$")
_LETTER_WORD = {"r": "red", "a": "amber", "b": "blue", "c": "blue", "g": "green"}


def rag_of(text: str) -> str | None:
    """red / amber / green / blue from a RAG cell, or ``None``."""
    clean = norm(text)
    if not clean:
        return None
    for rag, pattern in _RAG:
        if pattern.search(clean):
            return rag
    m = _RAG_LETTERS.match(clean) or _RAG_LETTER_END.search(clean)
    if m:
        words = " ".join(_LETTER_WORD[g] for g in m.groups() if g)
        for rag, pattern in _RAG:
            if pattern.search(words):
                return rag
    return None


def starts_lower(text: str) -> bool:
    """True when text continues a sentence (a page break split it): "secure and ..."."""
    text = text.lstrip(" \"'‘“(")
    return bool(text) and text[0].islower()


# Words that start an action in English plans: imperatives and the usual subjects.
# Used only to split a list that an extraction flattened into one run of text, and only
# as far as a parallel list of dates says there are items.
ACTION_STARTS = frozenset(
    [
        "achieve",
        "agree",
        "align",
        "appoint",
        "arrange",
        "assess",
        "assign",
        "audit",
        "build",
        "carry",
        "challenge",
        "check",
        "circulate",
        "clarify",
        "commission",
        "communicate",
        "complete",
        "conduct",
        "confirm",
        "consider",
        "consult",
        "continue",
        "coordinate",
        "co-ordinate",
        "create",
        "deliver",
        "design",
        "develop",
        "devise",
        "distribute",
        "draft",
        "embed",
        "enable",
        "encourage",
        "engage",
        "enhance",
        "ensure",
        "establish",
        "evaluate",
        "evidence",
        "expand",
        "explore",
        "extend",
        "facilitate",
        "finalise",
        "focus",
        "hold",
        "identify",
        "implement",
        "improve",
        "include",
        "increase",
        "introduce",
        "investigate",
        "issue",
        "launch",
        "lead",
        "maintain",
        "map",
        "meet",
        "monitor",
        "move",
        "offer",
        "organise",
        "plan",
        "prepare",
        "present",
        "produce",
        "promote",
        "provide",
        "publicise",
        "publish",
        "recruit",
        "reduce",
        "refresh",
        "relaunch",
        "report",
        "re-issue",
        "reissue",
        "review",
        "revise",
        "roll",
        "run",
        "secure",
        "set",
        "share",
        "strengthen",
        "submit",
        "support",
        "test",
        "track",
        "train",
        "undertake",
        "update",
        "use",
        "work",
        "write",
        "the",
        "all",
        "each",
        "every",
        "managers",
        "staff",
    ]
)
_DETERMINERS = frozenset({"the", "all", "each", "every"})
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "for",
        "with",
        "in",
        "on",
        "a",
        "an",
        "by",
        "at",
        "from",
        "or",
        "as",
        "into",
        "within",
        "under",
        "our",
        "their",
        "its",
        "is",
        "are",
        "be",
        "will",
    ]
)


def split_flat_list(text: str, target: int = 0, line_starts: tuple[int, ...] = ()) -> list[str]:
    """Split a bulleted list flattened into one run of text into its items.

    Sentences first; then, while fewer items than ``target`` (the length of a parallel
    list such as the dates), at the likeliest item starts: a capitalised action word
    ("Establish", "Publicise", "The") after a word that does not lead into it, or any
    capitalised word opening a printed line (``line_starts``, offsets into ``text``).
    """
    parts = split_sentences(text)
    need = target - len(parts)
    if need <= 0:
        return parts
    candidates: list[tuple[int, int, int]] = []  # (score, part index, token index)
    tokens_of = [p.split(" ") for p in parts]
    # The tokens that open a printed line, by (part, token) index.
    opening: set[tuple[int, int]] = set()
    if line_starts:
        starts, at = set(line_starts), 0
        for pi, part in enumerate(parts):
            at = text.find(part, at)
            offset = at
            for ti, token in enumerate(tokens_of[pi]):
                if offset in starts:
                    opening.add((pi, ti))
                offset += len(token) + 1
            at += len(part)
    for pi, tokens in enumerate(tokens_of):
        for ti in range(2, len(tokens) - 1):
            word, prev = tokens[ti], tokens[ti - 1]
            if not word[:1].isupper() or word.isupper():
                continue
            if prev.lower().strip(",;:") in _FUNCTION_WORDS or prev.endswith((",", ":", "-")):
                continue
            low = word.lower().strip(",.;:")
            # A capitalised word opening a line, after a line ending in a lower-case word
            # and going on in lower case ("team" / "Add a ..."): the likeliest start,
            # whatever the verb; not a title going on ("(CICC)" / "Action Plan").
            if (
                (pi, ti) in opening
                and prev[-1:].islower()
                and tokens[ti + 1][:1].islower()
                and (low in ACTION_STARTS or low not in _DETERMINERS | _FUNCTION_WORDS)
            ):
                candidates.append((3 + 2 * int(low in ACTION_STARTS), pi, ti))
                continue
            if low not in ACTION_STARTS:
                continue
            # An action word that opens an item is followed by its object in lower case
            # ("Establish formal ..."), or is a determiner ("The Corporate Parenting ...");
            # the word before it ends the previous item rather than a title ("Action Plan").
            score = int(tokens[ti + 1][:1].islower()) + int(low in _DETERMINERS)
            score += int(not prev[:1].isupper() or prev.isupper() or prev.endswith(")"))
            if score >= 1:
                candidates.append((score, pi, ti))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    chosen = sorted(candidates[:need], key=lambda c: (c[1], c[2]))
    out: list[str] = []
    for pi, tokens in enumerate(tokens_of):
        cuts = [0, *[ti for _, p, ti in chosen if p == pi], len(tokens)]
        out.extend(" ".join(tokens[a:b]) for a, b in itertools.pairwise(cuts) if a < b)
    return out


_ROLE_WORDS = re.compile(
    r"\b(?:head|manager|director|officer|lead|team|service|services|board|council|co-?ordinator"
    r"|worker|advis[eo]r|nurse|doctor|consultant|principal|chair|assistant|deputy|partnership"
    r"|panel|group|designated|commissioner|practitioner|supervisor|analyst|member|trust|police"
    r"|nhs|icb|school|unit|hub|dcs|psw|iro|hos|ad|dmt|slt|cpb)\b",
    re.IGNORECASE,
)
_NAME_WORD = r"(?:[A-Z][a-z]*(?:['’-][A-Z]?[a-z]+)+|[A-Z][a-z]+|[A-Z]\.?)"
_PERSON_NAME = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}")


# Words a post's title ends with ("Team Manager", "Systems Lead"); not "Principal" or
# "School", which go on ("Principal Social Worker", "Virtual School Head").
_POST_ENDS = re.compile(
    r"manager|director|officer|lead|worker|advis[eo]r|nurse|doctor|consultant|co-?ordinator"
    r"|commissioner|practitioner|supervisor|analyst|head|chair|psw|iro|dcs",
    re.IGNORECASE,
)


def split_at_posts(text: str, line_starts: tuple[int, ...]) -> list[str]:
    """A lead paragraph joined from printed lines, cut where a line opens with a capital
    after a line ending in a post's word ("Principal Social Worker" / "Systems Lead")."""
    cuts = [
        at
        for at in line_starts
        if 0 < at < len(text)
        and text[at : at + 1].isupper()
        and _POST_ENDS.fullmatch(text[:at].split()[-1].strip(",.;:)") if text[:at].split() else "")
    ]
    pieces = [text[a:b].strip() for a, b in itertools.pairwise([0, *cuts, len(text)]) if text[a:b].strip()]
    # Each piece must be a post itself: "Team Manager" / "Adoption" is one title.
    if not all(_ROLE_WORDS.search(piece) for piece in pieces):
        return [text]
    return pieces


def join_names_with_roles(lines: list[str]) -> list[str]:
    """Keep a name printed on the line above its role together: "Jo Bloggs – Head of Service"."""
    out: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if (
            nxt is not None
            and _PERSON_NAME.fullmatch(line.strip())
            and not _ROLE_WORDS.search(line)
            and _ROLE_WORDS.search(nxt)
        ):
            out.append(f"{line.strip()} – {nxt.strip()}")
            k += 2
            continue
        out.append(line)
        k += 1
    return out
