"""Redis fails under real nodes: readers never see a 5xx, staff can log in, a takedown made during the
outage takes when Redis comes back from an old snapshot, and an urgent alert whose worker is killed
mid-send is sent by the digest exactly once. Each test runs its own redis-server, to stop, hang and
restore at will; and, for the alert, its own small mail server."""

import contextlib
import os
import re
import secrets
import signal
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

from tests.ops import harness

PASSWORD = "ops-" + secrets.token_urlsafe(16)
TOTP_KEY, SECOND_TOTP_KEY = secrets.token_bytes(20), secrets.token_bytes(20)  # a code is good once: one each
SLUG = "cache-outage-article"
SETUP = f"""
from django.contrib.auth.models import Group, User
from django_otp.plugins.otp_totp.models import TOTPDevice
from articles.models import Article
from editorial.models import Contributor, Status
from editorial.roles import MODERATOR, REVIEWER
user = User.objects.create_user("ops-reviewer", "reviewer@example.org", {PASSWORD!r}, is_staff=True)
user.groups.add(Group.objects.get(name=REVIEWER), Group.objects.get(name=MODERATOR))
Contributor.objects.create(name="Ops Reviewer", slug="ops-reviewer", credentials="MD", user=user)
TOTPDevice.objects.create(user=user, name="ops", key={TOTP_KEY.hex()!r}, confirmed=True)
second = User.objects.create_user("ops-reviewer-2", "reviewer2@example.org", {PASSWORD!r}, is_staff=True)
second.groups.add(Group.objects.get(name=REVIEWER))
Contributor.objects.create(name="Ops Reviewer Two", slug="ops-reviewer-2", credentials="MD", user=second)
TOTPDevice.objects.create(user=second, name="ops", key={SECOND_TOTP_KEY.hex()!r}, confirmed=True)
writer = Contributor.objects.get(slug="example-writer-demo")
article = Article.objects.create(title="Here until taken down", slug={SLUG!r}, summary="A page to take down.",
    body="A claim [@fda-kratom].", author=writer, status=Status.IN_REVIEW)
print(article.pk)
"""
PUBLIC = ["/", "/articles/", "/articles/kratom-and-depression/", "/get-help/", "/robots.txt", "/admin/login/"]


class PrivateRedis:
    """A redis-server of this test's own on a free port, with a snapshot file it loads when started again."""

    def __init__(self):
        self.port = harness.free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="kratom-redis-"))
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "PrivateRedis":
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.directory)]
        command += ["--dbfilename", "dump.rdb", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while self.cli("PING") != "PONG":
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.1)
        return self

    def cli(self, *command: str) -> str:
        command = ["redis-cli", "-p", str(self.port), *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=10).stdout.strip()

    def snapshot(self) -> None:
        assert self.cli("SAVE") == "OK"

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)
            self.process.kill()  # no save on the way down: the snapshot on disk is what comes back
            self.process.wait(timeout=10)

    def pause(self) -> None:
        self.process.send_signal(signal.SIGSTOP)  # hung: connections are accepted, nothing is answered

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)


@pytest.fixture
def private_redis():
    server = PrivateRedis().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def outage_site(site):
    return site, int(harness.manage("shell", "-c", SETUP, env=site).split()[-1])


@contextlib.contextmanager
def node_with(env: dict[str, str], workers: int = 2):
    node = harness.Node(env, workers=workers, name="outage").start()
    try:
        yield node
    finally:
        node.stop()


def publish(reviewer: harness.Client, article_pk: int, step: str) -> harness.Response:
    form = harness.hidden_inputs(reviewer.get(f"/admin/articles/article/{article_pk}/change/").body)
    return reviewer.post(
        f"/admin/articles/article/{article_pk}/transition/{step}/",
        {"csrfmiddlewaretoken": form["csrfmiddlewaretoken"], "note": "ops test"},
    )


def test_redis_stopped_and_hung_under_load_is_never_an_outage(outage_site, private_redis):
    site, _ = outage_site
    results, phase, stop = [], ["up"], threading.Event()
    with node_with({**site, "REDIS_URL": private_redis.url}) as node:

        def reader(number: int) -> None:
            client = node.client(source=f"127.0.0.{20 + number}", timeout=20)
            while not stop.is_set():
                path = [*PUBLIC, "/healthz"][len(results) % (len(PUBLIC) + 1)]
                started, current = time.monotonic(), phase[0]
                try:
                    response = client.get(path)
                    status, body = response.status, response.body
                except OSError:
                    status, body = 0, ""
                client.cookies.clear()  # every request a new, cookie-less reader (the cached path)
                results.append((current, path, status, time.monotonic() - started, body[:200]))

        load = [threading.Thread(target=reader, args=(n,)) for n in range(4)]
        for thread in load:
            thread.start()
        try:
            time.sleep(2)
            phase[0] = "stopped"
            private_redis.stop()
            time.sleep(3)
            staff = node.client(source="127.0.0.40")
            staff.staff_login("ops-reviewer", PASSWORD, TOTP_KEY)  # asserts the admin home answers 200
            time.sleep(1)
            phase[0] = "hung"
            private_redis.start()
            private_redis.pause()
            time.sleep(4)
            phase[0] = "back"
            private_redis.resume()
            time.sleep(2)
        finally:
            stop.set()
            for thread in load:
                thread.join(timeout=60)

    by_phase = {name: [r for r in results if r[0] == name] for name in ("up", "stopped", "hung", "back")}
    slowest = {name: max((r[3] for r in rows), default=0) for name, rows in by_phase.items()}
    print(
        "\nrequests per phase: "
        + ", ".join(f"{name} {len(rows)} (slowest {slowest[name]:.2f}s)" for name, rows in by_phase.items())
    )
    assert all(by_phase.values())
    failures = [r[:4] for r in results if r[2] == 0 or r[2] >= 500]
    assert not failures, failures[:10]
    assert all(r[2] == 200 for r in results), [r[:4] for r in results if r[2] != 200][:10]
    health = [r for r in results if r[1] == "/healthz"]
    assert any('"degraded"' in r[4] for r in health if r[0] in ("stopped", "hung"))
    assert slowest["hung"] < 5  # a hung Redis costs a short timeout now and then, never redis-py's minutes


def test_a_takedown_during_an_outage_takes_when_redis_returns_from_an_old_snapshot(outage_site, private_redis):
    site, article_pk = outage_site
    page = f"/articles/{SLUG}/"
    with node_with({**site, "REDIS_URL": private_redis.url}) as node:
        reviewer = node.client(source="127.0.0.41")
        reviewer.staff_login("ops-reviewer-2", PASSWORD, SECOND_TOTP_KEY)
        assert publish(reviewer, article_pk, "publish").status == 302
        reader = node.client()
        assert reader.get(page).status == 200
        assert reader.get(page).status == 200  # served from the cache now
        private_redis.snapshot()  # the cache as it is: the page and the version it was stored under

        private_redis.stop()
        taken_down = publish(reviewer, article_pk, "unpublish")
        assert taken_down.status == 302, taken_down.body[:500]  # not a 500 for the reviewer
        assert node.client().get(page).status == 404

        private_redis.start()  # back, from the snapshot taken before the takedown
        assert "page:" in private_redis.cli("--scan", "--pattern", "*page:*")  # the old page is in there
        first = node.client().get(page)
        if first.status != 404:  # what the node saw, for the failure message
            database = site["DATABASE_URL"].rsplit("/", 1)[1]
            row = harness.psql("SELECT version, serial FROM editorial_contentversion", database=database)
            print("\nrow:", row, "copy:", private_redis.cli("--scan", "--pattern", "*content-version*"))
            print(first.headers, node.output()[-3000:])
        assert first.status == 404, "the old page came back from the snapshot"
        assert SLUG not in node.client().get("/articles/").body


class MailServer:
    """Just enough SMTP to take mail, or to hang before accepting it (a stuck mail server)."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.hang, self.hanging = threading.Event(), threading.Event()
        self.delivered: list[str] = []
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self.session, args=(connection,), daemon=True).start()

    def session(self, connection: socket.socket) -> None:
        with contextlib.suppress(OSError), connection, connection.makefile("rwb") as stream:

            def say(line: str) -> None:
                stream.write(line.encode() + b"\r\n")
                stream.flush()

            say("220 ops mail")
            while line := stream.readline():
                verb = line.decode(errors="replace").strip().split(" ")[0].upper()
                if verb == "DATA":
                    say("354 go on")
                    message = b""
                    while (chunk := stream.readline()) not in (b".\r\n", b""):
                        message += chunk
                    if self.hang.is_set():
                        self.hanging.set()
                        time.sleep(120)  # never answers: the sender's worker is killed meanwhile
                        return
                    self.delivered.append(message.decode(errors="replace"))
                    say("250 taken")
                elif verb == "QUIT":
                    say("221 bye")
                    return
                else:
                    say("250 ok")

    def close(self) -> None:
        self.listener.close()


def test_an_urgent_alert_whose_worker_is_killed_mid_send_is_sent_by_the_digest_exactly_once(outage_site):
    site, _ = outage_site
    mail = MailServer()
    env = {
        **site,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(mail.port),
        "COMMENTS_ALERT_LEASE_SECONDS": "2",
        "REDIS_URL": "",
        "DJANGO_SINGLE_PROCESS": "1",
    }
    try:
        with node_with(env, workers=1) as node:
            mail.hang.set()
            reader = node.client(source="127.0.0.42")
            form = harness.hidden_inputs(reader.get("/articles/kratom-and-depression/reply/").body)
            time.sleep(3.2)  # COMMENTS_MIN_SECONDS
            body = f"I want to end my life tonight ({secrets.token_hex(4)})"
            sent = reader.post(
                "/articles/kratom-and-depression/reply/",
                {**form, "name": "Someone", "email": "someone@example.org", "body": body},
            )
            assert sent.status == 303 and sent.headers["location"].startswith("/get-help/")
            assert mail.hanging.wait(20), "the alert never reached the mail server"
            workers = subprocess.run(
                ["pgrep", "-P", str(node.process.pid)], capture_output=True, text=True, timeout=10
            ).stdout.split()
            for pid in workers:
                os.kill(int(pid), signal.SIGKILL)  # the worker dies holding the alert
        mail.hang.clear()
        time.sleep(2.5)  # the claim's lease runs out
        for _ in range(2):
            harness.manage("moderation_digest", env=env)
        urgent = [m for m in mail.delivered if re.search(r"Subject: URGENT", m) and "Someone" in m]
        print(f"\nurgent alerts delivered after the kill and two digest runs: {len(urgent)}")
        assert len(urgent) == 1
    finally:
        mail.close()
