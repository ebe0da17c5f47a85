"""PostgreSQL's bounds: the settings read them from the environment, and a server that stops answering is given
up on by the client (operations/database.py), shown against a fake server that speaks just enough of the
protocol to open a session and then never answers, as a SIGSTOPped PostgreSQL does (tests/ops has the real one)."""

import contextlib
import json
import os
import socket
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
import pytest

from operations.database import bounded_connection_class

ROOT = Path(__file__).resolve().parent.parent
URL = "postgres://app@db.internal:5432/kratom"


def database_settings(**env) -> dict:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_URL"))}
    script = (
        "import json, kratom_info.settings as s; o = s.DATABASES['default']['OPTIONS'];"
        "c = o['pool'].pop('connection_class'); o['answer'], o['ping'] = c.answer_timeout, c.ping_timeout;"
        "print(json.dumps(o))"
    )
    env = {**clean, "DJANGO_DEBUG": "1", "DATABASE_URL": f"{URL}?sslmode=require", **env}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_defaults_are_well_under_gunicorns_timeout():
    options = database_settings()
    assert options["options"] == "-c statement_timeout=10000 -c lock_timeout=5000"
    assert options["connect_timeout"] == 3
    assert options["pool"]["timeout"] == 3
    assert options["answer"] == 12  # a little above the statement timeout
    assert options["ping"] == 3  # the pool's health check: as long as opening a connection may take
    assert options["pool"]["timeout"] + options["answer"] < 30  # gunicorn --timeout in the README
    assert options["sslmode"] == "require"  # what DATABASE_URL says is kept


def test_every_bound_is_read_from_the_environment():
    options = database_settings(
        DATABASE_STATEMENT_TIMEOUT="4.5",
        DATABASE_LOCK_TIMEOUT="1",
        DATABASE_CONNECT_TIMEOUT="5",
        DATABASE_POOL_TIMEOUT="2",
        DATABASE_ANSWER_TIMEOUT="7",
    )
    assert options["options"] == "-c statement_timeout=4500 -c lock_timeout=1000"
    assert (options["connect_timeout"], options["pool"]["timeout"], options["answer"], options["ping"]) == (5, 2, 7, 5)


def test_no_statement_timeout_means_no_answer_timeout_unless_asked():
    options = database_settings(DATABASE_STATEMENT_TIMEOUT="0", DATABASE_LOCK_TIMEOUT="0")
    assert options["options"] == "-c statement_timeout=0 -c lock_timeout=0"
    assert options["answer"] is None
    assert database_settings(DATABASE_STATEMENT_TIMEOUT="0", DATABASE_ANSWER_TIMEOUT="3")["answer"] == 3


def message(kind: bytes, payload: bytes = b"") -> bytes:
    return kind + struct.pack("!i", len(payload) + 4) + payload


@contextlib.contextmanager
def silent_server(*, open_session: bool):
    """A server on a loopback port that accepts connections and then stops answering: at once, or after
    opening the session (authentication, parameters, ready for a query). It reads whatever it is sent."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()
    accepted: list[socket.socket] = []

    def serve():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            accepted.append(connection)
            if open_session:
                (length,) = struct.unpack("!i", connection.recv(4))
                connection.recv(length - 4)  # the startup message
                parameters = [(b"server_version", b"15.0"), (b"client_encoding", b"UTF8"), (b"DateStyle", b"ISO")]
                reply = message(b"R", struct.pack("!i", 0))  # authentication OK
                reply += b"".join(message(b"S", name + b"\0" + value + b"\0") for name, value in parameters)
                reply += message(b"K", struct.pack("!ii", 1, 2)) + message(b"Z", b"I")
                connection.sendall(reply)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=5)
        for connection in accepted:
            connection.close()
        listener.close()


def connect(port: int, answer_timeout: float | None, ping_timeout: float | None = None, **params):
    return bounded_connection_class(answer_timeout, ping_timeout).connect(
        host="127.0.0.1", port=port, user="app", dbname="kratom", sslmode="disable", gssencmode="disable", **params
    )


@pytest.mark.parametrize("autocommit", [True, False])
def test_a_query_the_server_never_answers_ends_after_the_answer_timeout(autocommit):
    with silent_server(open_session=True) as port:
        connection = connect(port, 1.5, connect_timeout=2, autocommit=autocommit)
        started = time.monotonic()
        with pytest.raises(psycopg.OperationalError, match=r"did not answer within 1.5 s"):
            connection.execute("SELECT 1")
        assert 1.5 <= time.monotonic() - started < 3
        assert connection.closed  # mid-protocol: never handed out again
        with pytest.raises(psycopg.OperationalError):  # and the next use fails at once, not after another wait
            connection.execute("SELECT 1")


def test_the_pools_health_check_has_its_own_shorter_bound():
    from psycopg_pool import ConnectionPool

    with silent_server(open_session=True) as port:
        connection = connect(port, 10, 1, connect_timeout=2, autocommit=True)
        started = time.monotonic()
        with pytest.raises(psycopg.OperationalError, match=r"within 1 s \(DATABASE_CONNECT_TIMEOUT\)"):
            ConnectionPool.check_connection(connection)
        assert time.monotonic() - started < 2.5
        assert connection.closed


def test_a_server_that_never_opens_the_session_ends_after_the_connect_timeout():
    with silent_server(open_session=False) as port:
        started = time.monotonic()
        with pytest.raises(psycopg.OperationalError, match="timeout"):
            connect(port, 1, connect_timeout=2)
        assert 2 <= time.monotonic() - started < 4
