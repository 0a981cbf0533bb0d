"""Board pack pages: organisation isolation (404) and roles (403) on every view."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from lineofsight.reports.builder import build_pack
from lineofsight.reports.models import BoardPack, BoardPackFile

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(improvement_board):  # type: ignore[no-untyped-def]
    """An issued May pack with small stand-in files (rendering is tested elsewhere)."""
    content = build_pack(improvement_board, date(2026, 5, 1)).to_json()
    pack = BoardPack.objects.create(
        organisation=improvement_board.organisation,
        body=improvement_board,
        meeting_date=date(2026, 5, 1),
        issued_at=timezone.now(),
        content=content,
    )
    for fmt, data in {"html": b"<p>May pack</p>", "pdf": b"%PDF-1.7 May pack"}.items():
        stored = BoardPackFile(pack=pack, format=fmt, size=len(data))
        stored.file.save(f"ib-board-pack-2026-05-01.{fmt}", ContentFile(data), save=True)
    return pack


def urls(body, pack, plan) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Every board pack URL that names one of Council A's objects."""
    return {
        "body": reverse("reports:body_detail", args=[body.pk]),
        "preview": reverse("reports:pack_preview", args=[body.pk]) + "?date=2026-07-01",
        "preview_pdf": reverse("reports:pack_preview_download", args=[body.pk, "pdf"]) + "?date=2026-07-01",
        "pack": reverse("reports:pack_detail", args=[pack.pk]),
        "pack_pdf": reverse("reports:pack_download", args=[pack.pk, "pdf"]),
        "plan_docx": reverse("reports:plan_table", args=[plan.pk, "docx"]),
    }


def test_signed_out_visitors_are_sent_to_sign_in(client, improvement_board, issued, example_plan):
    for url in [reverse("reports:body_list"), *urls(improvement_board, issued, example_plan).values()]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/accounts/" in response["Location"]


def test_another_council_sees_nothing_of_council_a(client_for, outsider, improvement_board, issued, example_plan):
    client = client_for(outsider)
    for name, url in urls(improvement_board, issued, example_plan).items():
        assert client.get(url).status_code == 404, name
    response = client.post(reverse("reports:pack_issue", args=[improvement_board.pk]), {"date": "2026-07-01"})
    assert response.status_code == 404
    listing = client.get(reverse("reports:body_list"))
    assert listing.status_code == 200
    assert "Improvement Board" not in listing.content.decode()
    assert BoardPack.objects.count() == 1


@pytest.mark.parametrize("persona", ["viewer", "action_owner"])
def test_readers_can_read_and_download_issued_packs_but_not_build_them(
    request, client_for, persona, improvement_board, issued, example_plan
):
    client = client_for(request.getfixturevalue(persona))
    links = urls(improvement_board, issued, example_plan)

    body_page = client.get(links["body"])
    assert body_page.status_code == 200
    assert "1 May 2026" in body_page.content.decode()
    assert "Build pack for this date" not in body_page.content.decode()
    assert client.get(links["pack"]).status_code == 200
    download = client.get(links["pack_pdf"])
    assert download.status_code == 200
    assert b"".join(download) == b"%PDF-1.7 May pack"
    assert client.get(links["plan_docx"]).status_code == 200
    assert client.get(links["preview"]).status_code == 403
    assert client.get(links["preview_pdf"]).status_code == 403
    response = client.post(reverse("reports:pack_issue", args=[improvement_board.pk]), {"date": "2026-07-01"})
    assert response.status_code == 403
    assert BoardPack.objects.count() == 1


def test_body_list_links_every_body_with_its_packs(client_for, viewer, improvement_board, issued):
    page = client_for(viewer).get(reverse("reports:body_list")).content.decode()

    assert reverse("reports:body_detail", args=[improvement_board.pk]) in page
    assert "Corporate Parenting Board" in page
    assert ">Board packs</a>" in page  # the top navigation item


def test_plan_manager_previews_a_pack_with_downloads_and_an_issue_button(client_for, plan_manager, improvement_board):
    page = client_for(plan_manager).get(
        reverse("reports:pack_preview", args=[improvement_board.pk]), {"date": "2026-07-01"}
    )

    assert page.status_code == 200
    html = page.content.decode()
    assert "Improvement Board: board pack for the meeting on 1 July 2026" in html
    assert "Issue this pack" in html
    for fmt in ("html", "pdf", "docx", "xlsx"):
        assert reverse("reports:pack_preview_download", args=[improvement_board.pk, fmt]) in html


def test_preview_without_a_valid_date_says_what_is_wrong(client_for, plan_manager, improvement_board):
    page = client_for(plan_manager).get(reverse("reports:pack_preview", args=[improvement_board.pk]), {"date": "July"})

    assert page.status_code == 400
    assert "Enter the meeting date as YYYY-MM-DD" in page.content.decode()


@pytest.mark.parametrize(
    ("fmt", "media_type", "magic"),
    [("html", "text/html", b"<!DOCTYPE html>"), ("docx", "wordprocessingml", b"PK"), ("xlsx", "spreadsheetml", b"PK")],
)
def test_plan_manager_downloads_a_draft_pack(client_for, plan_manager, improvement_board, fmt, media_type, magic):
    response = client_for(plan_manager).get(
        reverse("reports:pack_preview_download", args=[improvement_board.pk, fmt]), {"date": "2026-07-01"}
    )

    assert response.status_code == 200
    assert media_type in response["Content-Type"]
    assert response.content.startswith(magic)
    assert f"DRAFT-ib-board-pack-2026-07-01.{fmt}" in response["Content-Disposition"]


def test_issuing_freezes_the_pack_with_every_format_and_only_once(client_for, admin_user, improvement_board):
    client = client_for(admin_user)
    url = reverse("reports:pack_issue", args=[improvement_board.pk])

    response = client.post(url, {"date": "2026-07-01"})

    pack = BoardPack.objects.get()
    assert response.status_code == 302
    # Tests run background work at once, so the progress page already lists the files.
    progress = client.get(response["Location"])
    assert "Improvement Board pack for 1 July 2026 issued." in progress.content.decode()
    assert reverse("reports:pack_download", args=[pack.pk, "pdf"]) in progress.content.decode()
    assert pack.issued_by == admin_user
    assert pack.content["overall"]["red"] == 1
    assert sorted(f.format for f in pack.files.all()) == ["docx", "html", "pdf", "xlsx"]
    pdf = client.get(reverse("reports:pack_download", args=[pack.pk, "pdf"]))
    assert b"".join(pdf).startswith(b"%PDF")
    html = client.get(reverse("reports:pack_download", args=[pack.pk, "html"]))
    assert "default-src 'none'" in html["Content-Security-Policy"]

    again = client.post(url, {"date": "2026-07-01"}, follow=True)
    assert "has already been issued" in again.content.decode()
    assert BoardPack.objects.count() == 1


def test_body_page_queries_do_not_grow_with_packs(
    client_for, viewer, improvement_board, issued, django_assert_max_num_queries
):
    client = client_for(viewer)
    url = reverse("reports:body_detail", args=[improvement_board.pk])
    for month in (2, 3, 4):
        BoardPack.objects.create(
            organisation=improvement_board.organisation,
            body=improvement_board,
            meeting_date=date(2026, month, 1),
            issued_at=timezone.now(),
            content={},
        )
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200


def test_unknown_formats_are_not_found(client_for, plan_manager, improvement_board, issued, example_plan):
    client = client_for(plan_manager)
    assert client.get(reverse("reports:pack_download", args=[issued.pk, "docx"])).status_code == 404
    assert client.get(reverse("reports:pack_download", args=[issued.pk, "exe"])).status_code == 404
    assert client.get(reverse("reports:plan_table", args=[example_plan.pk, "pdf"])).status_code == 404
