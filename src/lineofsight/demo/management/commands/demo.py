"""``lineofsight demo``: load Example Borough Council's demo plan and sign-ins."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from lineofsight.accounts.models import Role
from lineofsight.demo.loader import load_demo, sign_ins


class Command(BaseCommand):
    help = (
        "Load the demo organisation (slug 'example'), its governance bodies, people, "
        "example plan and demo sign-ins. Running it twice duplicates nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-users", action="store_true", help="Load the data but create no demo sign-ins")

    def handle(self, *args: Any, **options: Any) -> None:
        with_users = not options["no_users"]
        if with_users and not settings.DEBUG:
            raise CommandError("Demo sign-ins have published passwords: run with DEBUG=1, or use --no-users")
        organisation, plan, created = load_demo(timezone.localdate(), with_users=with_users)
        verb = "Loaded" if created else "Already loaded:"
        actions = sum(r.actions.count() for r in plan.recommendations.all())
        self.stdout.write(
            f"{verb} {organisation.name} (slug {organisation.slug}), "
            f"plan {plan.pk} '{plan.title}' with {actions} actions"
        )
        if with_users:
            self.stdout.write("Demo sign-ins:")
            for user in sign_ins():
                role = Role(user["role"]).label + (" (and Django admin)" if user.get("superuser") else "")
                self.stdout.write(f"  {user['username']:<8} {user['password']:<20} {role}")
