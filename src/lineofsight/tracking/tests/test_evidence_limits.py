"""Evidence is stored, never laid out, but a damaged Office file or a zip bomb is refused."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lineofsight.importing.tests import hostile
from lineofsight.tracking.models import EvidenceFile

pytestmark = pytest.mark.django_db


def post(client, action, upload):  # type: ignore[no-untyped-def]
    return client.post(
        reverse("tracking:post_update", args=[action.pk]),
        {"text": "Evidence attached", "status": "in_progress", "rag": "amber", "impact": "", "evidence": [upload]},
    )


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("figures.xlsx", hostile.zip_bomb, "a possible zip bomb"),
        ("minutes.docx", lambda: hostile.docx()[:4000], "damaged zip archive"),
        (
            "minutes.docx",
            lambda: hostile.with_dtd(hostile.docx(), "word/document.xml", hostile.LAUGHS),
            "declares a DTD",
        ),
    ],
)
def test_a_hostile_office_file_is_not_kept_as_evidence(client_for, action_owner, action_1b, name, make, message):
    response = post(client_for(action_owner), action_1b, SimpleUploadedFile(name, make()))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not EvidenceFile.objects.exists()


def test_a_real_spreadsheet_is_kept(client_for, action_owner, action_1b):
    response = post(client_for(action_owner), action_1b, SimpleUploadedFile("tracker.xlsx", hostile.xlsx()))
    assert response.status_code == 302
    assert EvidenceFile.objects.get().original_name == "tracker.xlsx"
