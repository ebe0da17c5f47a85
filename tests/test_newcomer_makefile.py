"""The Makefile as a newcomer meets it (issue 20): every target has a rule and is in `make help`, `make run
HOST=...` gives the site that address for its absolute links, `make backup` and `make restore` use what `make
run` uses, `make clean` leaves no cache, and `make ops` says what it needs before it starts anything.

Dry runs (`make -n`) print the commands without running them: nothing here installs, serves or writes."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAKEFILE = (ROOT / "Makefile").read_text()
PHONY = re.search(r"^\.PHONY:(.*)$", MAKEFILE, re.MULTILINE).group(1).split()

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def make(*args: str, **env: str) -> subprocess.CompletedProcess:
    """`make ARGS` in the repository, in an environment without this run's settings or an outer make's flags."""
    ignored = ("DJANGO_", "DATABASE_URL", "REDIS_URL", "SITE_URL", "HOST", "FILE", "MAKE", "MFLAGS")
    clean = {key: value for key, value in os.environ.items() if not key.startswith(ignored)}
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def dry_run(*args: str, **env: str) -> str:
    result = make("-n", *args, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def command_of(output: str, needle: str) -> str:
    """The one printed command that contains `needle`."""
    lines = [line for line in output.splitlines() if needle in line]
    assert len(lines) == 1, output
    return lines[0]


def test_every_declared_target_has_a_rule_and_is_in_make_help():
    assert {"run", "test", "check", "lint", "clean", "help", "backup", "restore", "ops"} <= set(PHONY)
    listed = make("help").stdout
    for target in PHONY:
        result = make("-n", target, "FILE=backups/example.tar")
        assert "No rule to make target" not in result.stderr, target
        assert "Nothing to be done" not in result.stdout, target  # declared .PHONY, with no rule
        assert result.returncode == 0, (target, result.stderr)
        assert f"make {target} " in listed, f"`make help` does not list {target}"


def test_make_check_runs_djangos_checks_and_the_migrations_check():
    output = dry_run("check")
    assert "manage.py check --fail-level WARNING" in output
    assert "manage.py makemigrations --check --dry-run" in output


def test_make_run_on_another_address_gives_absolute_links_that_address():
    output = dry_run("run", "HOST=127.0.0.1:8101")
    server = command_of(output, "runserver")
    assert server.endswith("runserver 127.0.0.1:8101")
    assert 'SITE_URL="http://127.0.0.1:8101"' in server
    assert "8000" not in server
    # An address set on purpose wins.
    server = command_of(dry_run("run", "HOST=127.0.0.1:8101", SITE_URL="https://kratom.example"), "runserver")
    assert 'SITE_URL="https://kratom.example"' in server


@pytest.mark.parametrize("target", ["backup", "restore"])
def test_backup_and_restore_use_what_make_run_uses(target):
    """With no secret key in the environment (a newcomer after `make run`), debug on as `make run` has it;
    with one (a production machine), the environment as it is."""
    run_env = command_of(dry_run("run"), "runserver").split(" SITE_URL=")[0]
    local = command_of(dry_run(target, "FILE=backups/example.tar"), f"manage.py {target}")
    assert local.startswith(f"{run_env} "), (run_env, local)

    production = dry_run(target, "FILE=backups/example.tar", DJANGO_SECRET_KEY="x" * 50)
    assert "DJANGO_DEBUG" not in command_of(production, f"manage.py {target}")


def test_one_secret_key_recipe():
    assert MAKEFILE.count("secrets.token_urlsafe") == 1
    for target in ("test", "check", "ops", "bench"):
        assert 'DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-$(' in dry_run(target), target


def test_make_clean_removes_every_cache():
    removed = command_of(dry_run("clean"), "rm -rf").split()
    assert {".venv", ".pytest_cache", ".ruff_cache", ".hypothesis", ".import_linter_cache"} <= set(removed)


def test_make_lint_checks_the_import_contracts():
    assert ".venv/bin/lint-imports" in dry_run("lint")


def test_make_ops_says_what_it_needs_before_it_starts():
    help_text = make("help").stdout
    for prerequisite in ("root", "'postgres' system user", "PostgreSQL 15 in /usr/lib/postgresql/15/bin"):
        assert prerequisite in help_text
    result = make("ops", "OPS_PG_BIN=/nonexistent/postgresql/15/bin")
    assert result.returncode != 0
    assert "make ops: " in result.stdout  # one sentence saying what is missing and how to get it
    assert "pytest" not in result.stdout + result.stderr  # nothing was started
    if (
        os.geteuid() == 0
        and shutil.which("runuser")
        and subprocess.run(["id", "postgres"], capture_output=True).returncode == 0
    ):
        assert "PostgreSQL 15's initdb and pg_ctl are not in /nonexistent/postgresql/15/bin" in result.stdout
