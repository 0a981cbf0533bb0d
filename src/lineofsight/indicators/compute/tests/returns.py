"""Small SSDA903 and CIN census returns written out from a few rows in a test."""

from __future__ import annotations

import csv
from pathlib import Path

from lineofsight.indicators.compute.tables import SSDA903_TABLES


def write_903(folder: Path, **tables: list[dict[str, str]]) -> Path:
    """Write each named table as ``<name>.csv`` with all its columns (blank where a row
    does not say); header and episodes are always written."""
    folder.mkdir(parents=True, exist_ok=True)
    tables.setdefault("header", [])
    tables.setdefault("episodes", [])
    for name, rows in tables.items():
        columns = SSDA903_TABLES[name].columns
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, columns, restval="")
            writer.writeheader()
            writer.writerows(rows)
    return folder


def child(child_id: str, dob: str) -> dict[str, str]:
    """A header row."""
    return {"CHILD": child_id, "SEX": "1", "DOB": dob, "ETHNIC": "WBRI"}


def episode(
    child_id: str, decom: str, rne: str, dec: str = "", rec: str = "", ls: str = "C2", place: str = "U1"
) -> dict[str, str]:
    """An episodes row; an open episode has no DEC or REC."""
    if dec and not rec:
        rec = "X1"
    return {
        "CHILD": child_id,
        "DECOM": decom,
        "RNE": rne,
        "LS": ls,
        "CIN": "N1",
        "PLACE": place,
        "PLACE_PROVIDER": "PR1",
        "DEC": dec,
        "REC": rec,
    }


def history(child_id: str, *steps: tuple[str, ...], ended: str = "", rec: str = "") -> list[dict[str, str]]:
    """Episodes for one period of care from (DECOM, RNE[, LS[, PLACE]]) steps, each
    closing when the next starts; the last closes on ``ended`` with ``rec`` (or is open)."""
    rows = []
    for number, step in enumerate(steps):
        decom, rne, *rest = step
        ls = rest[0] if rest else "C2"
        place = rest[1] if len(rest) > 1 else "U1"
        if number + 1 < len(steps):
            dec, reason = steps[number + 1][0], "X1"
        else:
            dec, reason = ended, rec
        rows.append(episode(child_id, decom, rne, dec, reason, ls, place))
    return rows


def reviews(child_id: str, *days: str) -> list[dict[str, str]]:
    """Reviews rows."""
    return [{"CHILD": child_id, "DOB": "", "REVIEW": day, "REVIEW_CODE": "PN1"} for day in days]


def cin_census(path: Path, children: dict[str, list[dict]]) -> Path:
    """Write a CIN census: ``{child id: [referral, ...]}`` where a referral is a dict with
    ``referred`` and optional ``assessment`` (authorised day), ``s47`` (start, ICPC day)
    and ``plan`` (start day) with ``previous_plans`` (NumberOfPreviousCPP, written only when
    given); days are yyyy-mm-dd."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<Message><Header/><Children>\n']
    for child_id, referrals in children.items():
        parts.append(
            f"<Child><ChildIdentifiers><LAchildID>{child_id}</LAchildID>"
            "<PersonBirthDate>2015-01-01</PersonBirthDate></ChildIdentifiers>\n"
        )
        for referral in referrals:
            parts.append(
                f"<CINdetails><CINreferralDate>{referral['referred']}</CINreferralDate><ReferralNFA>0</ReferralNFA>"
            )
            if "assessment" in referral:
                parts.append(
                    "<Assessments><AssessmentAuthorisationDate>"
                    f"{referral['assessment']}</AssessmentAuthorisationDate>"
                    "</Assessments>"
                )
            if "s47" in referral:
                start, held = referral["s47"]
                parts.append(
                    f"<Section47><S47ActualStartDate>{start}</S47ActualStartDate>"
                    f"<DateOfInitialCPC>{held}</DateOfInitialCPC></Section47>"
                )
            if "plan" in referral:
                previous = referral.get("previous_plans")
                parts.append(
                    "<ChildProtectionPlans><CPPstartDate>"
                    f"{referral['plan']}</CPPstartDate>"
                    + ("" if previous is None else f"<NumberOfPreviousCPP>{previous}</NumberOfPreviousCPP>")
                    + "</ChildProtectionPlans>"
                )
            parts.append("</CINdetails>\n")
        parts.append("</Child>\n")
    parts.append("</Children></Message>\n")
    path.write_text("".join(parts), encoding="utf-8")
    return path
