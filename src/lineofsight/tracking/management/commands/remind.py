"""``lineofsight remind``: email each action owner one digest of what needs doing."""

from __future__ import annotations

from lineofsight.tracking import reminders
from lineofsight.tracking.management.commands._daily import EmailingCommand


class Command(EmailingCommand):
    help = (
        "Email each action owner one digest of actions overdue, due soon (at the council's "
        "reminder days) or without a recent update; actions no owner can be emailed about "
        "go to the plan managers. Safe to run more than once a day: each owner gets "
        "at most one digest per day."
    )
    dry_run_help = "Print the digests instead of sending them"
    sent_text = "{sent} reminder digests sent"

    send = staticmethod(reminders.send_digests)
