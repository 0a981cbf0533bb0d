"""The plan manager checks and corrects an import before confirming: inspection dates
that date "3 months", owner spellings merged (and kept as aliases), an action's text,
owners, deadline and recommendation corrected, with or without JavaScript."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lineofsight.importing.models import ImportSession
from lineofsight.importing.review import review_warnings
from lineofsight.plans.models import Action, Person, PersonAlias, Plan

pytestmark = pytest.mark.django_db

ROWS = [
    (
        "1",
        "Managers' oversight of casework is not consistently effective.",
        "Audit supervision records monthly.",
        "Julian Watkins – Head of Service",
        "3 months",
        "Improvement Board",
    ),
    (
        "1",
        "Managers' oversight of casework is not consistently effective.",
        "Train all team managers in reflective supervision.",
        "Julian Watkins, Head of Service",
        "31 January 2026",
        "Improvement Board",
    ),
    (
        "2",
        "Care leavers do not all have a pathway plan.",
        "Review every pathway plan.",
        "Fiona MacKirdy",
        "6 months",
        "Corporate Parenting Board",
    ),
    ("2", "Care leavers do not all have a pathway plan.", "Hold a care leavers' forum.", "", "", ""),
]


def focused_visit_docx() -> bytes:
    """A short Word plan with two spellings of one owner and relative timescales."""
    import docx

    document = docx.Document()
    document.add_heading("Example Borough Council", level=1)
    document.add_paragraph("Focused visit improvement plan")
    table = document.add_table(rows=1, cols=6)
    for cell, header in zip(
        table.rows[0].cells,
        ["Ref", "Recommendation", "Action", "Lead officer", "Timescale", "Reported to"],
        strict=True,
    ):
        cell.text = header
    for row in ROWS:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture
def session(client_for, plan_manager) -> ImportSession:  # type: ignore[no-untyped-def]
    upload = SimpleUploadedFile("focused-visit.docx", focused_visit_docx())
    response = client_for(plan_manager).post(reverse("importing:upload"), {"document": upload})
    assert response.status_code == 302
    return ImportSession.objects.get()


def test_upload_asks_for_the_inspection_and_dates_relative_timescales(client_for, plan_manager):
    upload = SimpleUploadedFile("focused-visit.docx", focused_visit_docx())
    client_for(plan_manager).post(
        reverse("importing:upload"),
        {
            "document": upload,
            "inspection_kind": "Focused visit",
            "inspection_start": "2025-10-01",
            "inspection_end": "2025-10-03",
        },
    )
    document = ImportSession.objects.get().plan_document
    assert document["inspection"] == {"kind": "Focused visit", "started": "2025-10-01", "ended": "2025-10-03"}
    assert document["recommendations"][0]["actions"][0]["due"] == {"text": "3 months", "date": "2026-01-03"}


def test_preview_warns_with_where_and_shows_everything_in_council_words(client_for, plan_manager, session):
    html = client_for(plan_manager).get(reverse("importing:preview", args=[session.pk])).content.decode()
    assert "31 Jan 2026" in html
    assert "Reported to: Improvement Board" in html
    assert "The title block says: Focused visit" in html
    kinds = {(w.kind, w.where) for w in review_warnings(session.plan_document)}
    assert ("relative_deadline", "Recommendation 1, action 1") in kinds
    assert ("no_owner", "Recommendation 2, action 2") in kinds
    assert ("no_deadline", "Recommendation 2, action 2") in kinds
    assert ("owner_lookalike", "Owners") in kinds
    assert "counts from the inspection: give the inspection&#x27;s last day to date it" in html


def test_inspection_set_in_the_preview_dates_the_relative_timescales(client_for, plan_manager, session):
    response = client_for(plan_manager).post(
        reverse("importing:preview_inspection", args=[session.pk]), {"kind": "Focused visit", "ended": "2025-10-03"}
    )
    assert response.status_code == 302
    session.refresh_from_db()
    dues = [a["due"] for r in session.plan_document["recommendations"] for a in r["actions"]]
    assert dues[0]["date"] == "2026-01-03"
    assert dues[2]["date"] == "2026-04-03"
    kinds = {w.kind for w in review_warnings(session.plan_document)}
    assert "relative_deadline" not in kinds


def test_an_inspection_ending_before_it_began_is_refused_and_changes_nothing(client_for, plan_manager, session):
    before = session.plan_document
    response = client_for(plan_manager).post(
        reverse("importing:preview_inspection", args=[session.pk]),
        {"kind": "Focused visit", "started": "2025-10-03", "ended": "2025-09-29"},
    )
    assert response.status_code == 400
    assert "The last day must be on or after the first day" in response.content.decode()
    session.refresh_from_db()
    assert session.plan_document == before


def test_merged_owner_spellings_become_one_person_with_an_alias(client_for, plan_manager, council, session):
    client = client_for(plan_manager)
    client.post(
        reverse("importing:preview_merge", args=[session.pk]),
        {
            "keep": "Julian Watkins – Head of Service",
            "merge": ["Julian Watkins – Head of Service", "Julian Watkins, Head of Service"],
        },
    )
    client.post(reverse("importing:confirm", args=[session.pk]))
    plan = Plan.objects.get()
    julian = Person.objects.get(organisation=council, name="Julian Watkins – Head of Service")
    assert Action.objects.filter(recommendation__plan=plan, owner_links__person=julian).count() == 2
    assert not Person.objects.filter(name="Julian Watkins, Head of Service").exists()
    assert PersonAlias.objects.get(name="Julian Watkins, Head of Service").person == julian
    assert {b.name for b in council.governance_bodies.all()} == {"Improvement Board", "Corporate Parenting Board"}


def test_an_action_is_corrected_without_javascript(client_for, plan_manager, session):
    url = reverse("importing:preview_action", args=[session.pk, 1, 1])
    client = client_for(plan_manager)
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "text": "Hold a care leavers' forum every quarter.",
            "owners": "Fiona MacKirdy",
            "due_text": "June 2026",
            "due_date": "2026-06-30",
            "recommendation": "1",
        },
    )
    assert response.status_code == 302
    session.refresh_from_db()
    action = session.plan_document["recommendations"][1]["actions"][1]
    assert action["owners"] == ["Fiona MacKirdy"]
    assert action["due"] == {"text": "June 2026", "date": "2026-06-30"}


def test_an_action_moved_to_another_recommendation_fixes_the_grouping(client_for, plan_manager, session):
    url = reverse("importing:preview_action", args=[session.pk, 1, 1])
    client_for(plan_manager).post(url, {"text": "Hold a forum.", "recommendation": "0"})
    session.refresh_from_db()
    texts = [[a["text"] for a in r["actions"]] for r in session.plan_document["recommendations"]]
    assert texts[0][-1] == "Hold a forum."
    assert len(texts[1]) == 1


def test_htmx_correction_returns_the_row_alone(client_for, plan_manager, session):
    url = reverse("importing:preview_action", args=[session.pk, 0, 0])
    client = client_for(plan_manager)
    form = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert form.strip().startswith('<tr class="govuk-table__row" id="action-0-0">')
    row = client.post(
        url,
        {"text": "Audit supervision records monthly.", "owners": "Julian Watkins", "recommendation": "0"},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert "<html" not in row and "Julian Watkins" in row


def test_correction_of_an_action_that_is_not_there_is_404(client_for, plan_manager, session):
    response = client_for(plan_manager).get(reverse("importing:preview_action", args=[session.pk, 5, 0]))
    assert response.status_code == 404


def test_reimport_preview_shows_owners_and_deadlines_in_words_not_python(client_for, plan_manager, example_plan):
    from lineofsight.importing.services import held_document

    document = held_document(example_plan)
    action = document["recommendations"][0]["actions"][1]
    action["owners"] = ["Integrated Commissioning Unit Nick Cross"]
    action["due"] = {"text": "September 2026", "date": "2026-09-30"}
    session = ImportSession.objects.create(
        organisation=example_plan.organisation,
        user=plan_manager,
        filename="v2.docx",
        plan_document=document,
        target_plan=example_plan,
    )
    html = client_for(plan_manager).get(reverse("importing:preview", args=[session.pk])).content.decode()
    assert "[&#x27;" not in html and "['" not in html
    assert "Integrated Commissioning Unit Nick Cross" in html
    assert "September 2026 (30 Sep 2026)" in html


def test_a_status_read_from_the_timescale_is_flagged_as_a_guess():
    document = {
        "recommendations": [
            {
                "ref": "1",
                "text": "R",
                "actions": [
                    {
                        "text": "A",
                        "owners": ["X"],
                        "due": {"text": "Completed March 2025", "date": "2025-03-31"},
                        "status": "complete",
                    },
                    {
                        "text": "B",
                        "owners": ["X"],
                        "due": {"text": "March 2025", "date": "2025-03-31"},
                        "status": "complete",
                    },
                ],
            }
        ]
    }
    guesses = [w for w in review_warnings(document) if w.kind == "guessed_status"]
    assert [(w.where, w.message) for w in guesses] == [
        (
            "Recommendation 1, action 1",
            "Status 'Complete' was read from the timescale 'Completed March 2025': check it",
        )
    ]


def test_a_column_read_as_the_wrong_thing_is_read_again_for_every_action(client_for, plan_manager, session):
    client = client_for(plan_manager)
    response = client.post(
        reverse("importing:preview_reassign", args=[session.pk]), {"source": "reported_to", "target": "partners"}
    )
    assert response.status_code == 302
    session.refresh_from_db()
    first = session.plan_document["recommendations"][0]["actions"][0]
    assert (first["reported_to"], first["partners"]) == ([], ["Improvement Board"])
    html = client.get(reverse("importing:preview", args=[session.pk])).content.decode()
    assert "Partners: Improvement Board" in html
    same = client.post(
        reverse("importing:preview_reassign", args=[session.pk]), {"source": "owners", "target": "owners"}
    )
    assert same.status_code == 400
    assert "Choose a different column" in same.content.decode()


def test_a_timescale_column_read_from_another_is_dated():
    from lineofsight.importing.review import reassign_field

    document = {
        "inspection": {"ended": "2025-10-03"},
        "recommendations": [
            {"ref": "1", "text": "R", "actions": [{"text": "A", "measures": ["3 months"], "due": None}]}
        ],
    }
    assert reassign_field(document, "measures", "due") == 1
    assert document["recommendations"][0]["actions"][0]["due"] == {"text": "3 months", "date": "2026-01-03"}
