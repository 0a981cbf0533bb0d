"""The ``lineofsight`` command: Django's management commands under one name.

``lineofsight demo``, ``lineofsight import FILE``, ``lineofsight pack ...`` are the
management commands of the project's apps; this wrapper only points Django at the
project's settings so councils never need to know about ``manage.py``.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a management command, e.g. ``lineofsight migrate``."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lineofsight.config.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else ["lineofsight", *argv])
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
