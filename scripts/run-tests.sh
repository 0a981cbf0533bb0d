#!/usr/bin/env bash
# Run the whole suite twice: on SQLite (with the browser tests in headless Chromium),
# then on a throwaway PostgreSQL server started here and stopped on exit.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bin="$root/.venv/bin"
workers=${PYTEST_WORKERS:-2}

# The same checks as `make lint`, so CI refuses what a developer's lint would.
echo "== Lint, format, migrations, types and layers"
"$bin/ruff" check .
"$bin/ruff" format --check .
DEBUG=1 LINEOFSIGHT_VAR="$(mktemp -d)" "$bin/lineofsight" makemigrations --check --dry-run
"$bin/mypy" src/lineofsight
# The layers contract (pyproject.toml [tool.importlinter]): no app imports one above it.
"$bin/lint-imports"

echo "== Tests on SQLite, with browser tests in Chromium"
unset DATABASE_URL
"$bin/pytest" -n "$workers" -p no:cacheprovider "$@"

echo "== Tests on PostgreSQL"
pgdir=$(mktemp -d /tmp/lineofsight-pg.XXXXXX)
trap '"$root/scripts/pg-test-server.sh" stop "$pgdir"; rm -rf "$pgdir"' EXIT
DATABASE_URL=$("$root/scripts/pg-test-server.sh" start "$pgdir")
export DATABASE_URL
# The browser tests exercise pages, not the database engine; they ran above.
"$bin/pytest" -n "$workers" -p no:cacheprovider -m "not browser" "$@"
