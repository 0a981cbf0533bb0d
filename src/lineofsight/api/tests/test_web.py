"""The web side of the API: admins list and revoke tokens; the plan page offers its
filtered actions as a spreadsheet."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.urls import reverse

from lineofsight.api.models import ApiToken
from lineofsight.api.tokens import create_token

pytestmark = pytest.mark.django_db


def test_admin_lists_tokens_without_showing_them(client_for, admin_user, plan_manager, council):
    new = create_token(council, plan_manager, scope="write", name="Power BI scorecard")
    page = client_for(admin_user).get(reverse("api_web:token_list"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Power BI scorecard" in text and "priya.manager" in text and new.token.prefix in text
    assert new.raw not in text


def test_admin_revokes_a_token_and_it_stops_working(client_for, admin_user, plan_manager, council, call):
    new = create_token(council, plan_manager)
    assert call(new.raw, "get", "/api/v1/plans").status_code == 200
    response = client_for(admin_user).post(reverse("api_web:token_revoke", args=[new.token.pk]))
    assert response.status_code == 302
    token = ApiToken.objects.get()
    assert token.revoked_at is not None and token.revoked_by == admin_user
    assert call(new.raw, "get", "/api/v1/plans").status_code == 401


@pytest.mark.parametrize("who", ["plan_manager", "viewer"])
def test_only_admins_manage_tokens(client_for, request, who, council, plan_manager):
    new = create_token(council, plan_manager)
    client = client_for(request.getfixturevalue(who))
    assert client.get(reverse("api_web:token_list")).status_code == 403
    assert client.post(reverse("api_web:token_revoke", args=[new.token.pk])).status_code == 403
    assert ApiToken.objects.get().revoked_at is None


def test_another_councils_admin_cannot_revoke(client_for, outsider, plan_manager, council, other_council):
    new = create_token(council, plan_manager)
    from lineofsight.accounts.models import Membership

    Membership.objects.filter(user=outsider).update(role="admin")
    assert client_for(outsider).post(reverse("api_web:token_revoke", args=[new.token.pk])).status_code == 404
    assert client_for(outsider).get(reverse("api_web:token_list")).content.count(b"<code>los_") == 0
    assert ApiToken.objects.get().revoked_at is None


def test_plan_page_links_to_the_filtered_feed(client_for, viewer, example_plan):
    client = client_for(viewer)
    page = client.get(reverse("plans:plan_detail", args=[example_plan.pk]), {"rag": "red"}).content.decode()
    feed_url = reverse("api_web:plan_feed", args=[example_plan.pk, "csv"]) + "?rag=red"
    assert f'href="{feed_url}"' in page
    rows = list(csv.reader(io.StringIO(client.get(feed_url).content.decode("utf-8-sig"))))
    assert [row[4] for row in rows[1:]] == ["Review every unsuitable placement of a care leaver."]
    everything = client.get(reverse("api_web:plan_feed", args=[example_plan.pk, "xlsx"]))
    assert everything["Content-Type"].startswith("application/vnd.openxmlformats")


def test_feed_of_another_councils_plan_is_404(client_for, outsider, example_plan):
    response = client_for(outsider).get(reverse("api_web:plan_feed", args=[example_plan.pk, "csv"]))
    assert response.status_code == 404


def test_admin_makes_a_token_that_is_shown_once(client_for, admin_user, viewer, council, call):
    client = client_for(admin_user)
    response = client.post(
        reverse("api_web:token_list"), {"user": viewer.pk, "scope": "read", "expires": "30", "name": "Power BI"}
    )
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    raw = re.search(r'<code id="new-token">(los_[^<]+)</code>', response.content.decode()).group(1)
    token = ApiToken.objects.get()
    assert (token.user, token.scope, token.created_by, token.name) == (viewer, "read", admin_user, "Power BI")
    assert call(raw, "get", "/api/v1/plans").status_code == 200
    # Never again: the list shows only its first characters, and who made it.
    listing = client.get(reverse("api_web:token_list")).content.decode()
    assert raw not in listing and token.prefix in listing and "by alice.admin" in listing


def test_a_token_is_only_for_a_member(client_for, admin_user, outsider, council):
    response = client_for(admin_user).post(reverse("api_web:token_list"), {"user": outsider.pk, "scope": "write"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_feed_ignores_a_filter_value_that_means_nothing(client_for, viewer, example_plan):
    url = reverse("api_web:plan_feed", args=[example_plan.pk, "csv"])
    rows = list(csv.reader(io.StringIO(client_for(viewer).get(url, {"rag": "purple"}).content.decode("utf-8-sig"))))
    assert len(rows) == 1 + 3  # as the plan page: an unknown RAG filters nothing out
