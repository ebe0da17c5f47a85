# Kratom Info. `make run` and `make test` need only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000

.PHONY: run test lint format check clean help backup restore ops bench

help:
	@echo "make run    - set up and serve http://$(HOST) on SQLite with demo content (DJANGO_DEBUG=1)"
	@echo "make test   - run the test suite (SQLite; set DATABASE_URL for PostgreSQL)"
	@echo "make lint   - ruff check and format check"
	@echo "make format - ruff format and fix"
	@echo "make ops    - the ops tests: real gunicorn nodes, PostgreSQL, Redis (outside make test)"
	@echo "make bench  - requests per second of each page against a bare view (bench/results.json)"
	@echo "make backup - write backups/kratom-info-<time>.tar (database, media, manifest)"
	@echo "make restore FILE=backups/... - restore a backup into an empty database"

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
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --no-input
	@if DJANGO_DEBUG=1 $(BIN)/python manage.py help load_demo_content >/dev/null 2>&1; then \
		DJANGO_DEBUG=1 $(BIN)/python manage.py load_demo_content; fi
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver $(HOST)

# Tests run with debug off, so they need a real secret key: a fresh one each run.
test: $(VENV)/.dev
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
		$(BIN)/pytest $(PYTEST_ARGS)

# Real servers on 127.0.0.1 (needs PostgreSQL and Redis): load, a database restart, two nodes, backups.
ops: $(VENV)/.dev
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
		$(BIN)/pytest -m ops tests/ops -p no:cacheprovider -s $(PYTEST_ARGS)

# Requests per second of each page against a bare view, on a production node (bench/run.py).
bench: $(VENV)/.runtime
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')}" \
		$(BIN)/python bench/run.py

backup: $(VENV)/.runtime
	$(BIN)/python manage.py backup

restore: $(VENV)/.runtime
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=backups/kratom-info-<time>.tar"; exit 2; }
	$(BIN)/python manage.py restore "$(FILE)"

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
