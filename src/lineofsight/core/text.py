"""The one place text is normalised before it is compared.

Plans print the same words many ways: upper and lower case, runs of spaces and line
breaks, curly and straight apostrophes, en dashes for hyphens, a colon or asterisk after a
header. Each function here reduces text to what one kind of comparison cares about and
is named for that comparison; the importer, the re-import diff, the people list and the
sign-in form all use these instead of writing their own. Pure functions, no Django, no
app imported (``core`` is the lowest layer).
"""

from __future__ import annotations

import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")
# Curly apostrophes are how Word prints the straight one a user types.
_CURLY_APOSTROPHE = "\u2019"
# En and em dashes are how Word prints the hyphen a user types.
_DASHES_AND_QUOTES = str.maketrans("\u2013\u2014\u2019", "--'")
# Dashes of every width, commas, slashes-as-separators and full stops separate a name
# from its role in different councils' habits; none of them tells two people apart.
_NAME_SEPARATORS = re.compile(r"[\u2010-\u2015\u2212,.;:()\-]+")
# Footnote marks and a colon after a wording ("Lead officer:*", "Outcome†") say nothing.
_WORDING_TRAIL = " .:*†‡"
_HEADER_TRAIL = " :*†‡"


def unicode_compatible(text: str | None) -> str:
    """NFKC form: ligatures, full-width letters and non-breaking spaces as plain text."""
    return unicodedata.normalize("NFKC", text or "")


def collapse_whitespace(text: str | None) -> str:
    """Runs of whitespace (line breaks included) as one space, none at either end."""
    return _WHITESPACE.sub(" ", text or "").strip()


def for_comparing_wordings(text: str | None) -> str:
    """Lower case, single spaces, no trailing full stop, colon or footnote mark: two cells
    that say the same thing compare equal ("Recommendation 1." and "recommendation 1")."""
    return _WHITESPACE.sub(" ", (text or "").lower()).strip(_WORDING_TRAIL)


def for_matching_headers(text: str | None) -> str:
    """A column header as its synonyms are written: lower case, straight apostrophes,
    single spaces, no colon or footnote mark at either end ("Council’s response:")."""
    return _WHITESPACE.sub(" ", (text or "").lower().replace(_CURLY_APOSTROPHE, "'")).strip(_HEADER_TRAIL)


def for_comparing_edits(text: str | None) -> str:
    """A plan's text as a re-import compares it with what is held: case, spacing, dash
    and apostrophe styles and trailing punctuation ignored, words and their order kept."""
    text = unicode_compatible(text).translate(_DASHES_AND_QUOTES)
    return collapse_whitespace(text).lower().strip(" .;:-")


def for_comparing_names(name: str | None) -> str:
    """A person's name with case, dashes, commas, full stops and spacing ignored:
    "Julian Watkins – Head of Service" and "julian watkins, head of service" match."""
    text = unicode_compatible(name).replace(_CURLY_APOSTROPHE, "'")
    text = _NAME_SEPARATORS.sub(" ", text)
    return collapse_whitespace(text).casefold()


def for_looking_up_usernames(raw: str | None) -> str:
    """A typed-in username as it is stored and looked up: NFKC, trimmed, case folded."""
    return unicode_compatible(raw).strip().casefold()
