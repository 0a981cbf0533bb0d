"""Fixtures shared by every test: personas, an example plan, and a real browser.

Personas follow one story: Example Borough Council (Council A) has a plan manager,
an action owner, a board viewer and an admin; Northfield Council (Council B) has its
own plan manager, who must never see anything of Council A's.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

SHARED_DIR = Path(__file__).resolve().parent.parent / "shared"
CHROMIUM = os.environ.get("LINEOFSIGHT_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture
def shared_dir() -> Path:
    """The design material beside the project; tests that need it skip without it."""
    if not SHARED_DIR.is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED_DIR


def example_plan_document() -> dict[str, Any]:
    """A small plan in the interchange format, written for the tests."""
    return {
        "schema": "lineofsight/plan@1",
        "title": "Test Borough post-ILACS plan",
        "organisation": "Example Borough Council",
        "inspection": {"kind": "ILACS", "started": "2026-01-12", "ended": "2026-01-23"},
        "recommendations": [
            {
                "ref": "1",
                "text": "Care leavers do not all live in suitable accommodation.",
                "section": "Care leavers",
                "outcomes": ["Every care leaver lives somewhere safe and suitable"],
                "see_also": [],
                "actions": [
                    {
                        "ref": "a",
                        "text": "Open a joint housing panel for care leavers.",
                        "owners": ["Head of Corporate Parenting"],
                        "partners": ["Housing Options"],
                        "due": {"text": "April 2026", "date": "2026-04-30"},
                        "status": "complete",
                        "rag": "blue",
                        "measures": ["NI147 % of care leavers in suitable accommodation"],
                        "reported_to": ["Corporate Parenting Board"],
                        "updates": [{"as_of": "2026-04-30", "text": "Panel meets fortnightly."}],
                    },
                    {
                        "ref": "b",
                        "text": "Review every unsuitable placement of a care leaver.",
                        "owners": ["Service Manager, Leaving Care"],
                        "partners": [],
                        "due": {"text": "June 2026", "date": "2026-06-30"},
                        "status": "in_progress",
                        "rag": "red",
                        "measures": [],
                        "reported_to": ["Corporate Parenting Board", "Improvement Board"],
                        "updates": [],
                    },
                ],
            },
            {
                "ref": "2",
                "text": "Reviews of children in care are not always on time.",
                "section": None,
                "outcomes": [],
                "see_also": ["1"],
                "actions": [
                    {
                        "ref": None,
                        "text": "Weekly tracker of reviews due, sent to team managers.",
                        "owners": ["Head of Safeguarding and Quality Assurance"],
                        "partners": [],
                        "due": {"text": "Ongoing", "date": None},
                        "status": None,
                        "rag": "amber",
                        "measures": ["NI66"],
                        "reported_to": ["Improvement Board"],
                        "updates": [],
                    }
                ],
            },
        ],
    }


@pytest.fixture
def council(db):  # type: ignore[no-untyped-def]
    from lineofsight.accounts.models import Organisation

    return Organisation.objects.create(name="Example Borough Council", slug="example-test")


@pytest.fixture
def other_council(db):  # type: ignore[no-untyped-def]
    from lineofsight.accounts.models import Organisation

    return Organisation.objects.create(name="Northfield Council", slug="northfield")


def _member(organisation, username: str, role: str):  # type: ignore[no-untyped-def]
    from django.contrib.auth import get_user_model

    from lineofsight.accounts.models import Membership

    user = get_user_model().objects.create_user(
        username=username, password="correct-horse-9", email=f"{username}@example.test"
    )
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture
def admin_user(council):  # type: ignore[no-untyped-def]
    return _member(council, "alice.admin", "admin")


@pytest.fixture
def plan_manager(council):  # type: ignore[no-untyped-def]
    return _member(council, "priya.manager", "plan_manager")


@pytest.fixture
def action_owner(council, example_plan):  # type: ignore[no-untyped-def]
    """Owns the 'Service Manager, Leaving Care' actions of the example plan."""
    from lineofsight.plans.models import Person

    user = _member(council, "owen.owner", "action_owner")
    Person.objects.filter(organisation=council, name="Service Manager, Leaving Care").update(user=user)
    return user


@pytest.fixture
def viewer(council):  # type: ignore[no-untyped-def]
    return _member(council, "victor.viewer", "viewer")


@pytest.fixture
def outsider(other_council):  # type: ignore[no-untyped-def]
    """A plan manager of another council."""
    return _member(other_council, "oscar.outsider", "plan_manager")


@pytest.fixture
def example_plan(council):  # type: ignore[no-untyped-def]
    from lineofsight.plans.interchange import load_plan

    return load_plan(example_plan_document(), council)


@pytest.fixture
def client_for(client) -> Callable[[Any], Any]:  # type: ignore[no-untyped-def]
    """Sign a test client in as the given user: ``client_for(plan_manager).get(url)``."""

    def sign_in(user: Any) -> Any:
        client.force_login(user)
        return client

    return sign_in


# --- Real browser -----------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium from Debian's package, driven by Playwright."""
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (make test installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; the tests' own
    # ORM calls are still synchronous, so Django's async-safety check must be relaxed.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    """A fresh browser tab; ``page.goto(live_server.url + path)`` to open a page."""
    context = browser.new_context(base_url=live_server.url)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture
def sign_in_browser(page, live_server) -> Callable[[str, str], Any]:  # type: ignore[no-untyped-def]
    """Sign in through the real sign-in form."""

    def sign_in(username: str, password: str = "correct-horse-9") -> Any:
        page.goto("/accounts/sign-in/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("button[type=submit]")
        return page

    return sign_in
