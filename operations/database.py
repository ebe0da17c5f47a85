"""How the site talks to its database: SQLite's options (sqlite_options), PostgreSQL's (postgres_options).

For PostgreSQL, a client-side bound on every wait for its answer, so a hung server costs a request seconds, not a
worker.

`statement_timeout` and `lock_timeout` are enforced by the server: a server that is hung (SIGSTOPped,
swapping, a frozen VM) never enforces them, because it never answers at all. TCP keepalives and
`tcp_user_timeout` do not help either while the server's machine is up: its kernel acknowledges every packet
and every keepalive probe on behalf of the stopped process, so the socket looks healthy forever. And a
cancel request goes to the same stopped server. Only the client can bound this.

So the pool's connections are `BoundedConnection`s: every wait psycopg does on an open connection (a query,
its rows, COMMIT and ROLLBACK) gives up after `answer_timeout` seconds, and the pool's health check (an empty
query, answered at once by a live server) after `ping_timeout`, the connect timeout. The
connection is then closed (it is mid-protocol, never reusable) and the caller gets an OperationalError:
Django raises its own OperationalError, and DatabaseUnavailableMiddleware answers 503. Opening a connection
is bounded by psycopg itself (`connect_timeout`) and waiting for one by the pool's `timeout`.

The bound sits a little above the server's `statement_timeout`, so a slow query the server is still
answering for is stopped by the server first, with its ordinary error, and the connection stays usable.
"""

import psycopg
from psycopg import errors

# What psycopg (3.2 and later) raises when a wait given a timeout expires: a private OperationalError subclass.
# Looked up by name so that a psycopg without it fails here, at start-up, not in the middle of an outage.
WAIT_TIMEOUT = errors._WaitTimeout


def sqlite_options() -> dict:
    """DATABASES["default"]["OPTIONS"] for SQLite, the default. IMMEDIATE takes the write lock at BEGIN, so two
    writers queue on busy_timeout (`timeout`, seconds) instead of failing with "database is locked"
    mid-transaction; WAL lets readers read while one writes."""
    return {
        "transaction_mode": "IMMEDIATE",
        "timeout": 5,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }


class BoundedConnection(psycopg.Connection):
    """A psycopg connection whose waits for the server end after `answer_timeout` seconds, and the pool's
    health check after `ping_timeout` seconds (None: never)."""

    answer_timeout: float | None = None
    ping_timeout: float | None = None
    _bound: tuple[float, str] | None = None  # the bound of the wait in progress, and the setting that gave it

    def execute(self, query, *args, **kwargs):
        # The empty query is psycopg_pool's check_connection, run on an idle connection before the pool lends
        # it: a ping, which a live server answers at once. Waiting the whole answer timeout for it would make
        # every worker's first request after a hang wait that long for nothing.
        if query == "" and self.ping_timeout:
            self._bound = (self.ping_timeout, "DATABASE_CONNECT_TIMEOUT")
            try:
                return super().execute(query, *args, **kwargs)
            finally:
                self._bound = None
        return super().execute(query, *args, **kwargs)

    def wait(self, gen, interval: float = 0.1, timeout: float | None = None):
        bound, setting = self._bound or (self.answer_timeout, "DATABASE_ANSWER_TIMEOUT")
        # psycopg's own bounded waits (notifies, a cancel) keep their bound; every other wait gets ours.
        if timeout is not None or not bound:
            return super().wait(gen, interval, timeout)
        try:
            return super().wait(gen, interval, bound)
        except WAIT_TIMEOUT as error:
            self.close()  # mid-protocol: never usable again, and the pool discards a closed connection
            raise errors.OperationalError(
                f"the database server did not answer within {bound:g} s ({setting}); the connection was closed"
            ) from error


def bounded_connection_class(answer_timeout: float | None, ping_timeout: float | None) -> type[BoundedConnection]:
    """The connection class for the pool (`OPTIONS["pool"]["connection_class"]`) with these bounds (0: none)."""
    bounds = {"answer_timeout": answer_timeout or None, "ping_timeout": ping_timeout or None}
    return type("BoundedConnection", (BoundedConnection,), bounds)


def postgres_options(
    url_options: dict,
    *,
    statement_timeout: float,
    lock_timeout: float,
    connect_timeout: int,
    pool_timeout: float,
    answer_timeout: float,
    pool_min: int,
    pool_max: int,
    reconnect_timeout: float,
) -> dict:
    """DATABASES["default"]["OPTIONS"] for PostgreSQL: the options DATABASE_URL gave (e.g. ?sslmode=require),
    the server's bounds, and a pool of BoundedConnections. The settings read every value from the environment.

    With CONN_HEALTH_CHECKS on, Django gives the pool a `check` that drops dead connections (after a server
    restart) before handing them out."""
    # The server's own bounds (it cancels the statement, a 503 page), in milliseconds, after any the URL gave.
    server_bounds = [
        f"-c statement_timeout={round(statement_timeout * 1000)}",
        f"-c lock_timeout={round(lock_timeout * 1000)}",
    ]
    return {
        **url_options,
        "options": " ".join(filter(None, [url_options.get("options", ""), *server_bounds])),
        "connect_timeout": connect_timeout,
        "pool": {
            "min_size": pool_min,
            "max_size": pool_max,
            "timeout": pool_timeout,  # then a 503 page, not a hang
            # The pool retries a lost server with doubling delays for this long, then gives up and the next
            # request tries at once. Kept short, so the first request after a restart finds the server.
            "reconnect_timeout": reconnect_timeout,
            # A server that stops answering mid-query (hung, not down): the client gives up by itself.
            "connection_class": bounded_connection_class(answer_timeout, connect_timeout),
        },
    }
