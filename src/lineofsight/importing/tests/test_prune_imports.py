"""Uploads that can no longer be confirmed are deleted by the daily job."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from lineofsight.importing.models import ImportSession

pytestmark = pytest.mark.django_db


def test_daily_job_deletes_only_previews_older_than_a_day(council, plan_manager):
    old = ImportSession.objects.create(organisation=council, user=plan_manager, filename="old.docx", plan_document={})
    fresh = ImportSession.objects.create(organisation=council, user=plan_manager, filename="new.docx", plan_document={})
    ImportSession.objects.filter(pk=old.pk).update(created=timezone.now() - timedelta(hours=25))

    out = StringIO()
    call_command("prune_imports", stdout=out)

    assert out.getvalue().strip() == "Deleted 1 expired upload(s)."
    assert list(ImportSession.objects.values_list("pk", flat=True)) == [fresh.pk]
