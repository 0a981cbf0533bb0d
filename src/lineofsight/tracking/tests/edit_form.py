"""The action edit form as a browser posts it, for the tracking tests."""

from __future__ import annotations

from typing import Any

from lineofsight.plans.models import Action


def action_edit_form(action: Action, **changes: Any) -> dict[str, Any]:
    """The edit form for ``action`` as it stands, with ``changes`` typed in."""
    assert action.due_date is not None
    data: dict[str, Any] = {
        "text": action.text,
        "due_text": action.due_text,
        "due_date": action.due_date.isoformat(),
        # A moved deadline needs a reason; an unchanged one ignores it.
        "due_date_reason": "Agreed at the Improvement Board",
        "status": action.status,
        "rag_override": "",
        "rag_override_reason": "",
        "version": action.version,
        "owners": [link.person_id for link in action.owner_links.all()],
    }
    data.update(changes)
    return data
