"""``lineofsight weekly_summary``: the plan managers' weekly summary of their open plans."""

from __future__ import annotations

from lineofsight.tracking import notifications
from lineofsight.tracking.management.commands._daily import EmailingCommand


class Command(EmailingCommand):
    help = (
        "Email each plan manager a summary of the organisation's open plans. Safe to run "
        "every day: each plan manager gets it at most once per week."
    )
    dry_run_help = "Print the summaries instead of sending them"
    sent_text = "{sent} weekly summaries sent"

    send = staticmethod(notifications.send_weekly_summaries)
