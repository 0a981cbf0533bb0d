"""The one text normaliser: each comparison the apps make, and proof that moving the five
private copies here changed no answer."""

from __future__ import annotations

import itertools
import re
import unicodedata

import pytest

from lineofsight.accounts.signin import normalise_username
from lineofsight.core import text
from lineofsight.importing import columns, deadlines, merge
from lineofsight.importing import text as importing_text
from lineofsight.plans.people import name_key

# --------------------------------------------------------------------------- what each is for


def test_two_cells_saying_the_same_wording_compare_equal():
    assert text.for_comparing_wordings("  Recommendation 1.\n") == "recommendation 1"
    assert text.for_comparing_wordings("Improve   PLANNING:*") == "improve planning"
    assert text.for_comparing_wordings(None) == ""


def test_a_header_matches_its_synonyms_whatever_its_apostrophe_or_footnote():
    assert text.for_matching_headers("Council’s\tResponse:") == "council's response"
    assert text.for_matching_headers("Lead officer †") == "lead officer"
    # A full stop is part of a header ("No."), unlike a wording's trailing one.
    assert text.for_matching_headers("Ref No.") == "ref no."


def test_a_reimport_ignores_dash_and_apostrophe_styles_but_keeps_the_words():
    old = "Audit – 20 cases a month; the team’s plan."
    new = "audit - 20 cases a month; the team's plan"
    assert text.for_comparing_edits(old) == text.for_comparing_edits(new)
    assert text.for_comparing_edits("ﬁnal audit") == "final audit"  # a ligature from a PDF
    assert text.for_comparing_edits("audit 20 cases") != text.for_comparing_edits("audit 30 cases")


def test_one_person_printed_three_ways_has_one_name_key():
    keys = {
        text.for_comparing_names(n)
        for n in (
            "Julian Watkins – Head of Service",
            "julian watkins, head of service",
            "Julian  Watkins - Head of Service.",
        )
    }
    assert keys == {"julian watkins head of service"}
    assert text.for_comparing_names("Fiona MacKirdy") == text.for_comparing_names("Fiona Mackirdy")
    assert text.for_comparing_names("Sam Okafor") != text.for_comparing_names("Sam O'Kafor")


def test_a_username_is_looked_up_trimmed_and_case_folded():
    assert text.for_looking_up_usernames("  Plan.Manager@Example.ORG ") == "plan.manager@example.org"
    assert text.for_looking_up_usernames("ＡＤＭＩＮ") == "admin"  # full-width letters typed on a phone
    assert normalise_username("x" * 200) == "x" * 150


def test_whitespace_collapses_to_single_spaces():
    assert text.collapse_whitespace(" a\n\tb\u00a0 c ") == "a b c"
    assert text.unicode_compatible("\u00a0ﬁ") == " fi"


# --------------------------------------------------------------------------- same answers as before
# The normalisers as each module wrote its own copy before lineofsight.core.text existed.


def _old_importing_norm(t):
    return re.sub(r"\s+", " ", (t or "").lower()).strip(" .:*†‡")


def _old_tidy(t):
    return re.sub(r"\s+", " ", t or "").strip()


def _old_columns_norm(t):
    return re.sub(r"\s+", " ", (t or "").lower().replace("\u2019", "'")).strip(" :*†‡")


def _old_merge_norm(t):
    t = unicodedata.normalize("NFKC", t or "").translate(str.maketrans("\u2013\u2014\u2019", "--'"))
    return re.sub(r"\s+", " ", t).strip().lower().strip(" .;:-")


def _old_name_key(t):
    t = unicodedata.normalize("NFKC", t or "").replace("\u2019", "'")
    t = re.compile(r"[\u2010-\u2015\u2212,.;:()\-]+").sub(" ", t)
    return re.sub(r"\s+", " ", t).strip().casefold()


def _old_username(t):
    return unicodedata.normalize("NFKC", t or "").strip().casefold()[:150]


def _old_deadline_clean(t):
    t = unicodedata.normalize("NFKC", t or "")
    t = re.sub(r"<[^>]+>", " ", t)
    t = t.translate(str.maketrans("\u2013\u2014\u2012", "---"))
    t = re.sub(r"\b(\d{1,2})\s+(st|nd|rd|th)\b", r"\1\2", t, flags=re.I)
    return re.sub(r"\s+", " ", t).strip()


# Pieces councils' documents are made of: curly quotes, dashes of each width, non-breaking
# and full-width characters, ligatures, letters whose case folds to two, footnote marks.
_PIECES = [
    "",
    " ",
    "\n\t",
    "\u00a0",
    "Julian",
    "O’Neil",
    "–",
    "—",
    "\u2212",
    "-",
    "ﬁnal",
    "ＡＢ",
    "İstanbul",
    "Straße",
    "1 st June",
    "<b>",
    ":",
    ".",
    "*",
    "†",
    ";",
    "(Lead)",
    "No.",
]
SAMPLES = [None, *("".join(p) for p in itertools.product(_PIECES, repeat=3))]


@pytest.mark.parametrize(
    ("new", "old"),
    [
        (importing_text.norm, _old_importing_norm),
        (importing_text.tidy, _old_tidy),
        (columns._norm, _old_columns_norm),
        (merge._norm, _old_merge_norm),
        (name_key, _old_name_key),
        (normalise_username, _old_username),
        (deadlines._clean, _old_deadline_clean),
    ],
    ids=["layout wordings", "layout tidy", "column headers", "re-import", "people", "usernames", "deadlines"],
)
def test_each_caller_gives_the_answers_its_own_copy_gave(new, old):
    for sample in SAMPLES:
        if sample is None and new in (name_key, normalise_username, deadlines._clean, importing_text.tidy):
            continue  # these were only ever called with text
        assert new(sample) == old(sample), repr(sample)
