"""Template context for the organisation switcher."""

from django.http import HttpRequest


def organisation(request: HttpRequest) -> dict[str, object]:
    """Expose the current membership and all memberships to every template."""
    return {
        "current_membership": getattr(request, "membership", None),
        "current_organisation": getattr(request, "organisation", None),
        "all_memberships": getattr(request, "memberships", []),
    }
