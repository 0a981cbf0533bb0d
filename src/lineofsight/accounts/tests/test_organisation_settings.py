"""One Settings page gathers the organisation's and one's own settings, each shown by role."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ADMIN_LINKS = ["Members", "Invite someone new", "API tokens"]


def _links(client) -> str:  # type: ignore[no-untyped-def]
    response = client.get(reverse("accounts:organisation_settings"))
    assert response.status_code == 200
    return response.content.decode()


def test_an_admin_finds_every_settings_page_there(client_for, admin_user):
    page = _links(client_for(admin_user))

    for name in [*ADMIN_LINKS, "People", "Governance bodies", "RAG settings", "Email preferences", "Change password"]:
        assert f">{name}</a>" in page, name
    assert reverse("api_web:token_list") in page


def test_a_plan_manager_sets_rag_thresholds_but_does_not_manage_members(client_for, plan_manager):
    page = _links(client_for(plan_manager))

    assert ">RAG settings</a>" in page
    for name in ADMIN_LINKS:
        assert f">{name}</a>" not in page, name


def test_a_viewer_sees_the_organisation_pages_and_their_own_account_only(client_for, viewer):
    page = _links(client_for(viewer))

    assert ">People</a>" in page and ">Two-factor sign-in</a>" in page
    assert ">RAG settings</a>" not in page
    for name in ADMIN_LINKS:
        assert f">{name}</a>" not in page, name
