"""Two people editing one action: the second save is refused, never a silent overwrite."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lineofsight.plans import changes
from lineofsight.plans.models import Person
from lineofsight.tracking import services
from lineofsight.tracking.tests.edit_form import action_edit_form

pytestmark = pytest.mark.django_db


def test_plan_manager_can_edit_an_action(client_for, plan_manager, action_1b) -> None:
    url = reverse("tracking:edit_action", args=[action_1b.pk])
    client = client_for(plan_manager)
    assert client.get(url).status_code == 200
    response = client.post(
        url, action_edit_form(action_1b, text="Review every placement by June.", due_date="2026-07-31")
    )
    assert response.status_code == 302
    action_1b.refresh_from_db()
    assert (action_1b.text, str(action_1b.due_date), action_1b.version) == (
        "Review every placement by June.",
        "2026-07-31",
        2,
    )


def test_second_save_is_refused_showing_the_other_change(client_for, plan_manager, admin_user, action_1b) -> None:
    url = reverse("tracking:edit_action", args=[action_1b.pk])
    opened_by_priya = action_edit_form(action_1b)
    opened_by_alice = action_edit_form(action_1b)
    # Alice saves first.
    opened_by_alice["due_date"] = "2026-09-30"
    assert client_for(admin_user).post(url, opened_by_alice).status_code == 302
    # Priya, still on version 1, saves her own text.
    opened_by_priya["text"] = "Priya's careful rewording of the action."
    response = client_for(plan_manager).post(url, opened_by_priya)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else saved this action after you opened it" in html
    assert "Saved by alice.admin" in html
    assert "30 Jun 2026</del> → <ins>30 Sep 2026" in html
    assert "Priya&#x27;s careful rewording of the action." in html  # her text is kept
    assert 'name="version" value="2"' in html
    action_1b.refresh_from_db()
    assert action_1b.text == "Review every unsuitable placement of a care leaver."  # not overwritten
    assert str(action_1b.due_date) == "2026-09-30"
    # Having seen Alice's change, Priya saves again deliberately.
    opened_by_priya["version"] = 2
    assert client_for(plan_manager).post(url, opened_by_priya).status_code == 302
    action_1b.refresh_from_db()
    assert action_1b.text == "Priya's careful rewording of the action."


def test_an_update_posted_meanwhile_also_refuses_the_stale_edit(
    client_for, plan_manager, action_owner, action_1b
) -> None:
    url = reverse("tracking:edit_action", args=[action_1b.pk])
    stale_form = action_edit_form(action_1b, status="not_started")
    services.post_update(action_1b, action_owner, services.UpdateInput("Now complete", status="complete"))
    response = client_for(plan_manager).post(url, stale_form)
    assert response.status_code == 409
    assert "In progress</del> → <ins>Complete" in response.content.decode()
    action_1b.refresh_from_db()
    assert action_1b.status == "complete"


def test_the_conditional_update_is_the_guard(plan_manager, admin_user, action_1b) -> None:
    services.edit_action(action_1b, admin_user, expected_version=1, fields={"text": "First"})
    with pytest.raises(changes.EditConflict) as caught:
        services.edit_action(action_1b, plan_manager, expected_version=1, fields={"text": "Second"})
    assert [(c.field, c.old, c.new, c.who) for c in caught.value.changes] == [
        ("text", "Review every unsuitable placement of a care leaver.", "First", "alice.admin")
    ]
    action_1b.refresh_from_db()
    assert action_1b.text == "First"


def test_owners_can_be_changed_in_the_edit_form(client_for, plan_manager, council, action_1b) -> None:
    extra = Person.objects.create(organisation=council, name="Housing Options Manager")
    current = [link.person_id for link in action_1b.owner_links.all()]
    client_for(plan_manager).post(
        reverse("tracking:edit_action", args=[action_1b.pk]), action_edit_form(action_1b, owners=[*current, extra.pk])
    )
    assert action_1b.owner_names() == ["Service Manager, Leaving Care", "Housing Options Manager"]


def test_owners_from_another_council_cannot_be_chosen(client_for, plan_manager, other_council, action_1b) -> None:
    foreign = Person.objects.create(organisation=other_council, name="Spy")
    response = client_for(plan_manager).post(
        reverse("tracking:edit_action", args=[action_1b.pk]), action_edit_form(action_1b, owners=[foreign.pk])
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
