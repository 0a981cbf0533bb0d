# Line of Sight: two commands for a new machine.
#   make run   installs, migrates the embedded SQLite database, loads the demo plan and serves it
#   make test  installs what the tests need and runs them all (SQLite, PostgreSQL, Chromium)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_WORKERS ?= 2

.PHONY: run install install-test assets migrate demo test test-sqlite test-postgres lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test,bench]'
	touch $@

install: $(VENV)/.installed assets

install-test: $(VENV)/.installed-test assets
	scripts/install-test-deps.sh

assets:
	scripts/build-assets.sh

migrate: install
	DEBUG=1 $(BIN)/lineofsight migrate --noinput

demo: migrate
	DEBUG=1 $(BIN)/lineofsight demo

run: demo
	@echo "Serving http://$(HOST):$(PORT)/ — sign in as manager / demo-manager-pass"
	DEBUG=1 $(BIN)/lineofsight runserver $(HOST):$(PORT)

test: install-test
	scripts/run-tests.sh

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DEBUG=1 $(BIN)/lineofsight makemigrations --check --dry-run
	$(BIN)/mypy src/lineofsight
	$(BIN)/lint-imports  # the layers contract in pyproject.toml (issue 16)

bench: install-test
	@for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf var .pytest_cache

# --- Running it for a council or a region (issue 14): see docs/deploying.md.
#   make serve   gunicorn with WEB_WORKERS workers (default 4) on the configured database
#   make worker  the background worker (issuing packs, daily jobs)
#   make load    load test: PostgreSQL + 4 workers, 50 users for 60 s (not part of make test)
WEB_WORKERS ?= 4
.PHONY: serve worker load load-sqlite

serve: install
	$(BIN)/lineofsight migrate --noinput
	$(BIN)/lineofsight collectstatic --noinput -v 0
	WEB_BIND=$(HOST):$(PORT) WEB_WORKERS=$(WEB_WORKERS) $(BIN)/gunicorn -c python:lineofsight.config.gunicorn_conf lineofsight.config.wsgi

worker: install
	$(BIN)/lineofsight worker

load: install-test
	$(BIN)/python loadtest/run.py --database postgres --workers 4 --users 50 --seconds 60

load-sqlite: install-test
	$(BIN)/python loadtest/run.py --database sqlite --workers 1 --users 50 --seconds 60
