"""Layout step, refs: the numbers a plan prints for its recommendations and actions.

"1", "1.2", "1b", "Rec 3", "(iii)", "3 (page 12)": what the row walker
(:mod:`.walker`) and the action-ref column (:mod:`.handlers`) read as a ref, how a
printed ref is cleaned, and when one ref sits under another.
"""

from __future__ import annotations

import re

from .text import tidy as _tidy

_REF = re.compile(
    r"^(?:(?:rec(?:ommendation)?|page|p\.?|no\.?|priority|action|item)\s*)?"
    r"[\dA-Za-z]{1,3}(?:[.\-/]\d{1,3})*[a-z]?\.?(?:\s*(?:and|&|/|,)\s*\d{1,3}[a-z]?)*"
    r"(?:\s*[-–—:№#)])?$",
    re.IGNORECASE,
)


def looks_like_ref(text: str) -> bool:
    """True for a short cell that reads as a printed ref ("1", "1.2", "Rec 3", "(iii)")."""
    return bool(_REF.match(text.strip())) and len(text) <= 20


# A word printed before the number in a number column ("Rec 3", "Recommendation 3",
# "No. 3"): the ref is the number. "Page 15" names a place, not a kind, and stays whole.
_REF_LABEL = re.compile(r"^(?:recommendation|rec|no|number|ref|reference|priority|item|area)\.?\s*(?=\d)", re.I)


def is_sub_ref(number: str, rec_ref: str) -> bool:
    """True for "1.2", "1b" or "1(b)" under recommendation "1"."""
    base = re.sub(r"\s+", "", rec_ref.lower()).rstrip(".")
    key = re.sub(r"\s+", "", _REF_LABEL.sub("", number.strip()).lower()).rstrip(".")
    if not base or not key.startswith(base):
        return False
    return bool(re.fullmatch(r"\.\d{1,2}|\.?[a-z]|\([a-z0-9]{1,2}\)", key[len(base) :]))


def ref_key(ref: str | None) -> str:
    """A ref with its label, spaces and full stops dropped, for comparing two refs."""
    return re.sub(r"[\s.]+", "", _REF_LABEL.sub("", (ref or "").strip()).lower()).rstrip(")")


def clean_ref(text: str) -> str:
    """A printed ref without its label ("Rec 3"), page note or trailing punctuation."""
    text = _REF_LABEL.sub("", _tidy(text))
    # "3 (page 12)": the page says where the report puts it; the number is the ref.
    text = _PAGE_AFTER_REF.sub("", text)
    if re.fullmatch(r"\([0-9A-Za-z]{1,4}\)\.?", text):
        return text.rstrip(".")  # "(iii)" is printed with both brackets
    text = re.sub(r"[\s.\-–—:;,№#)]+$", "", text)
    return text or _tidy(text)


_PAGE_AFTER_REF = re.compile(r"(?<=\S)\s*[(\[]\s*(?:page|pages|pp?\.?|para(?:graph)?\.?)\s*[\d\s,\-–]+[)\]]?$", re.I)
