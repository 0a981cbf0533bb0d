"""Words a very narrow column broke across lines, with no hyphen ("Workfor" / "ce").

LibreOffice (like Word) breaks a word that does not fit a cell's width wherever the
line is full. The two pieces must be joined back without running real words together,
so a piece is only taken as the rest of a broken word on evidence that it is not a word
of its own:

- the joined word appears unbroken elsewhere in the document, and the pieces are not
  both words it uses on their own (:func:`vocabulary` counts the document's words);
- the rest is one letter other than "a" or "i", or two letters that are no English word;
- the rest has no vowel ("nt"), or starts with two consonants no English word starts
  with ("ctor");
- the rest starts with a vowel and ends like an English word's ending ("ent", "ioning"),
  is short or starts with vowels no word starts with, and the first piece does not end
  like a whole word ("-ly", "-ing") nor is a word the document uses more than once.

A date's year broken after its third digit ("May 202" / "5") is joined as well. These
are pure functions of text; the readers decide which line ends are at a column's edge.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Two-letter English words: a two-letter rest outside this set is a piece of a word.
_TWO_LETTER = _words(
    "ad ah am an as at aw be by do eh go ha he hi if in is it me my no of oh ok on or ox so to up us we ye"
)
# Consonant pairs an English word can start with; any other pair starts a piece.
_ONSETS = _words(
    "bl br ch cl cr cz dr dw fl fr gh gl gn gr kh kl kn kr ph pl pn pr ps pt qu rh sc sh sk sl sm sn sp "
    "sq st sw th tr ts tw wh wr xy"
)
# Endings of English words; a rest starting with a vowel and ending so is a word's tail.
_ENDINGS = (
    "ation", "ition", "ion", "ioning", "ing", "ment", "ments", "ent", "ents", "ence", "ance", "ency", "ancy",
    "ity", "ities", "ed", "ies", "ive", "ous", "ual", "ial", "al", "ise", "ised", "ize", "ized", "ly", "er",
    "ers", "ate", "ated", "ating", "ness", "ship",
)  # fmt: skip
_VOWELS = set("aeiouy")
_FUNCTION_WORDS = _words(
    "a an and are as at be by for from has have in into is it its of on or our so that the their them "
    "then there these they this to up was we were will with"
)
# Vowel pairs that start no common English word (but start the rest of "commiss/ioning").
_NO_WORD_STARTS = _words("ia io iu ua ue ui uo eo")
_LETTERS = re.compile(r"[a-z]+")


def vocabulary(words: Iterable[str]) -> Counter[str]:
    """How often the document prints each word (lower case, letters only). A broken
    piece ("Commiss") is printed too, but rarely more than once; a word used twice or
    more is taken as a word of its own."""
    out: Counter[str] = Counter()
    for word in words:
        core = word.lower().strip(".,;:()\"'’").removesuffix("'s").removesuffix("’s")
        if _LETTERS.fullmatch(core):
            out[core] += 1
    return out


def is_broken(head: str, tail: str, known: Counter[str] | None = None) -> bool:
    """True when ``tail`` (the first word of a line) is the rest of ``head`` (the last
    word of the line above, which ended at its column's edge); ``known`` is the
    document's :func:`vocabulary`."""
    known = known if known is not None else Counter()
    if re.fullmatch(r"20\d?", head) and re.fullmatch(r"\d{1,2}", tail):
        return len(head + tail) == 4  # "May 202" / "5"
    h = head.lower()
    if not _LETTERS.fullmatch(h) or not tail[:1].islower():
        return False
    t = tail.lower().rstrip(".,;:)").removesuffix("'s").removesuffix("’s")
    if not _LETTERS.fullmatch(t):
        return False
    if known[h + t] and not (known[h] > 1 and known[t] > 1):
        return True  # printed unbroken elsewhere
    if len(t) == 1:
        return t not in "ai"
    if len(t) == 2 and t not in _TWO_LETTER:
        return True
    if not _VOWELS & set(t):
        return True
    if t[0] not in _VOWELS and t[1] not in _VOWELS and t[:2] not in _ONSETS:
        return True
    if known[t] > 1:
        return False  # the rest is a word the document uses on its own
    # Whole words start with a vowel and end so too ("offered", "action"): only a short
    # rest, or one starting with vowels no English word starts with ("ioning"), after a
    # piece that does not end like a whole word ("timely", "arranging").
    rest = len(t) <= 4 or t[:2] in _NO_WORD_STARTS
    whole = h.endswith(("ly", "ing", "est", "ed")) or h in _FUNCTION_WORDS or known[h] > 1
    return t[0] in "aeiou" and t.endswith(_ENDINGS) and rest and not whole


def is_whole(word: str) -> bool:
    """True for a short word of English grammar ("by", "of", "the"): a line that is
    one of these ended at a word, however full the column."""
    return word.lower() in _FUNCTION_WORDS


def join(head: str, tail: str) -> str:
    """The two pieces as one word (the caller has checked :func:`is_broken`)."""
    return head + tail
