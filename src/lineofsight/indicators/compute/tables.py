"""The statutory return tables as data: columns, which are dates, which carry codes.

A table is described once here and every reader (CSV, XML) validates against the same
description, so a new column or code is one line, not new code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Codes from the SSDA903 guidance that the indicators depend on. Anything else in these
# columns is almost certainly a keying or extract error, and would silently change a value.
RNE_CODES = ("S", "P", "B", "T", "U", "L")
LS_CODES = (
    "C1",
    "C2",
    "D1",
    "E1",
    "J1",
    "J2",
    "J3",
    "L1",
    "L2",
    "L3",
    "V2",
    "V3",
    "V4",
)
PLACE_CODES = (
    "A3",
    "A4",
    "A5",
    "A6",
    "H5",
    "K1",
    "K2",
    "P1",
    "P2",
    "P3",
    "R1",
    "R2",
    "R3",
    "R5",
    "S1",
    "T0",
    "T1",
    "T2",
    "T3",
    "T4",
    "U1",
    "U2",
    "U3",
    "U4",
    "U5",
    "U6",
    "Z1",
)
REC_CODES = (
    "E11",
    "E12",
    "E13",
    "E14",
    "E15",
    "E16",
    "E17",
    "E2",
    "E3",
    "E41",
    "E45",
    "E46",
    "E47",
    "E48",
    "E4A",
    "E4B",
    "E5",
    "E6",
    "E7",
    "E8",
    "E9",
    "X1",
)
MISSING_CODES = ("M", "A")
IN_TOUCH_CODES = ("YES", "NO", "DIED", "REFU", "NREQ", "RHOM")
ACTIV_CODES = ("F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0")
# ACCOM is a letter for the kind of accommodation then 1 (suitable) or 2 (not); 0 = not known.
ACCOM_PATTERN = r"^([A-Z][12]|0)$"

DMY = "%d/%m/%Y"  # SSDA903 dates
ISO = "%Y-%m-%d"  # XML schema dates in the CIN census


@dataclass(frozen=True)
class TableSpec:
    """One table of a return: the columns the indicators need and how to check them.

    ``codes`` maps a column to its allowed values; ``patterns`` maps a column to a regular
    expression. Blank cells are allowed everywhere except in ``required`` columns.
    """

    name: str
    columns: tuple[str, ...]
    dates: tuple[str, ...] = ()
    date_format: str = DMY
    codes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    patterns: dict[str, str] = field(default_factory=dict)
    integers: tuple[str, ...] = ()
    required: tuple[str, ...] = ("CHILD",)
    must_exist: bool = False

    def describe(self, column: str) -> str:
        """Say in words what a column should hold, for error messages."""
        if column in self.dates:
            return "a date " + ("dd/mm/yyyy" if self.date_format == DMY else "yyyy-mm-dd")
        if column in self.codes:
            return "one of " + ", ".join(self.codes[column])
        if column in self.patterns:
            return "a letter then 1 or 2, or 0"
        if column in self.integers:
            return "a whole number"
        return "a value"


SSDA903_TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec(
            "header",
            ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"),
            dates=("DOB", "MC_DOB"),
            required=("CHILD", "DOB"),
            must_exist=True,
        ),
        TableSpec(
            "episodes",
            (
                "CHILD",
                "DECOM",
                "RNE",
                "LS",
                "CIN",
                "PLACE",
                "PLACE_PROVIDER",
                "DEC",
                "REC",
                "REASON_PLACE_CHANGE",
                "HOME_POST",
                "PL_POST",
                "URN",
            ),
            dates=("DECOM", "DEC"),
            codes={"RNE": RNE_CODES, "LS": LS_CODES, "PLACE": PLACE_CODES, "REC": REC_CODES},
            required=("CHILD", "DECOM", "RNE"),
            must_exist=True,
        ),
        TableSpec(
            "reviews",
            ("CHILD", "DOB", "REVIEW", "REVIEW_CODE"),
            dates=("DOB", "REVIEW"),
            required=("CHILD", "REVIEW"),
        ),
        TableSpec("uasc", ("CHILD", "SEX", "DOB", "DUC"), dates=("DOB", "DUC")),
        TableSpec(
            "oc2",
            (
                "CHILD",
                "DOB",
                "SDQ_SCORE",
                "SDQ_REASON",
                "CONVICTED",
                "HEALTH_CHECK",
                "IMMUNISATIONS",
                "TEETH_CHECK",
                "HEALTH_ASSESSMENT",
                "SUBSTANCE_MISUSE",
                "INTERVENTION_RECEIVED",
                "INTERVENTION_OFFERED",
            ),
            dates=("DOB",),
        ),
        TableSpec(
            "oc3",
            ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"),
            dates=("DOB",),
            codes={"IN_TOUCH": IN_TOUCH_CODES, "ACTIV": ACTIV_CODES},
            patterns={"ACCOM": ACCOM_PATTERN},
            required=("CHILD", "DOB"),
        ),
        TableSpec(
            "ad1",
            (
                "CHILD",
                "DOB",
                "DATE_INT",
                "DATE_MATCH",
                "FOSTER_CARE",
                "NB_ADOPTR",
                "SEX_ADOPTR",
                "LS_ADOPTR",
            ),
            dates=("DOB", "DATE_INT", "DATE_MATCH"),
            codes={"FOSTER_CARE": ("0", "1")},
        ),
        TableSpec(
            "placed_for_adoption",
            ("CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"),
            dates=("DOB", "DATE_PLACED", "DATE_PLACED_CEASED"),
        ),
        TableSpec(
            "prev_perm",
            ("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"),
            # DATE_PERM may be partial ("zz/05/2010") in real returns, so it stays text.
            dates=("DOB",),
        ),
        TableSpec(
            "missing",
            ("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"),
            dates=("DOB", "MIS_START", "MIS_END"),
            codes={"MISSING": MISSING_CODES},
            required=("CHILD", "MISSING", "MIS_START"),
        ),
    )
}

# The CIN census is one nested XML document; the reader flattens it into these tables.
# REF is the position of the CINdetails block within the child, so nested items keep
# their referral.
CIN_TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec(
            "cin_child",
            ("CHILD", "PersonBirthDate"),
            dates=("PersonBirthDate",),
            date_format=ISO,
            must_exist=True,
        ),
        TableSpec(
            "cin_referral",
            (
                "CHILD",
                "REF",
                "CINreferralDate",
                "ReferralSource",
                "PrimaryNeedCode",
                "CINclosureDate",
                "ReasonForClosure",
                "ReferralNFA",
            ),
            dates=("CINreferralDate", "CINclosureDate"),
            date_format=ISO,
            integers=("REF",),
            codes={"ReferralNFA": ("0", "1", "true", "false")},
            required=("CHILD", "REF", "CINreferralDate"),
            must_exist=True,
        ),
        TableSpec(
            "cin_assessment",
            ("CHILD", "REF", "AssessmentActualStartDate", "AssessmentAuthorisationDate"),
            dates=("AssessmentActualStartDate", "AssessmentAuthorisationDate"),
            date_format=ISO,
            integers=("REF",),
            required=("CHILD", "REF"),
            must_exist=True,
        ),
        TableSpec(
            "cin_s47",
            ("CHILD", "REF", "S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC", "ICPCnotRequired"),
            dates=("S47ActualStartDate", "InitialCPCtarget", "DateOfInitialCPC"),
            date_format=ISO,
            integers=("REF",),
            codes={"ICPCnotRequired": ("0", "1", "true", "false")},
            required=("CHILD", "REF"),
            must_exist=True,
        ),
        TableSpec(
            "cin_cpp",
            ("CHILD", "REF", "CPPstartDate", "CPPendDate", "NumberOfPreviousCPP"),
            dates=("CPPstartDate", "CPPendDate"),
            date_format=ISO,
            # Plans the child had before this one, as the council recorded them (blank
            # when the case system does not say); CP-REPEAT counts them.
            integers=("REF", "NumberOfPreviousCPP"),
            required=("CHILD", "REF", "CPPstartDate"),
            must_exist=True,
        ),
    )
}
