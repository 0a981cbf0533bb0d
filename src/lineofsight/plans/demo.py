"""The project's own demo: Example Borough Council and its post-ILACS plan.

Everything here is fictional and written for Line of Sight. Dates are set relative
to the day the demo is loaded, so the plan always has actions that are complete,
on track, due soon and overdue.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from lineofsight.accounts.models import Membership, Organisation, Role
from lineofsight.plans.interchange import load_plan
from lineofsight.plans.models import Action, GovernanceBody, Judgement, Person, Plan, ProgressUpdate

ORG_SLUG = "example"
ORG_NAME = "Example Borough Council"
PLAN_TITLE = "Post-ILACS Improvement Plan"


@dataclass(frozen=True)
class DemoUser:
    """A demo sign-in, printed in the README."""

    username: str
    password: str
    role: str
    full_name: str
    person: str | None = None


DEMO_USERS = [
    DemoUser("manager", "demo-manager-pass", Role.PLAN_MANAGER, "Morgan Ellis", None),
    DemoUser("owner", "demo-owner-pass", Role.ACTION_OWNER, "Sam Okafor", "Sam Okafor – Head of Corporate Parenting"),
    DemoUser("viewer", "demo-viewer-pass", Role.VIEWER, "Cllr Ruth Adeyemi", None),
]

BODIES = [
    ("Children's Services Departmental Management Team", "DMT", "Director of Children's Services", "Weekly"),
    ("Improvement Board", "IB", "Independent chair", "Monthly"),
    ("Corporate Parenting Board", "CPB", "Lead Member for Children", "Quarterly"),
    ("Children and Young People Scrutiny Panel", "Scrutiny", "Panel chair", "Quarterly"),
    ("Example Safeguarding Children Partnership", "ESCP", "Independent scrutineer", "Bi-monthly"),
]

PEOPLE = {
    "DCS": ("Director of Children's Services", "Director of Children's Services"),
    "ADCSC": ("Alex Price – Assistant Director, Children's Social Care", "Assistant Director"),
    "HCP": ("Sam Okafor – Head of Corporate Parenting", "Head of Service"),
    "HFS": ("Head of Front Door and Assessment", "Head of Service"),
    "HQA": ("Priya Nair – Head of Safeguarding and Quality Assurance", "Head of Service"),
    "SMLC": ("Service Manager, Leaving Care", "Service Manager"),
    "PDM": ("Principal Social Worker", "Principal Social Worker"),
    "COMM": ("Children's Commissioning Manager", "Commissioning Manager"),
    "HOUS": ("Head of Housing Needs", "Head of Service"),
    "PERF": ("Morgan Ellis – Performance and Improvement Lead", "Performance Lead"),
}


@dataclass
class DemoAction:
    text: str
    owners: list[str]
    due_months: int | None  # months from today; None for "Ongoing"
    status: str | None
    rag: str | None
    bodies: list[str]
    partners: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    updates: list[tuple[int, str]] = field(default_factory=list)  # (days ago, text)
    due_text: str | None = None


@dataclass
class DemoRecommendation:
    ref: str
    text: str
    section: str
    outcomes: list[str]
    actions: list[DemoAction]


RECOMMENDATIONS = [
    DemoRecommendation(
        "1",
        "The quality and timeliness of assessments at the front door, so that children's needs are understood quickly.",
        "Help and protection",
        ["Children referred to the front door have their needs assessed within 45 working days"],
        [
            DemoAction(
                "Set a weekly assessment timeliness meeting in the Front Door service, chaired by the Head of Service.",
                ["HFS"],
                -3,
                "complete",
                "blue",
                ["DMT"],
                measures=["CIN-A45 % of assessments authorised within 45 working days"],
                updates=[
                    (95, "Meeting in place since the spring; attendance above 90%."),
                    (20, "Meeting continues; timeliness now 86% in the quarter."),
                ],
            ),
            DemoAction(
                "Revise the assessment template so that the child's lived experience is written first.",
                ["PDM"],
                -1,
                "in_progress",
                "amber",
                ["DMT", "IB"],
                updates=[(40, "Draft template tested with two teams; feedback being collated.")],
            ),
            DemoAction(
                "Audit 40 assessments each quarter and report themes to the Improvement Board.",
                ["HQA"],
                2,
                "in_progress",
                "green",
                ["IB"],
                measures=["Audit grades: % good or better"],
                updates=[(12, "Quarter 2 audit complete: 24 of 40 good or better.")],
            ),
            DemoAction(
                "Recruit two permanent team managers to the assessment teams.",
                ["ADCSC"],
                -2,
                "in_progress",
                "red",
                ["DMT"],
                updates=[(70, "First round of interviews did not appoint; re-advertised with market supplement.")],
            ),
        ],
    ),
    DemoRecommendation(
        "2",
        "Management oversight and supervision of social workers, so that plans for children progress without drift.",
        "Leadership and management",
        ["Every child's case shows regular, reflective management oversight"],
        [
            DemoAction(
                "Introduce a supervision standard with a recorded reflective discussion at least every four weeks.",
                ["PDM"],
                -4,
                "complete",
                "blue",
                ["DMT"],
                updates=[
                    (120, "Standard launched at the all-staff briefing."),
                    (60, "Compliance 81% at the first dip sample."),
                ],
            ),
            DemoAction(
                "Report supervision compliance by team monthly in the performance pack.",
                ["PERF"],
                1,
                "in_progress",
                "green",
                ["DMT", "IB"],
                measures=["% of children with supervision in the last 4 weeks"],
                updates=[(8, "Report built from the case system; first month published.")],
            ),
            DemoAction(
                "Deliver reflective supervision training to all first-line managers.",
                ["PDM"],
                3,
                "not_started",
                None,
                ["DMT"],
                partners=["Regional Teaching Partnership"],
            ),
            DemoAction(
                "Dip-sample ten supervision records a month and feed back to each team manager.",
                ["HQA"],
                0,
                "in_progress",
                "amber",
                ["DMT"],
                updates=[(75, "First two months of dip samples complete; themes shared.")],
            ),
        ],
    ),
    DemoRecommendation(
        "3",
        "Reviews of children in care, so that every review happens on time and children take part.",
        "Children in care",
        ["Children's reviews are on time and children say they were listened to"],
        [
            DemoAction(
                "Bring forward the first review of every child entering care to within 20 working days.",
                ["HQA"],
                -2,
                "complete",
                "green",
                ["CPB"],
                measures=["NI66"],
                updates=[(90, "All first reviews in the last quarter within 20 working days.")],
                due_text=None,
            ),
            DemoAction(
                "Track reviews due in a weekly list sent to team managers and independent reviewing officers.",
                ["HQA"],
                None,
                "in_progress",
                "green",
                ["CPB"],
                measures=["NI66 % of children looked after reviewed within timescale"],
                updates=[(15, "Weekly list in place; 94% of reviews on time this quarter.")],
                due_text="Ongoing",
            ),
            DemoAction(
                "Offer every child over 8 a choice of how to take part in their review, including by video.",
                ["HQA"],
                2,
                "in_progress",
                "amber",
                ["CPB"],
                partners=["Children in Care Council"],
                updates=[(50, "Participation offer drafted with the Children in Care Council.")],
            ),
            DemoAction(
                "Increase the number of independent reviewing officers so that caseloads are below 70.",
                ["ADCSC"],
                -1,
                "in_progress",
                "red",
                ["DMT", "CPB"],
                measures=["IRO caseload average"],
                updates=[(35, "One post filled; one vacancy remains.")],
            ),
        ],
    ),
    DemoRecommendation(
        "4",
        "Suitable accommodation and support for care leavers, including those aged 18 to 21.",
        "Care leavers",
        [
            "All care leavers feel, and are, safe in their accommodation",
            "Care leavers are in education, employment or training",
        ],
        [
            DemoAction(
                "Establish a joint housing panel with Housing Needs to agree offers for care leavers.",
                ["HCP", "HOUS"],
                -5,
                "complete",
                "blue",
                ["CPB"],
                partners=["Housing Needs"],
                measures=["NI147 % of care leavers in suitable accommodation"],
                updates=[(150, "Panel meets fortnightly; terms of reference agreed.")],
            ),
            DemoAction(
                "Commission a framework of semi-independent accommodation providers with quality checks.",
                ["COMM"],
                4,
                "in_progress",
                "amber",
                ["CPB", "DMT"],
                measures=["Number of placements in unregulated settings"],
                updates=[(25, "Tender published; evaluation next month.")],
            ),
            DemoAction(
                "Give every care leaver a named personal adviser visit at least every eight weeks.",
                ["SMLC"],
                -1,
                "in_progress",
                "red",
                ["CPB"],
                measures=["% of care leavers visited in the last 8 weeks"],
                updates=[(65, "Caseloads reduced by moving two advisers from the 16+ team.")],
            ),
            DemoAction(
                "Work with the college and employers to create 20 apprenticeships for care leavers.",
                ["HCP"],
                6,
                "in_progress",
                "green",
                ["CPB", "Scrutiny"],
                partners=["Example College", "Chamber of Commerce"],
                measures=["NI148 % of care leavers in education, employment or training"],
                updates=[(18, "Twelve apprenticeship places pledged.")],
            ),
        ],
    ),
    DemoRecommendation(
        "5",
        "Permanence planning, so that children who cannot return home are matched with a permanent family"
        " without delay.",
        "Permanence",
        ["Children achieve permanence in a timescale that meets their needs"],
        [
            DemoAction(
                "Hold a permanence planning meeting for every child by their second review.",
                ["HCP"],
                1,
                "in_progress",
                "amber",
                ["CPB"],
                measures=["A1 average days from entering care to moving in with the adoptive family"],
                updates=[(45, "Meetings held for 70% of eligible children.")],
            ),
            DemoAction(
                "Agree fostering-to-adopt placements with the regional adoption agency.",
                ["HCP"],
                5,
                "not_started",
                None,
                ["CPB"],
                partners=["Regional Adoption Agency"],
                measures=["A10"],
            ),
            DemoAction(
                "Track children with a plan for adoption at the monthly permanence tracking panel.",
                ["ADCSC"],
                None,
                "in_progress",
                "green",
                ["DMT"],
                updates=[(10, "Panel tracking 14 children.")],
                due_text="Monthly from the start of the plan",
            ),
        ],
    ),
    DemoRecommendation(
        "6",
        "Multi-agency response to children who go missing from home or care.",
        "Help and protection",
        ["Every child who returns from missing is offered an interview and the risks are acted on"],
        [
            DemoAction(
                "Offer every child a return home interview within 72 hours.",
                ["HFS"],
                -2,
                "in_progress",
                "red",
                ["ESCP"],
                partners=["Police", "Commissioned missing service"],
                measures=["CLA39 children looked after who went missing"],
                updates=[(80, "Offer made in 78% of episodes.")],
            ),
            DemoAction(
                "Run a monthly multi-agency missing and exploitation meeting.",
                ["HFS"],
                -6,
                "complete",
                "blue",
                ["ESCP"],
                partners=["Police", "Health"],
                updates=[(170, "Meeting running since the inspection.")],
            ),
            DemoAction(
                "Train designated safeguarding leads in schools on recognising and reporting missing episodes.",
                ["HQA"],
                2,
                "not_started",
                None,
                ["ESCP"],
                partners=["Schools", "Education Safeguarding Team"],
                due_text=None,
            ),
            DemoAction(
                "Publish a missing children protocol agreed by the partnership.",
                ["HQA"],
                1,
                "in_progress",
                "amber",
                ["ESCP"],
                partners=["Police", "Health", "Schools"],
                updates=[(30, "Protocol in draft; comments from police awaited.")],
            ),
        ],
    ),
    DemoRecommendation(
        "7",
        "The use of performance information and audit by leaders to understand the quality of practice.",
        "Leadership and management",
        ["Leaders know the quality of practice and act on what they find"],
        [
            DemoAction(
                "Publish a monthly scorecard to the Improvement Board with targets and trends.",
                ["PERF"],
                -3,
                "complete",
                "blue",
                ["IB"],
                updates=[(100, "Scorecard published monthly since the first board.")],
            ),
            DemoAction(
                "Moderate a sample of audits each quarter to check grading is consistent.",
                ["HQA"],
                2,
                "in_progress",
                "green",
                ["IB"],
                updates=[(22, "First moderation found 3 of 20 audits over-graded.")],
            ),
            DemoAction(
                "Report practice learning from audits to the Scrutiny Panel twice a year.",
                ["ADCSC"],
                3,
                "not_started",
                None,
                ["Scrutiny"],
            ),
            DemoAction(
                "Commission a peer review of the front door through the regional improvement alliance.",
                ["DCS"],
                5,
                "not_started",
                None,
                ["IB"],
                partners=["Regional Improvement Alliance"],
            ),
        ],
    ),
    DemoRecommendation(
        "8",
        "Health assessments for children in care, so that they are completed on time and acted on.",
        "Children in care",
        ["Children in care have their health needs met"],
        [
            DemoAction(
                "Agree a tracker of initial health assessments with the health provider, reviewed weekly.",
                ["HQA"],
                -1,
                "in_progress",
                "amber",
                ["CPB"],
                partners=["Integrated Care Board", "Community health provider"],
                measures=["% of initial health assessments within 20 working days"],
                updates=[(55, "Tracker agreed; weekly call in place.")],
            ),
            DemoAction(
                "Notify health of every child entering care within two working days.",
                ["HFS"],
                -4,
                "complete",
                "blue",
                ["CPB"],
                partners=["Community health provider"],
                updates=[(110, "Automatic notification set up in the case system.")],
            ),
            DemoAction(
                "Escalate any assessment outstanding after 20 working days to the designated nurse.",
                ["HQA"],
                1,
                "in_progress",
                "green",
                ["CPB", "ESCP"],
                partners=["Designated nurse"],
            ),
        ],
    ),
]


# Quarterly scorecard values for the demo, oldest first (six quarters up to the last one
# completed), with the target each indicator is working to and its tolerance. Numerators
# and denominators are given where a board would ask "how many of how many".
DEMO_SCORECARD: dict[str, dict[str, Any]] = {
    "NI66": {
        "values": [(114, 160), (117, 158), (126, 161), (135, 163), (138, 160), (143, 162)],
        "target": 90,
        "tolerance": 5,
    },
    "NI147": {"values": [(44, 61), (46, 62), (47, 60), (49, 61), (52, 63), (54, 62)], "target": 90, "tolerance": 5},
    "NI148": {"values": [(31, 61), (30, 62), (33, 60), (34, 61), (36, 63), (35, 62)], "target": 60, "tolerance": 5},
    "CIN-A45": {
        "values": [(301, 420), (322, 431), (350, 426), (371, 433), (380, 429), (391, 437)],
        "target": 90,
        "tolerance": 5,
    },
    "CLA39": {"values": [19, 22, 17, 15, 16, 12], "target": 12, "tolerance": 3},
    "A1": {"values": [498, 486, 470, 455, 446, 431], "target": 426, "tolerance": 30},
}


def _financial_quarters_before(today: date, count: int) -> list[str]:
    """Labels like '2025-26 Q2' for the ``count`` quarters completed before ``today``."""
    # Financial quarter 1 is April to June; number quarters from April of year 0.
    index = (today.year * 12 + today.month - 4) // 3 - 1
    labels = []
    for quarter in range(index - count + 1, index + 1):
        year, number = divmod(quarter, 4)
        labels.append(f"{year}-{(year + 1) % 100:02d} Q{number + 1}")
    return labels


def _demo_scorecard(organisation: Organisation, today: date) -> None:
    """Six quarters of values and a target for the indicators the demo plan names, and
    the plan's measures linked to them, as a plan manager would have confirmed."""
    from lineofsight.indicators.models import IndicatorLink, Target
    from lineofsight.indicators.services import code_index, import_values_csv, refresh_link_suggestions

    quarters = _financial_quarters_before(today, 6)
    rows = ["code,period,value,numerator,denominator"]
    for code, spec in DEMO_SCORECARD.items():
        for label, value in zip(quarters, spec["values"], strict=True):
            if isinstance(value, tuple):
                numerator, denominator = value
                rows.append(f"{code},{label},{round(100 * numerator / denominator, 1)},{numerator},{denominator}")
            else:
                rows.append(f"{code},{label},{value},,")
    import_values_csv(organisation, "\n".join(rows).encode(), source="demo scorecard", via="Demo data")
    index = code_index(organisation)
    target_date = _month_end_after(today, 12)
    for code, spec in DEMO_SCORECARD.items():
        Target.objects.get_or_create(
            indicator=index[code],
            defaults={"value": spec["target"], "by_date": target_date, "tolerance": spec["tolerance"]},
        )
    refresh_link_suggestions(organisation)
    IndicatorLink.objects.filter(indicator__organisation=organisation, rejected=False).update(confirmed=True)


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_end_after(today: date, months: int) -> date:
    total = today.year * 12 + today.month - 1 + months
    return _last_day(total // 12, total % 12 + 1)


def demo_document(today: date) -> dict[str, Any]:
    """The demo plan in the interchange format, dated relative to ``today``."""
    inspection_end = today - timedelta(days=180)
    body_names = {short: name for name, short, _, _ in BODIES}
    recommendations = []
    for rec in RECOMMENDATIONS:
        actions = []
        for position, act in enumerate(rec.actions):
            if act.due_months is None:
                due = {"text": act.due_text or "Ongoing", "date": None}
            else:
                deadline = _month_end_after(today, act.due_months)
                due = {"text": act.due_text or deadline.strftime("%B %Y"), "date": deadline.isoformat()}
            actions.append(
                {
                    "ref": "abcdefgh"[position],
                    "text": act.text,
                    "owners": [PEOPLE[key][0] for key in act.owners],
                    "partners": act.partners,
                    "due": due,
                    "status": act.status,
                    "rag": act.rag,
                    "measures": act.measures,
                    "reported_to": [body_names[short] for short in act.bodies],
                    "updates": [
                        {"as_of": (today - timedelta(days=days)).isoformat(), "text": text}
                        for days, text in sorted(act.updates, reverse=True)
                    ],
                }
            )
        recommendations.append(
            {
                "ref": rec.ref,
                "text": rec.text,
                "section": rec.section,
                "outcomes": rec.outcomes,
                "see_also": [],
                "actions": actions,
            }
        )
    return {
        "schema": "lineofsight/plan@1",
        "title": PLAN_TITLE,
        "organisation": ORG_NAME,
        "inspection": {
            "kind": "ILACS",
            "started": (inspection_end - timedelta(days=11)).isoformat(),
            "ended": inspection_end.isoformat(),
        },
        "recommendations": recommendations,
    }


@transaction.atomic
def load_demo(today: date, *, with_users: bool = True) -> tuple[Organisation, Plan, bool]:
    """Create the demo organisation, bodies, people, plan and sign-ins once.

    Returns (organisation, plan, created); running it again changes nothing.
    """
    organisation, _ = Organisation.objects.get_or_create(slug=ORG_SLUG, defaults={"name": ORG_NAME})
    for name, short, chair, frequency in BODIES:
        GovernanceBody.objects.get_or_create(
            organisation=organisation,
            name=name,
            defaults={"short_name": short, "chair": chair, "meeting_frequency": frequency},
        )
    for name, role_title in PEOPLE.values():
        Person.objects.get_or_create(organisation=organisation, name=name, defaults={"role_title": role_title})
    plan = Plan.objects.filter(organisation=organisation, title=PLAN_TITLE).first()
    created = plan is None
    if plan is None:
        plan = load_plan(demo_document(today), organisation, source="demo plan")
        _finish_demo_plan(plan)
        from lineofsight.tracking.services import refresh_rag

        refresh_rag(Action.objects.filter(recommendation__plan=plan), today)
        _demo_scorecard(organisation, today)
    if with_users:
        _create_demo_users(organisation)
    _give_owners_example_addresses(organisation)
    return organisation, plan, created


def _give_owners_example_addresses(organisation: Organisation) -> None:
    """Every demo owner gets an address at example.invalid (a domain that can never
    receive mail), so `lineofsight remind --dry-run` shows every reminder reaching someone."""
    from django.utils.text import slugify

    for person in Person.objects.filter(organisation=organisation, email=""):
        local = slugify(person.name.split(" – ")[0])[:60] or f"owner-{person.pk}"
        person.email = f"{local}@example.invalid"
        person.save(update_fields=["email"])


def _finish_demo_plan(plan: Plan) -> None:
    """Details the interchange format does not carry: judgements and update ratings."""
    inspection = plan.inspection
    assert inspection is not None
    inspection.published = inspection.ended + timedelta(days=35) if inspection.ended else None
    inspection.save()
    for area, grade in [
        ("Overall effectiveness", Judgement.Grade.REQUIRES_IMPROVEMENT),
        (
            "The impact of leaders on social work practice with children and families",
            Judgement.Grade.REQUIRES_IMPROVEMENT,
        ),
        ("The experiences and progress of children who need help and protection", Judgement.Grade.REQUIRES_IMPROVEMENT),
        ("The experiences and progress of children in care", Judgement.Grade.GOOD),
        ("The experiences and progress of care leavers", Judgement.Grade.REQUIRES_IMPROVEMENT),
    ]:
        Judgement.objects.create(inspection=inspection, area=area, grade=grade)
    # Imported updates carry no rating; give the latest of each action the action's
    # status and RAG so the demo shows rated, signed-off progress.
    for update in ProgressUpdate.objects.filter(action__recommendation__plan=plan).select_related("action"):
        update.status = update.action.status
        update.rag = update.action.rag
        update.review = ProgressUpdate.Review.ACCEPTED
        update.save()


def _create_demo_users(organisation: Organisation) -> None:
    users = get_user_model()
    for demo in DEMO_USERS:
        first, _, last = demo.full_name.rpartition(" ")
        user, created = users.objects.get_or_create(
            username=demo.username,
            defaults={"first_name": first, "last_name": last, "email": f"{demo.username}@example.invalid"},
        )
        if created:
            user.set_password(demo.password)
            user.save()
        Membership.objects.get_or_create(user=user, organisation=organisation, defaults={"role": demo.role})
        if demo.person:
            Person.objects.filter(organisation=organisation, name=demo.person).update(user=user, email=user.email)
    admin, created = users.objects.get_or_create(
        username="admin", defaults={"is_staff": True, "is_superuser": True, "email": "admin@example.invalid"}
    )
    if created:
        admin.set_password("demo-admin-pass")
        admin.save()
    Membership.objects.get_or_create(user=admin, organisation=organisation, defaults={"role": Role.ADMIN})
