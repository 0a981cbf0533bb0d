"""Owners post progress with evidence; plan managers sign it off or return it."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from lineofsight.plans.models import ProgressUpdate
from lineofsight.tracking import services
from lineofsight.tracking.models import EvidenceFile

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

pytestmark = pytest.mark.django_db


def _post(client, action, **data):  # type: ignore[no-untyped-def]
    payload = {"text": "Reviewed 12 of 15 placements.", "status": "in_progress", "rag": "amber", "impact": ""}
    payload.update(data)
    return client.post(reverse("tracking:post_update", args=[action.pk]), payload)


def test_owner_can_post_update_with_evidence(client_for, action_owner, action_1b) -> None:
    client = client_for(action_owner)
    evidence = SimpleUploadedFile("placement-audit.pdf", PDF, content_type="application/pdf")
    response = _post(client, action_1b, evidence=[evidence])
    assert response.status_code == 302
    update = action_1b.updates.get(review=ProgressUpdate.Review.SUBMITTED)
    assert update.author == action_owner
    assert update.text == "Reviewed 12 of 15 placements."
    stored = update.evidence.get()
    assert stored.original_name == "placement-audit.pdf"
    assert stored.size == len(PDF)
    assert stored.file.name.startswith(f"evidence/{action_1b.recommendation.plan.organisation_id}/{action_1b.pk}/")
    assert default_storage.exists(stored.file.name)
    action_1b.refresh_from_db()
    # The delivery status lands at once; the proposed RAG waits for sign-off.
    assert (action_1b.status, action_1b.rag, update.rag) == ("in_progress", "red", "amber")
    assert action_1b.version == 2


def test_a_proposed_rag_is_shown_beside_the_rating_until_it_is_signed_off(
    client_for, action_owner, plan_manager, action_1b
) -> None:
    """1b was imported red; the owner's green proposal shows as "proposed: Green" and
    becomes the rating only when the plan manager signs it off."""
    services.refresh_rag(action_1b, date(2026, 5, 1))
    action_1b.refresh_from_db()
    assert action_1b.rag_computed == "red"  # imported as red
    update = services.post_update(
        action_1b, action_owner, services.UpdateInput("On track now", rag="green"), today=date(2026, 5, 1)
    )
    action_1b.refresh_from_db()
    assert action_1b.effective_rag == "red"
    assert action_1b.rag_reason.endswith("proposed: Green, awaiting sign-off")
    page = client_for(action_owner).get(reverse("plans:action_detail", args=[action_1b.pk])).content.decode()
    assert "proposed: Green, awaiting sign-off" in page

    services.review_update(update, plan_manager, accept=True, today=date(2026, 5, 1))
    action_1b.refresh_from_db()
    assert (action_1b.rag, action_1b.effective_rag) == ("green", "green")
    assert "proposed" not in action_1b.rag_reason


def test_a_returned_proposal_never_becomes_the_rating(action_owner, plan_manager, action_1b) -> None:
    update = services.post_update(
        action_1b, action_owner, services.UpdateInput("Done, I think", rag="green"), today=date(2026, 5, 1)
    )
    services.review_update(update, plan_manager, accept=False, comment="Where is the audit?", today=date(2026, 5, 1))
    action_1b.refresh_from_db()
    assert (action_1b.rag, action_1b.effective_rag) == ("red", "red")
    assert "proposed" not in action_1b.rag_reason


def test_owner_sees_the_evidence_and_can_download_it(client_for, action_owner, viewer, action_1b) -> None:
    services.post_update(
        action_1b,
        action_owner,
        services.UpdateInput("Audit done", files=[SimpleUploadedFile("figures.csv", b"a,b\n1,2\n")]),
    )
    evidence = EvidenceFile.objects.get()
    client = client_for(viewer)
    page = client.get(reverse("tracking:action_updates", args=[action_1b.pk]))
    assert b"figures.csv" in page.content
    download = client.get(reverse("tracking:evidence_download", args=[evidence.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"a,b\n1,2\n"
    assert 'attachment; filename="figures.csv"' in download["Content-Disposition"]


def test_outsider_cannot_download_evidence(client_for, action_owner, outsider, action_1b) -> None:
    services.post_update(action_1b, action_owner, services.UpdateInput("x", files=[SimpleUploadedFile("a.txt", b"hi")]))
    evidence = EvidenceFile.objects.get()
    assert client_for(outsider).get(reverse("tracking:evidence_download", args=[evidence.pk])).status_code == 404


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("payload.exe", b"MZ\x90\x00", "payload.exe: files .exe cannot be attached"),
        ("macro.docm", b"PK\x03\x04", "macro.docm: files .docm cannot be attached"),
        ("fake.pdf", b"MZ\x90\x00 not a pdf", "fake.pdf: the content is not a .pdf file."),
        ("notes.txt", b"\x00\x01\x02binary", "notes.txt: a .txt file must be text, but this one is binary."),
        ("empty.csv", b"", "empty.csv: The submitted file is empty."),
    ],
)
def test_evidence_of_the_wrong_type_is_refused_and_nothing_is_saved(
    client_for, action_owner, action_1b, name, content, message
) -> None:
    response = _post(client_for(action_owner), action_1b, evidence=[SimpleUploadedFile(name, content)])
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "govuk-error-summary" in response.content.decode()
    assert not action_1b.updates.exclude(review="imported").exists()
    assert EvidenceFile.objects.count() == 0
    # The owner's typed text is kept.
    assert "Reviewed 12 of 15 placements." in response.content.decode()


@override_settings(MAX_UPLOAD_BYTES=1000)
def test_evidence_over_the_size_limit_is_refused(client_for, action_owner, action_1b) -> None:
    big = SimpleUploadedFile("big.txt", b"x" * 1001)
    response = _post(client_for(action_owner), action_1b, evidence=[big])
    assert response.status_code == 400
    assert "big.txt: the file is 1001\xa0bytes; the limit is 1000\xa0bytes." in response.content.decode()


def test_update_needs_a_narrative(client_for, action_owner, action_1b) -> None:
    response = _post(client_for(action_owner), action_1b, text="")
    assert response.status_code == 400
    assert "Enter what has happened since the last update" in response.content.decode()


def test_manager_signs_off_completion_and_the_action_turns_blue(
    client_for, action_owner, plan_manager, action_1b
) -> None:
    update = services.post_update(
        action_1b, action_owner, services.UpdateInput("All placements reviewed", status="complete")
    )
    action_1b.refresh_from_db()
    assert action_1b.status == "complete"
    assert action_1b.rag_computed != "blue"  # delivered, not yet signed off
    response = client_for(plan_manager).post(
        reverse("tracking:review_update", args=[update.pk]), {"decision": "accept", "comment": ""}
    )
    assert response.status_code == 302
    update.refresh_from_db()
    assert (update.review, update.reviewed_by) == ("accepted", plan_manager)
    action_1b.refresh_from_db()
    assert action_1b.effective_rag == "blue"


def test_manager_returns_update_with_comment_visible_to_owner(
    client_for, action_owner, plan_manager, action_1b
) -> None:
    update = services.post_update(action_1b, action_owner, services.UpdateInput("Nearly there"))
    client = client_for(plan_manager)
    refused = client.post(reverse("tracking:review_update", args=[update.pk]), {"decision": "return", "comment": ""})
    assert refused.status_code == 400
    assert "Say what the owner needs to do before you return the update" in refused.content.decode()
    client.post(
        reverse("tracking:review_update", args=[update.pk]),
        {"decision": "return", "comment": "Attach the audit <b>summary</b>"},
    )
    update.refresh_from_db()
    assert update.review == "returned"
    mine = client_for(action_owner).get(reverse("tracking:my_actions")).content.decode()
    assert "Returned for more work" in mine
    assert "Attach the audit &lt;b&gt;summary&lt;/b&gt;" in mine


def test_an_update_cannot_be_reviewed_twice(action_owner, plan_manager, admin_user, action_1b) -> None:
    update = services.post_update(action_1b, action_owner, services.UpdateInput("Done"))
    services.review_update(update, plan_manager, accept=True)
    with pytest.raises(services.ReviewError, match="already been reviewed"):
        services.review_update(update, admin_user, accept=False, comment="No")
    update.refresh_from_db()
    assert update.reviewed_by == plan_manager


def test_delivery_sign_off_and_impact_are_recorded_separately(action_owner, plan_manager, action_1b) -> None:
    update = services.post_update(
        action_1b,
        action_owner,
        services.UpdateInput("Done", status="complete", impact="NI147 up from 81% to 88%"),
    )
    assert (update.status, update.review, update.impact) == ("complete", "submitted", "NI147 up from 81% to 88%")
    services.review_update(update, plan_manager, accept=True)
    update.refresh_from_db()
    assert update.review == "accepted"


def test_evidence_uses_the_storage_api(action_owner, action_1b) -> None:
    services.post_update(
        action_1b, action_owner, services.UpdateInput("x", files=[ContentFile(b"%PDF-1", name="r.pdf")])
    )
    evidence = EvidenceFile.objects.get()
    with default_storage.open(evidence.file.name) as handle:
        assert handle.read() == b"%PDF-1"


def test_deleting_an_update_removes_its_evidence_from_storage(
    action_owner, action_1b, django_capture_on_commit_callbacks
) -> None:
    update = services.post_update(
        action_1b, action_owner, services.UpdateInput("x", files=[SimpleUploadedFile("a.txt", b"hi")])
    )
    name = update.evidence.get().file.name
    with django_capture_on_commit_callbacks(execute=True):
        update.delete()
    assert not default_storage.exists(name)
