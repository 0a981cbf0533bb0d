"""Organisation isolation (404) and roles (403) on every scorecard view."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lineofsight.indicators.models import Indicator, IndicatorLink, IndicatorValue
from lineofsight.indicators.rules import financial_quarter
from lineofsight.indicators.services import refresh_link_suggestions, store_value


@pytest.fixture
def local_indicator(council):
    indicator = Indicator.objects.create(
        organisation=council, code="VIS6", title="Visits within 6 weeks", unit="percent"
    )
    store_value(indicator, financial_quarter(2025, 2), 64.0, 32, 50, "test")
    return indicator


@pytest.fixture
def link(council, example_plan, local_indicator):
    refresh_link_suggestions(council)
    return IndicatorLink.objects.filter(indicator__organisation=council).first()


def object_urls(indicator, link):
    return [
        ("get", reverse("indicators:indicator_detail", args=[indicator.pk])),
        ("get", reverse("indicators:indicator_edit", args=[indicator.pk])),
        ("get", reverse("indicators:target_new", args=[indicator.pk])),
        ("get", reverse("indicators:value_new", args=[indicator.pk])),
        ("post", reverse("indicators:indicator_edit", args=[indicator.pk])),
        ("post", reverse("indicators:target_new", args=[indicator.pk])),
        ("post", reverse("indicators:value_new", args=[indicator.pk])),
        ("post", reverse("indicators:link_decide", args=[link.pk])),
    ]


def test_another_council_cannot_see_or_change_anything(outsider, local_indicator, link, client_for):
    client = client_for(outsider)
    for method, url in object_urls(local_indicator, link):
        response = getattr(client, method)(url, {"value": "1", "period": "2025-26", "decision": "confirm"})
        assert response.status_code == 404, url

    scorecard = client.get(reverse("indicators:scorecard")).content.decode()
    assert "VIS6" not in scorecard and "Visits within 6 weeks" not in scorecard
    links_page = client.get(reverse("indicators:links")).content.decode()
    assert "joint housing panel" not in links_page
    link.refresh_from_db()
    assert not link.confirmed
    assert IndicatorValue.objects.filter(indicator=local_indicator).count() == 1


def test_another_councils_upload_goes_to_its_own_scorecard(outsider, other_council, local_indicator, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("v.csv", b"code,period,value\nVIS6,2025-26 Q2,99\n")
    response = client_for(outsider).post(reverse("indicators:values_upload"), {"file": upload})

    # VIS6 is Council A's own code: Council B's upload cannot reach it.
    assert response.status_code == 400
    assert "unknown indicator code" in response.content.decode()
    assert IndicatorValue.objects.get(indicator=local_indicator).value == 64.0


def test_viewer_reads_but_cannot_change(viewer, local_indicator, link, client_for):
    client = client_for(viewer)
    assert client.get(reverse("indicators:scorecard")).status_code == 200
    assert client.get(reverse("indicators:indicator_detail", args=[local_indicator.pk])).status_code == 200

    writes = [u for u in object_urls(local_indicator, link) if "/edit/" in u[1] or "/new/" in u[1] or "decide" in u[1]]
    writes += [
        ("get", reverse("indicators:values_upload")),
        ("post", reverse("indicators:values_upload")),
        ("get", reverse("indicators:indicator_new")),
        ("post", reverse("indicators:indicator_new")),
        ("get", reverse("indicators:links")),
        ("post", reverse("indicators:link_add")),
    ]
    for method, url in writes:
        response = getattr(client, method)(url, {"value": "1", "period": "2025-26", "decision": "confirm"})
        assert response.status_code == 403, url
    link.refresh_from_db()
    assert not link.confirmed


def test_action_owner_cannot_upload(action_owner, client_for):
    assert client_for(action_owner).get(reverse("indicators:values_upload")).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client, local_indicator):
    for url in (
        reverse("indicators:scorecard"),
        reverse("indicators:indicator_detail", args=[local_indicator.pk]),
        reverse("indicators:values_upload"),
        reverse("indicators:links"),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"], url
