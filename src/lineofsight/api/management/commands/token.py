"""``lineofsight token create --org ORG --user USER [--scope read|write] [--expires DAYS]``."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from lineofsight.accounts.lookups import organisation_from_option
from lineofsight.api.models import ApiToken
from lineofsight.api.tokens import TokenError, create_token, revoke_token, tokens_of


class Command(BaseCommand):
    help = (
        "Manage API tokens. 'token create --org ORG --user USER' prints a new token once; "
        "'token list --org ORG' lists tokens; 'token revoke ID' stops one working."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True, metavar="SUBCOMMAND")
        create = subcommands.add_parser(
            "create",
            help="Make a token acting as USER in ORG, and print it once (only its hash is kept).",
            description="Make an API token. It acts as the user, with the user's role, in that one organisation.",
        )
        create.add_argument("--org", required=True, help="The organisation's slug (or name)")
        create.add_argument("--user", required=True, help="The username the token acts as (a member of ORG)")
        create.add_argument("--scope", choices=ApiToken.Scope.values, default=ApiToken.Scope.READ)
        create.add_argument("--expires", type=int, metavar="DAYS", help="Days until the token stops working")
        create.add_argument("--name", default="", help="What the token is for, e.g. 'Power BI scorecard'")
        listing = subcommands.add_parser("list", help="List an organisation's tokens (never the tokens themselves).")
        listing.add_argument("--org", required=True, help="The organisation's slug (or name)")
        revoke = subcommands.add_parser("revoke", help="Revoke a token by the id 'token list' shows.")
        revoke.add_argument("id", type=int)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "create":
            self._create(options)
        elif options["subcommand"] == "list":
            self._list(options["org"])
        else:
            self._revoke(options["id"])

    def _create(self, options: dict[str, Any]) -> None:
        organisation = organisation_from_option(options["org"])
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"--user: no user {options['user']!r}")
        try:
            new = create_token(
                organisation, user, scope=options["scope"], expires_days=options["expires"], name=options["name"]
            )
        except TokenError as exc:
            raise CommandError(str(exc)) from exc
        # The token on stdout alone, so a script can capture it; the rest on stderr.
        self.stdout.write(new.raw)
        expiry = f", expires {new.token.expires_at:%Y-%m-%d}" if new.token.expires_at else ", no expiry"
        self.stderr.write(
            f"Token {new.token.pk} ({new.token.scope}{expiry}) for {user.get_username()} at {organisation.name}. "
            "It is shown only now: store it somewhere safe."
        )

    def _list(self, org: str) -> None:
        organisation = organisation_from_option(org)
        for token in tokens_of(organisation):
            state = "revoked" if token.revoked_at else ("active" if token.is_active() else "expired")
            expiry = f"{token.expires_at:%Y-%m-%d}" if token.expires_at else "never"
            self.stdout.write(
                f"{token.pk}\t{token.prefix}…\t{token.user.get_username()}\t{token.scope}\t{state}\t"
                f"expires {expiry}\t{token.name}"
            )

    def _revoke(self, token_id: int) -> None:
        token = ApiToken.objects.filter(pk=token_id).first()
        if token is None:
            raise CommandError(f"no token {token_id}")
        revoke_token(token)
        self.stdout.write(f"Token {token.pk} revoked")
