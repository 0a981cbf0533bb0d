"""The registry apps fill in AppConfig.ready(): keys in order, no silent overrides, and
a missing key says which ones exist."""

from __future__ import annotations

import pytest

from lineofsight.core.registry import Registry, RegistryError


def test_items_come_back_in_the_order_they_were_registered() -> None:
    formats: Registry[str] = Registry("plan export format")
    formats.register("json", "interchange")
    formats.register("docx", "Ofsted table")
    assert formats.keys() == ["json", "docx"]
    assert formats.items() == [("json", "interchange"), ("docx", "Ofsted table")]
    assert "docx" in formats and len(formats) == 2
    assert formats.get("docx") == "Ofsted table"


def test_a_second_app_cannot_take_over_a_key() -> None:
    formats: Registry[str] = Registry("plan export format")
    formats.register("json", "interchange")
    formats.register("json", "interchange")  # the same item again (ready() run twice) is harmless
    with pytest.raises(RegistryError, match="plan export format 'json' is registered twice"):
        formats.register("json", "something else")
    assert formats.get("json") == "interchange"


def test_asking_for_a_key_nobody_registered_names_the_ones_that_exist() -> None:
    sections: Registry[str] = Registry("board-pack section")
    sections.register("indicators", "scorecard")
    with pytest.raises(
        RegistryError, match=r"No board-pack section 'finance' is registered \(registered: indicators\)"
    ):
        sections.get("finance")
    sections.unregister("indicators")
    with pytest.raises(RegistryError, match=r"\(registered: none\)"):
        sections.get("indicators")
