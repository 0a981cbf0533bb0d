"""The header navigation fits on one line at 1280 px and stays usable at 390 px."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _items(page):  # type: ignore[no-untyped-def]
    return page.locator(".govuk-header__navigation-item")


def test_navigation_is_one_line_at_1280_px(page, sign_in_browser, admin_user) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in_browser(admin_user.username)
    page.goto("/")
    tops = [box["y"] for box in (_items(page).nth(i).bounding_box() for i in range(_items(page).count()))]
    # One line: every item starts within a few pixels of the first (a wrap moves one ~30 px down).
    assert max(tops) - min(tops) < 8, f"navigation wraps: item tops {tops}"


def test_navigation_folds_behind_a_menu_button_at_390_px(page, sign_in_browser, admin_user) -> None:
    page.set_viewport_size({"width": 390, "height": 800})
    sign_in_browser(admin_user.username)
    page.goto("/")
    link = page.get_by_role("link", name="My actions")
    menu = page.get_by_role("button", name="Menu")
    assert menu.is_visible()
    assert not link.is_visible()
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    assert link.is_visible()
    box = link.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390
