"""A plan manager maintains the plan in the browser: plan details and inspection,
recommendations and actions added, edited, reordered and archived; people merged and
linked to sign-ins; governance bodies managed."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from lineofsight.importing.services import apply_reimport, held_document
from lineofsight.plans.interchange import export_plan, load_plan, plan_queryset
from lineofsight.plans.models import Action, GovernanceBody, Person, PersonAlias, Recommendation
from lineofsight.plans.people import name_key, suggest_merges
from lineofsight.tracking import services as tracking

pytestmark = pytest.mark.django_db


@pytest.fixture
def action_1b(example_plan):  # type: ignore[no-untyped-def]
    """'Review every unsuitable placement', owned by the Service Manager, Leaving Care."""
    return Action.objects.get(recommendation__plan=example_plan, ref="b")


@pytest.fixture
def action_2(example_plan):  # type: ignore[no-untyped-def]
    """The weekly tracker of reviews, with no deadline date."""
    return Action.objects.get(recommendation__plan=example_plan, text__startswith="Weekly tracker")


def test_spellings_of_one_person_share_a_key():
    spellings = [
        "Julian Watkins – Head of Service",
        "Julian Watkins - Head of Service",
        "Julian Watkins, Head of Service",
        "Fiona Mackirdy",
        "Fiona MacKirdy",
        "Head of Corporate Parenting",
    ]
    assert len({name_key(s) for s in spellings[:3]}) == 1
    assert suggest_merges(spellings) == [spellings[:3], spellings[3:5]]


def test_plan_manager_edits_the_plan_title_status_and_inspection(client_for, plan_manager, example_plan):
    response = client_for(plan_manager).post(
        reverse("plans:plan_edit", args=[example_plan.pk]),
        {
            "title": "Improvement plan 2026",
            "status": "active",
            "kind": "ILACS",
            "started": "2026-01-12",
            "ended": "2026-01-23",
            "grade_overall": "requires_improvement",
            "grade_care_leavers": "inadequate",
        },
    )
    assert response.status_code == 302
    example_plan.refresh_from_db()
    assert example_plan.title == "Improvement plan 2026"
    assert example_plan.inspection.ended == date(2026, 1, 23)
    grades = {j.area: j.grade for j in example_plan.inspection.judgements.all()}
    assert grades == {
        "Overall effectiveness": "requires_improvement",
        "The experiences and progress of care leavers": "inadequate",
    }


def test_inspection_that_ends_before_it_starts_is_refused(client_for, plan_manager, example_plan):
    response = client_for(plan_manager).post(
        reverse("plans:plan_edit", args=[example_plan.pk]),
        {"title": "x", "status": "active", "kind": "ILACS", "started": "2026-01-23", "ended": "2026-01-12"},
    )
    assert response.status_code == 400
    assert "The last day must be on or after the first day" in response.content.decode()


def test_plan_manager_adds_a_recommendation_and_an_action_with_owners_and_bodies(
    client_for, plan_manager, example_plan
):
    client = client_for(plan_manager)
    response = client.post(
        reverse("plans:recommendation_add", args=[example_plan.pk]),
        {"ref": "3", "text": "Strengthen management oversight of supervision.", "outcomes": "Every child\n\nSeen"},
    )
    recommendation = Recommendation.objects.get(text="Strengthen management oversight of supervision.")
    assert response.status_code == 302
    assert (recommendation.order, recommendation.outcomes) == (2, ["Every child", "Seen"])
    board = GovernanceBody.objects.get(name="Improvement Board")
    head = Person.objects.get(name="Head of Corporate Parenting")
    response = client.post(
        reverse("plans:action_add", args=[recommendation.pk]),
        {
            "text": "Monthly audit of supervision records.",
            "owners": [head.pk],
            "new_owner": "Jo Bloggs – Principal Social Worker",
            "partners": "Health\nPolice",
            "due_text": "March 2027",
            "due_date": "2027-03-31",
            "measures": "Supervision on time",
            "reported_to": [board.pk],
        },
    )
    assert response.status_code == 302
    action = Action.objects.get(text="Monthly audit of supervision records.")
    assert action.owner_names() == ["Head of Corporate Parenting", "Jo Bloggs – Principal Social Worker"]
    assert (action.partners, action.measures, action.body_names()) == (
        ["Health", "Police"],
        ["Supervision on time"],
        ["Improvement Board"],
    )
    assert action.rag_computed  # rated by the council's rules on the way in
    page = client.get(reverse("plans:plan_detail", args=[example_plan.pk])).content.decode()
    assert "Monthly audit of supervision records." in page


def test_recommendations_and_actions_move_up_and_down(client_for, plan_manager, example_plan):
    first, second = list(example_plan.recommendations.all())
    client_for(plan_manager).post(reverse("plans:recommendation_move", args=[second.pk]), {"direction": "up"})
    assert list(example_plan.recommendations.all()) == [second, first]
    a, b = list(first.actions.all())
    client_for(plan_manager).post(reverse("plans:action_move", args=[a.pk]), {"direction": "down"})
    assert list(first.actions.all()) == [b, a]
    assert a.history.first().history_change_reason == "Reordered"


def test_archiving_a_recommendation_archives_its_actions_and_restoring_brings_them_back(
    client_for, plan_manager, example_plan
):
    recommendation = example_plan.recommendations.first()
    client = client_for(plan_manager)
    client.post(reverse("plans:recommendation_archive", args=[recommendation.pk]))
    assert example_plan.recommendations.count() == 1
    assert Action.objects.filter(recommendation=recommendation).count() == 0
    archive = client.get(reverse("plans:plan_archive", args=[example_plan.pk])).content.decode()
    assert "Care leavers do not all live in suitable accommodation." in archive
    client.post(reverse("plans:recommendation_archive", args=[recommendation.pk]), {"restore": "1"})
    assert Action.objects.filter(recommendation=recommendation).count() == 2


def test_archived_action_page_still_shows_its_history(client_for, plan_manager, viewer, action_1b):
    client_for(plan_manager).post(reverse("plans:action_archive", args=[action_1b.pk]))
    page = client_for(viewer).get(reverse("plans:action_detail", args=[action_1b.pk])).content.decode()
    assert "Archived on" in page
    assert "Action edited" in page


def test_moved_deadline_shows_the_original_date_and_reason(client_for, plan_manager, viewer, action_1b):
    tracking.edit_action(
        action_1b,
        plan_manager,
        expected_version=1,
        fields={"due_date": date(2026, 9, 30)},
        deadline_reason="Housing panel started late",
    )
    page = client_for(viewer).get(reverse("plans:action_detail", args=[action_1b.pk])).content.decode()
    assert "Originally 30 June 2026; moved because: Housing panel started late" in page


def test_edit_form_without_a_reason_for_a_moved_deadline_is_refused(client_for, plan_manager, action_1b):
    data = {
        "text": action_1b.text,
        "due_date": "2026-09-30",
        "version": 1,
        "owners": [link.person_id for link in action_1b.owner_links.all()],
    }
    response = client_for(plan_manager).post(reverse("tracking:edit_action", args=[action_1b.pk]), data)
    assert response.status_code == 400
    assert "Say why the deadline moved" in response.content.decode()
    action_1b.refresh_from_db()
    assert action_1b.due_date == date(2026, 6, 30)


def test_edit_form_sets_partners_measures_and_reported_to(client_for, plan_manager, action_2):
    scrutiny = GovernanceBody.objects.create(organisation=action_2.recommendation.plan.organisation, name="Scrutiny")
    data = {
        "text": action_2.text,
        "due_text": action_2.due_text,
        "version": 1,
        "owners": [link.person_id for link in action_2.owner_links.all()],
        "partners": "Health",
        "measures": "NI66\nReviews on time",
        "reported_to": [scrutiny.pk],
        "bodies_shown": "1",
    }
    response = client_for(plan_manager).post(reverse("tracking:edit_action", args=[action_2.pk]), data)
    assert response.status_code == 302
    action_2.refresh_from_db()
    assert (action_2.partners, action_2.measures, action_2.body_names()) == (
        ["Health"],
        ["NI66", "Reviews on time"],
        ["Scrutiny"],
    )


def test_merging_spellings_keeps_aliases_that_a_later_import_maps_to_the_same_person(
    client_for, plan_manager, council, example_plan
):
    document = held_document(example_plan)
    document["recommendations"][1]["actions"][0]["owners"] = ["Service Manager - Leaving Care"]
    apply_reimport(example_plan, document)
    variant = Person.objects.get(name="Service Manager - Leaving Care")
    keep = Person.objects.get(name="Service Manager, Leaving Care")
    page = client_for(plan_manager).get(reverse("plans:people")).content.decode()
    assert "Spellings that look like one person" in page

    client_for(plan_manager).post(reverse("plans:people_merge"), {"keep": keep.pk, "merge": [keep.pk, variant.pk]})

    assert not Person.objects.filter(pk=variant.pk).exists()
    assert PersonAlias.objects.get(name="Service Manager - Leaving Care").person == keep
    assert Action.objects.filter(owner_links__person=keep).count() == 2
    next_plan = export_plan(plan_queryset().get(pk=example_plan.pk))
    next_plan["recommendations"] = next_plan["recommendations"][1:]
    next_plan["recommendations"][0]["actions"][0]["owners"] = ["Service Manager - Leaving Care"]
    again = load_plan(next_plan, council)
    assert Action.objects.get(recommendation__plan=again).owner_names() == ["Service Manager, Leaving Care"]


def test_person_linked_to_a_sign_in_sees_their_actions_in_my_actions(client_for, plan_manager, viewer, example_plan):
    person = Person.objects.get(name="Head of Safeguarding and Quality Assurance")
    response = client_for(plan_manager).post(
        reverse("plans:person_edit", args=[person.pk]),
        {"name": person.name, "email": "hosqa@example.test", "user": viewer.pk},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.user, person.email) == (viewer, "hosqa@example.test")
    html = client_for(viewer).get(reverse("tracking:my_actions")).content.decode()
    assert "Weekly tracker of reviews due" in html


def test_plan_manager_creates_and_edits_a_governance_body(client_for, plan_manager, council):
    client = client_for(plan_manager)
    response = client.post(
        reverse("plans:governance_bodies"),
        {
            "name": "Children's Scrutiny Panel",
            "short_name": "CSP",
            "chair": "Cllr Patel",
            "meeting_frequency": "Monthly",
        },
    )
    assert response.status_code == 302
    body = GovernanceBody.objects.get(organisation=council, name="Children's Scrutiny Panel")
    assert (body.short_name, body.chair, body.meeting_frequency) == ("CSP", "Cllr Patel", "Monthly")
    duplicate = client.post(reverse("plans:governance_bodies"), {"name": "Children's Scrutiny Panel"})
    assert duplicate.status_code == 400
    assert "There is already a governance body called" in duplicate.content.decode()
    client.post(
        reverse("plans:governance_body_edit", args=[body.pk]), {"name": body.name, "meeting_frequency": "Quarterly"}
    )
    body.refresh_from_db()
    assert body.meeting_frequency == "Quarterly"


def test_viewer_may_read_people_and_bodies_but_not_change_them(client_for, viewer, example_plan):
    client = client_for(viewer)
    assert client.get(reverse("plans:people")).status_code == 200
    assert client.post(reverse("plans:governance_bodies"), {"name": "Shadow board"}).status_code == 403
    assert not GovernanceBody.objects.filter(name="Shadow board").exists()
    person = Person.objects.first()
    assert client.post(reverse("plans:person_edit", args=[person.pk]), {"name": "Renamed"}).status_code == 403


def test_ofsted_table_is_linked_from_the_plan_and_no_word_breaks_in_its_columns(client_for, viewer, example_plan):
    import io

    import docx

    from lineofsight.reports.plan_table import CELL_PADDING_CM, CM_PER_CHAR, TABLE_WIDTH_CM

    client = client_for(viewer)
    page = client.get(reverse("plans:plan_detail", args=[example_plan.pk])).content.decode()
    url = reverse("reports:plan_table", args=[example_plan.pk, "docx"])
    assert url in page
    assert reverse("reports:plan_table", args=[example_plan.pk, "xlsx"]) in page
    table = docx.Document(io.BytesIO(client.get(url).content)).tables[0]
    widths = [column.width.cm for column in table.columns]
    # A heading row is one cell merged across the table; it has the whole width.
    rows = [row for row in table.rows if len({cell._tc for cell in row.cells}) > 1]
    for k in range(len(table.columns)):
        words = [word for row in rows for word in row.cells[k].text.split()]
        longest = max(len(word) for word in words)
        assert widths[k] >= longest * CM_PER_CHAR + CELL_PADDING_CM - 0.01, (table.rows[0].cells[k].text, widths[k])
    assert sum(widths) <= TABLE_WIDTH_CM + 0.01


@pytest.mark.parametrize("extra", [0, 30])
def test_people_and_bodies_pages_cost_the_same_queries_however_many_people(
    client_for, plan_manager, example_plan, django_assert_max_num_queries, extra
):
    organisation = example_plan.organisation
    action = Action.objects.filter(recommendation__plan=example_plan).first()
    for n in range(extra):
        person = Person.objects.create(organisation=organisation, name=f"Officer {n} – Head of Service")
        tracking.change_action(
            action, plan_manager, owners=[*[link.person for link in action.owner_links.all()], person], refresh=False
        )
        GovernanceBody.objects.create(organisation=organisation, name=f"Panel {n}")
    client = client_for(plan_manager)
    with django_assert_max_num_queries(7):
        assert client.get(reverse("plans:people")).status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get(reverse("plans:governance_bodies")).status_code == 200
