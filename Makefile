# Kratom Info. `make run` and `make test` need only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
# Absolute links (canonical, robots.txt, JSON-LD, feeds) on the server `make run` starts: its own address.
SITE_URL ?= http://$(HOST)

# What `make run` uses: debug on, so settings.py needs no secret key (it uses its public development key).
DEV_ENV := DJANGO_DEBUG=1
# `make backup` and `make restore` work on the site `make run` serves, with the same settings; on a machine
# whose environment sets DJANGO_SECRET_KEY (production) they use that environment as it is.
LOCAL_ENV = $(if $(DJANGO_SECRET_KEY),,$(DEV_ENV))
# Debug off needs a real secret key (tests, checks, ops, bench): the environment's, or a fresh one each run.
SECRET_KEY_ENV = DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')}"
# `make ops` starts throwaway PostgreSQL clusters from here (tests/ops/harness.py, Cluster.BIN).
OPS_PG_BIN := /usr/lib/postgresql/15/bin

.PHONY: run test lint format check clean help backup restore ops ops-prerequisites bench

help:
	@echo "make run    - set up and serve http://$(HOST) on SQLite with demo content (DJANGO_DEBUG=1);"
	@echo "              HOST=127.0.0.1:8101 serves elsewhere, and absolute links follow (SITE_URL=http://HOST)"
	@echo "make test   - run the test suite (SQLite; set DATABASE_URL for PostgreSQL)"
	@echo "make check  - Django's system checks (debug off) and no model change without its migration"
	@echo "make lint   - ruff check, ruff format check, and the import contracts (lint-imports, pyproject.toml)"
	@echo "make format - ruff format and fix"
	@echo "make backup - write backups/kratom-info-<time>.tar (database, media, manifest) of what make run serves"
	@echo "make restore FILE=backups/... - restore a backup into an empty database (e.g. after rm db.sqlite3)"
	@echo "make bench  - requests per second of each page against a bare view (bench/results.json)"
	@echo "make ops    - the ops tests: real gunicorn nodes, PostgreSQL, Redis, nginx (outside make test)."
	@echo "              Needs: root; a 'postgres' system user; PostgreSQL 15 in $(OPS_PG_BIN);"
	@echo "              PostgreSQL on 127.0.0.1:5432 (user postgres, trust); Redis on 127.0.0.1:6379;"
	@echo "              redis-server, nginx and openssl on PATH"
	@echo "make ops-prerequisites - check what make ops needs, without running it"
	@echo "make clean  - remove the virtualenv, caches (pytest, ruff, hypothesis, import-linter) and collected static files"
	@echo "make help   - this list"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version 2>&1))."; exit 1; }
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || \
		{ echo "python3 -m venv is not available. On Debian/Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files: reinstall only when a requirements file changes.
$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.runtime

run: $(VENV)/.runtime
	$(DEV_ENV) $(BIN)/python manage.py migrate --no-input
	@if $(DEV_ENV) $(BIN)/python manage.py help load_demo_content >/dev/null 2>&1; then \
		$(DEV_ENV) $(BIN)/python manage.py load_demo_content; fi
	$(DEV_ENV) SITE_URL="$(SITE_URL)" $(BIN)/python manage.py runserver $(HOST)

# Tests run with debug off, so they need a real secret key.
test: $(VENV)/.dev
	$(SECRET_KEY_ENV) $(BIN)/pytest $(PYTEST_ARGS)

# What CI checks before the tests (.ci/run), with debug off as in production.
check: $(VENV)/.runtime
	$(SECRET_KEY_ENV) $(BIN)/python manage.py check --fail-level WARNING
	$(SECRET_KEY_ENV) $(BIN)/python manage.py makemigrations --check --dry-run

# Fails before anything starts when the machine cannot run the ops tests.
ops-prerequisites:
	@test "$$(id -u)" = 0 || { echo "make ops: run it as root: the tests start and stop throwaway" \
		"PostgreSQL clusters as the postgres user (runuser, chown)."; exit 1; }
	@id postgres >/dev/null 2>&1 || { echo "make ops: there is no 'postgres' system user:" \
		"install PostgreSQL 15 (Debian/Ubuntu: apt-get install postgresql-15)."; exit 1; }
	@test -x $(OPS_PG_BIN)/initdb -a -x $(OPS_PG_BIN)/pg_ctl || { echo "make ops: PostgreSQL 15's initdb and" \
		"pg_ctl are not in $(OPS_PG_BIN) (Debian/Ubuntu: apt-get install postgresql-15)."; exit 1; }
	@for tool in psql pg_isready redis-server redis-cli openssl; do command -v $$tool >/dev/null || \
		{ echo "make ops: $$tool is not on PATH (Debian/Ubuntu: apt-get install postgresql-client-15" \
		"redis-server openssl)."; exit 1; }; done
	@PATH="$$PATH:/usr/sbin:/sbin" command -v nginx >/dev/null || \
		{ echo "make ops: nginx is not installed (Debian/Ubuntu: apt-get install nginx)."; exit 1; }
	@pg_isready -h 127.0.0.1 -p 5432 -q || { echo "make ops: PostgreSQL does not answer on 127.0.0.1:5432" \
		"(pg_ctlcluster 15 main start)."; exit 1; }
	@redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || { echo "make ops: Redis does not answer on" \
		"127.0.0.1:6379 (redis-server --daemonize yes --bind 127.0.0.1)."; exit 1; }

# Real servers on 127.0.0.1: load, a database restart, two nodes, backups.
ops: ops-prerequisites $(VENV)/.dev
	$(SECRET_KEY_ENV) $(BIN)/pytest -m ops tests/ops -p no:cacheprovider -s $(PYTEST_ARGS)

# Requests per second of each page against a bare view, on a production node (bench/run.py).
bench: $(VENV)/.runtime
	$(SECRET_KEY_ENV) $(BIN)/python bench/run.py

backup: $(VENV)/.runtime
	$(LOCAL_ENV) $(BIN)/python manage.py backup

restore: $(VENV)/.runtime
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=backups/kratom-info-<time>.tar"; exit 2; }
	$(LOCAL_ENV) $(BIN)/python manage.py restore "$(FILE)"

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(VENV)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis .import_linter_cache staticfiles
