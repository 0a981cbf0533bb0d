"""What the tracking tests read in Django's test outbox."""

from __future__ import annotations

from django.core import mail
from django.core.mail import EmailMessage


def the_only_email_to(address: str) -> EmailMessage:
    """The one email sent so far, after checking that it went to ``address`` alone."""
    assert [m.to for m in mail.outbox] == [[address]]
    return mail.outbox[0]


def assert_lists_1b_as_overdue(message: EmailMessage) -> None:
    """The example plan's action 1b, overdue in July 2026, is the one overdue action listed."""
    assert "Overdue (1)" in message.body
    assert "Review every unsuitable placement of a care leaver." in message.body
