"""Backups: one tar file holding the database (pg_dump custom format, or a consistent SQLite copy), the
uploaded media and a manifest with row counts; and the restore of such a file into an empty database.
"""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection, transaction

FORMAT = 1  # of the manifest; restore refuses files it does not know


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why."""


def _tables() -> dict[str, str]:
    return {
        model._meta.label: model._meta.db_table
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def row_counts(database=None) -> dict[str, int]:
    """Rows per model, for the manifest and for checking a restore; of `database` (a DB-API connection) if given."""
    cursor = database.cursor() if database is not None else connection.cursor()
    counts = {}
    for label, table in _tables().items():
        cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - table names from our own models
        counts[label] = cursor.fetchone()[0]
    return counts


def _libpq_environment() -> tuple[list[str], dict[str, str]]:
    database = settings.DATABASES["default"]
    arguments = ["--host", database["HOST"] or "localhost", "--port", str(database["PORT"] or 5432)]
    arguments += ["--username", database["USER"] or "postgres", "--dbname", database["NAME"]]
    return arguments, {**os.environ, "PGPASSWORD": database["PASSWORD"] or ""}


def _run(command: list[str], environment: dict[str, str] | None = None) -> None:
    try:
        # The command is pg_dump or pg_restore, with arguments from our own settings.
        subprocess.run(command, check=True, capture_output=True, text=True, env=environment, timeout=3600)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client).") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()}") from error


def _dump_database(target: Path) -> tuple[str, dict[str, int]]:
    """Write the dump; the engine, and the row counts of exactly what was dumped (the site may be writing)."""
    if connection.vendor == "postgresql":
        arguments, environment = _libpq_environment()
        with transaction.atomic(), connection.cursor() as cursor:
            # pg_dump reads the snapshot this transaction sees, and the counts are taken in it too.
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}"]
            _run([*command, f"--file={target}", *arguments], environment)
            return "postgresql", row_counts()
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        with copy:
            connection.connection.backup(copy)  # SQLite's online backup: consistent while the site writes
        counts = row_counts(copy)
        copy.close()
        return "sqlite", counts
    raise BackupError(f"Backups of {connection.vendor} databases are not supported.")


def _media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.is_dir() else []


def backup_create(*, directory: Path) -> Path:
    """Write `kratom-info-<UTC time>.tar` into `directory`; its path."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    archive = directory / f"kratom-info-{stamp}.tar"
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / "database"
        engine, rows = _dump_database(dump)
        media = _media_files()
        manifest = {"format": FORMAT, "created_at": stamp, "engine": engine, "rows": rows, "media": len(media)}
        partial = archive.with_suffix(".tar.partial")
        # Readable by the owner only: it holds password hashes, authenticator keys and readers' e-mails.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle, tarfile.open(fileobj=handle, mode="w") as tar:
            tar.add(dump, arcname="database")
            for path in media:
                tar.add(path, arcname=f"media/{path.relative_to(settings.MEDIA_ROOT).as_posix()}")
            _add_bytes(tar, "manifest.json", json.dumps(manifest, indent=2).encode())
        partial.rename(archive)  # never a half-written file under the final name
    return archive


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))


def read_manifest(archive: Path) -> dict:
    try:
        with tarfile.open(archive) as tar:
            manifest = json.load(tar.extractfile("manifest.json"))
    except (OSError, KeyError, tarfile.TarError, json.JSONDecodeError, AttributeError) as error:
        raise BackupError(f"{archive} is not a Kratom Info backup: {error}") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{archive} has backup format {manifest.get('format')!r}; this version reads {FORMAT}.")
    return manifest


def _database_is_empty() -> bool:
    return not connection.introspection.table_names()


def backup_restore(*, archive: Path) -> dict:
    """Restore a backup into the configured, empty database and media storage; the manifest."""
    manifest = read_manifest(archive)
    if manifest["engine"] != connection.vendor:
        raise BackupError(f"The backup is of a {manifest['engine']} database; DATABASE_URL is {connection.vendor}.")
    if not _database_is_empty():
        raise BackupError("The database is not empty. Restore into a new, empty database (createdb), then migrate.")
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive) as tar:
        tar.extractall(work, filter="data")  # the data filter refuses absolute paths, links out and devices
        dump = Path(work) / "database"
        if connection.vendor == "postgresql":
            arguments, environment = _libpq_environment()
            _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", *arguments, str(dump)], environment)
        else:
            connection.close()
            target = Path(settings.DATABASES["default"]["NAME"])
            for journal in (target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
                journal.unlink(missing_ok=True)  # an old journal must not be replayed into the restored file
            shutil.copyfile(dump, target)
        media = Path(work) / "media"
        for path in sorted(media.rglob("*")) if media.is_dir() else []:
            if path.is_file():
                name = path.relative_to(media).as_posix()
                if not default_storage.exists(name):
                    with path.open("rb") as handle:
                        default_storage.save(name, handle)
    return manifest
