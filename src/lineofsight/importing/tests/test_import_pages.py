"""The upload → preview → confirm journey, with organisation and role checks."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lineofsight.importing.models import ImportSession
from lineofsight.importing.tests import builders
from lineofsight.plans.models import Action, Plan

UPLOAD = reverse("importing:upload")


def _docx(name: str = "example-plan.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, builders.example_docx())


@pytest.mark.django_db
def test_plan_manager_uploads_previews_and_confirms_a_new_plan(client_for, plan_manager, council):
    client = client_for(plan_manager)
    assert client.get(UPLOAD).status_code == 200
    response = client.post(UPLOAD, {"document": _docx()})
    session = ImportSession.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("importing:preview", args=[session.pk])
    assert Plan.objects.count() == 0  # nothing saved before confirming

    page = client.get(response["Location"]).content.decode()
    assert "Audit every strategy meeting held in January." in page
    assert "Priority 1: within 3 months" in page
    assert "ignored: no header naming actions" in page  # warnings point at the table
    assert "4 recommendations, 9 actions" in page

    done = client.post(reverse("importing:confirm", args=[session.pk]))
    plan = Plan.objects.get()
    assert done["Location"] == reverse("plans:plan_detail", args=[plan.pk])
    assert plan.organisation == council
    assert Action.objects.filter(recommendation__plan=plan).count() == 9
    # Confirming twice does not create a second plan.
    client.post(reverse("importing:confirm", args=[session.pk]))
    assert Plan.objects.count() == 1


@pytest.mark.django_db
def test_unreadable_upload_shows_the_specific_error_and_stores_nothing(client_for, plan_manager):
    client = client_for(plan_manager)
    response = client.post(UPLOAD, {"document": SimpleUploadedFile("plan.docx", b"PK\x03\x04garbage")})
    assert response.status_code == 200
    assert "plan.docx: the file is a damaged zip archive" in response.content.decode()
    assert ImportSession.objects.count() == 0


@pytest.mark.django_db
def test_upload_type_and_size_are_limited(client_for, plan_manager, settings, monkeypatch):
    client = client_for(plan_manager)
    response = client.post(UPLOAD, {"document": SimpleUploadedFile("run.exe", b"MZ\x90\x00")})
    assert "is not a plan document type" in response.content.decode()
    monkeypatch.setattr("lineofsight.importing.forms.MAX_UPLOAD_BYTES", 10)
    response = client.post(UPLOAD, {"document": SimpleUploadedFile("big.csv", b"a,b,c\n" * 10)})
    assert "larger than the" in response.content.decode()
    assert ImportSession.objects.count() == 0


@pytest.mark.django_db
def test_user_text_in_the_document_is_escaped_on_the_preview(client_for, plan_manager):
    client = client_for(plan_manager)
    md = builders.EXAMPLE_MARKDOWN.replace("Introduce a supervision template", "<script>alert(1)</script> template")
    client.post(UPLOAD, {"document": SimpleUploadedFile("plan.md", md.encode())})
    session = ImportSession.objects.get()
    page = client.get(reverse("importing:preview", args=[session.pk])).content.decode()
    assert "<script>alert(1)</script>" not in page


@pytest.mark.django_db
def test_viewer_may_not_import(client_for, viewer):
    client = client_for(viewer)
    assert client.get(UPLOAD).status_code == 403
    assert client.post(UPLOAD, {"document": _docx()}).status_code == 403
    assert ImportSession.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "status"),
    [
        pytest.param("outsider", 404, id="another council sees nothing of it"),
        pytest.param("viewer", 403, id="a viewer of the same council may not preview or confirm it"),
    ],
)
def test_a_pending_import_is_kept_from_others(request, client_for, plan_manager, who, status):
    client_for(plan_manager).post(UPLOAD, {"document": _docx()})
    session = ImportSession.objects.get()
    client = client_for(request.getfixturevalue(who))
    assert client.get(reverse("importing:preview", args=[session.pk])).status_code == status
    assert client.post(reverse("importing:confirm", args=[session.pk])).status_code == status
    assert Plan.objects.count() == 0


@pytest.mark.django_db
def test_reimport_preview_shows_changes_before_they_are_made(client_for, plan_manager, council):
    client = client_for(plan_manager)
    client.post(UPLOAD, {"document": SimpleUploadedFile("v1.md", builders.EXAMPLE_MARKDOWN.encode())})
    client.post(reverse("importing:confirm", args=[ImportSession.objects.get().pk]))
    plan = Plan.objects.get()
    v2 = builders.EXAMPLE_MARKDOWN.replace("April 2026<br>May 2026", "April 2026<br>July 2026")
    client.post(UPLOAD, {"document": SimpleUploadedFile("v2.md", v2.encode()), "plan": plan.pk})
    session = ImportSession.objects.get(target_plan=plan)
    page = client.get(reverse("importing:preview", args=[session.pk])).content.decode()
    assert "Changes to" in page and "July 2026" in page
    assert Action.objects.get(text__startswith="Escalate").due_text == "May 2026"
    client.post(reverse("importing:confirm", args=[session.pk]))
    assert Action.objects.get(text__startswith="Escalate").due_text == "July 2026"
    assert Plan.objects.count() == 1


@pytest.mark.django_db
def test_reimport_cannot_target_another_councils_plan(client_for, plan_manager, outsider, other_council):
    other_plan = Plan.objects.create(organisation=other_council, title="Northfield plan")
    client = client_for(plan_manager)
    response = client.post(UPLOAD, {"document": _docx(), "plan": other_plan.pk})
    assert response.status_code == 200  # the form refuses a plan outside the council
    assert ImportSession.objects.count() == 0
