"""The documented deployment survives slow clients: deploy/nginx.conf in front of the README's gunicorn command
(3 sync workers). 50 connections sending their request head a byte every few seconds are nginx's to hold, and
other readers' p99 stays under a second while they last. The same connections straight to gunicorn take the
site down for everyone (printed, not asserted). Also through nginx: the largest upload the site takes gets
through and a larger one is refused by nginx, and a reply is accepted with the client's address read from
X-Forwarded-For (TRUSTED_PROXY_COUNT=1)."""

import contextlib
import http.client
import select
import socket
import ssl
import threading
import time
from dataclasses import dataclass

import pytest

from tests.ops import harness
from tests.ops.conftest import require

ARTICLE = "/articles/kratom-and-depression/"
PATHS = ["/", ARTICLE, "/search/?q=kratom", "/healthz"]
SLOW_CONNECTIONS = 50
BYTE_EVERY = 2.0  # seconds between two bytes of a slow request head
SECONDS = 20  # longer than nginx's client_header_timeout (10 s): heads it cuts off are started again
SECONDS_WITHOUT_NGINX = 10


class SlowClients:
    """Connections that send a request head a byte every `interval` seconds and never finish it, all from
    one thread. A connection the server closes is opened again at once, as an attacker's would be."""

    def __init__(self, port: int, *, tls: bool, count: int = SLOW_CONNECTIONS, interval: float = BYTE_EVERY):
        self.port, self.tls, self.count, self.interval = port, tls, count, interval
        self.context = tls_context()
        self.opened = self.closed_by_server = self.failed_to_open = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def open(self) -> socket.socket | None:
        try:
            connection = socket.create_connection(("127.0.0.1", self.port), timeout=5)
            if self.tls:
                connection = self.context.wrap_socket(connection, server_hostname="localhost")
            connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        except OSError:
            self.failed_to_open += 1
            return None
        self.opened += 1
        return connection

    def run(self) -> None:
        connections = [self.open() for _ in range(self.count)]
        while not self.stop.wait(self.interval):
            for n, connection in enumerate(connections):
                try:
                    if connection is None:
                        raise ConnectionError("not open")
                    if select.select([connection], [], [], 0)[0]:  # an answer (408) or the end: it was cut off
                        self.closed_by_server += 1
                        raise ConnectionError("closed by the server")
                    connection.send(b"a")
                except OSError:
                    if connection is not None:
                        connection.close()
                    connections[n] = self.open()
        for connection in connections:
            if connection is not None:
                connection.close()

    def __enter__(self) -> "SlowClients":
        self.thread.start()
        deadline = time.monotonic() + 30
        while self.opened + self.failed_to_open < self.count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join(timeout=30)


@dataclass
class Read:
    path: str
    seconds: float
    status: int


def readers(make_client, seconds: float, *, timeout: float) -> list[Read]:
    """One reader per path, each asking again 0.1 s after every answer, for `seconds`."""
    reads: list[Read] = []
    until = time.monotonic() + seconds

    def read(path: str) -> None:
        client = make_client(timeout)
        while time.monotonic() < until:
            started = time.monotonic()
            try:
                status = client.get(path).status
            except OSError:
                status = 0  # no answer within the timeout, or the connection dropped
            reads.append(Read(path, time.monotonic() - started, status))
            time.sleep(0.1)

    threads = [threading.Thread(target=read, args=(path,)) for path in PATHS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + timeout + 30)
    return reads


def p99(reads: list[Read]) -> float:
    times = sorted(r.seconds for r in reads)
    return times[min(len(times) - 1, int(len(times) * 0.99))]


@pytest.fixture
def deployment(site, redis):
    """The README's gunicorn command with deploy/nginx.conf in front of it; (node, nginx)."""
    require(harness.nginx_available(), "nginx and openssl (apt-get install nginx)", "REQUIRE_NGINX")
    harness.flush_redis()
    node = harness.ReadmeNode({**site, "TRUSTED_PROXY_COUNT": "1"}, name="proxied-node")
    proxy = harness.Nginx(node.port)
    try:
        node.start()
        proxy.start()
        yield node, proxy
    finally:
        proxy.stop()
        node.stop()


def tls_context() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # the harness's own certificate
    return context


def post_body(port: int, path: str, size: int) -> int:
    """The status of a POST of `size` bytes through nginx."""
    connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=60, context=tls_context())
    try:
        connection.request("POST", path, body=b"x" * size, headers={"Host": "127.0.0.1"})
        return connection.getresponse().status
    finally:
        connection.close()


def post_head(port: int, path: str, size: int) -> int:
    """The status nginx answers to a POST head announcing `size` bytes, before any of them is sent."""
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {size}\r\n\r\n"
    raw = socket.create_connection(("127.0.0.1", port), timeout=30)
    with tls_context().wrap_socket(raw, server_hostname="localhost") as connection:
        connection.sendall(head.encode())
        return int(connection.recv(100).split()[1])


def test_slow_clients_hold_nginx_not_gunicorn(deployment):
    node, proxy = deployment
    writer = proxy.client(timeout=30)
    form = harness.hidden_inputs(writer.get(f"{ARTICLE}reply/").body)
    # The largest request the site takes gets through to the app (which refuses it for its own reasons:
    # no login, no CSRF token); a larger one is refused by nginx with 413 before gunicorn sees it.
    uploads = f"/{harness.ADMIN}markdownx/upload/"
    near_limit, over_limit = post_body(proxy.port, uploads, 5 * 2**20 + 4096), post_head(proxy.port, uploads, 7 * 2**20)
    print(f"\nthrough nginx: a POST of 5 MB answered {near_limit} (by the app), one of 7 MB {over_limit} (by nginx)")
    assert near_limit not in (413, 502, 504) and over_limit == 413
    # A reply through nginx: the app reads the client's address from X-Forwarded-For (TRUSTED_PROXY_COUNT=1).
    time.sleep(3.2)  # COMMENTS_MIN_SECONDS
    writer_fields = {"name": "Sam", "email": "sam@example.org", "website": "", "body": "Sent through nginx."}
    assert writer.post(f"{ARTICLE}reply/", {**form, **writer_fields}).status == 303

    # Every worker has rendered every page once (templates loaded) before anything is measured.
    baseline = readers(lambda timeout: proxy.client(timeout=timeout), 5, timeout=10)
    print(f"behind nginx, no slow connections: {len(baseline)} requests, p99 {p99(baseline) * 1000:.0f} ms")

    with SlowClients(proxy.port, tls=True) as slow:
        held = slow.opened
        reads = readers(lambda timeout: proxy.client(timeout=timeout), SECONDS, timeout=10)
        still_open = slow.opened - slow.closed_by_server
    failed = [r for r in reads if r.status != 200]
    print(
        f"behind nginx: {held} slow connections opened at once, {slow.opened} in {SECONDS}s ({slow.closed_by_server}"
        f" cut off by client_header_timeout and opened again); readers: {len(reads)} requests, p99"
        f" {p99(reads) * 1000:.0f} ms, slowest {max(r.seconds for r in reads) * 1000:.0f} ms, {len(failed)} failed"
    )
    assert held == SLOW_CONNECTIONS and still_open >= SLOW_CONNECTIONS - 5
    assert reads and not failed
    assert p99(reads) < 1.0
    assert slow.closed_by_server  # nginx cut off the heads that took longer than client_header_timeout

    # The same connections straight to gunicorn: shown, not asserted (it is why gunicorn is never exposed).
    with SlowClients(node.port, tls=False) as slow:
        reads = readers(lambda timeout: node.client(timeout=timeout), SECONDS_WITHOUT_NGINX, timeout=3)
    answered = [r for r in reads if r.status == 200]
    print(
        f"gunicorn alone ({harness.README_WORKERS} sync workers), same {SLOW_CONNECTIONS} slow connections:"
        f" {len(reads)} requests in {SECONDS_WITHOUT_NGINX}s, {len(answered)} answered,"
        f" {len(reads) - len(answered)} gave up after 3s; p99 {p99(reads):.1f}s"
    )
    with contextlib.suppress(OSError):
        node.wait_until_healthy(timeout=60)  # the workers are free again once the slow connections are gone
