"""Real servers on 127.0.0.1 for the ops tests and `make bench`: gunicorn nodes of the production settings,
throwaway PostgreSQL databases and clusters, and a small HTTP client that can pick its source address.

Everything here is bounded: every wait has a timeout, and every process started is stopped by its pid.
"""

import atexit
import contextlib
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PG_HOST, PG_PORT, PG_USER = "127.0.0.1", 5432, "postgres"
ADMIN = "admin/"
SECRET_KEY = secrets.token_urlsafe(50)  # one per run, shared by every node (sessions, signed forms)
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="kratom-ops-static-"))  # collected once per run, for the manifest
atexit.register(shutil.rmtree, STATIC_ROOT, ignore_errors=True)
REDIS_URL = os.environ.get("OPS_REDIS_URL", "redis://127.0.0.1:6379/9")  # its own database number, flushed per test


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_env(**overrides: str) -> dict[str, str]:
    """The environment of a production node: debug off, HTTPS assumed from the proxy header."""
    inherited = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "SITE_URL", "IP_HASH", "TRUSTED_PROXY"))
    }
    return {
        **inherited,
        "DJANGO_SECRET_KEY": SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": "https://127.0.0.1",
        "DJANGO_BEHIND_TLS_PROXY": "1",  # the clients below send X-Forwarded-Proto: https, as a proxy would
        "LOG_LEVEL": "WARNING",
        "DJANGO_STATIC_ROOT": str(STATIC_ROOT),
        "REDIS_URL": REDIS_URL,
        **overrides,
    }


def manage(*args: str, env: dict[str, str], timeout: float = 300) -> str:
    """Run a management command with the given environment; its output, or an error with it."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: str
    cookies: dict[str, str] = field(default_factory=dict)


class Client:
    """HTTP/1.1 to one node, from a chosen loopback address, keeping cookies like a browser."""

    def __init__(self, port: int, *, source: str = "127.0.0.1", timeout: float = 30):
        self.port, self.source, self.timeout = port, source, timeout
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, data: dict | None = None, headers: dict | None = None, files: dict | None = None
    ) -> Response:
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=self.timeout, source_address=(self.source, 0)
        )
        sent = {"X-Forwarded-Proto": "https", "Host": "127.0.0.1", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if files:
            body, sent["Content-Type"] = multipart(data or {}, files)
        elif data is not None:
            body = urlencode(data)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        if body is not None:
            sent["Referer"] = f"https://127.0.0.1{path}"  # Django's CSRF check wants a same-origin referer on HTTPS
        try:
            connection.request(method, path, body=body, headers=sent)
            raw = connection.getresponse()
            text = raw.read().decode("utf-8", "replace")
            response_headers = {name.lower(): value for name, value in raw.getheaders()}
            for line in raw.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(line).items():
                    self.cookies[name] = morsel.value
            return Response(raw.status, response_headers, text)
        finally:
            connection.close()

    def get(self, path: str, **kwargs) -> Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, data: dict, **kwargs) -> Response:
        return self.request("POST", path, data=data, **kwargs)

    def staff_login(self, username: str, password: str, totp_key: bytes) -> None:
        """Log in to the admin as production staff do: password, then a code from their authenticator."""
        from django_otp.oath import totp

        login = f"/{ADMIN}login/"
        form = hidden_inputs(self.get(login).body)
        response = self.post(login, {**form, "username": username, "password": password, "next": f"/{ADMIN}"})
        assert response.status == 302, response.status
        second_step = f"/{ADMIN}two-factor/"
        form = hidden_inputs(self.get(second_step).body)
        response = self.post(second_step, {**form, "token": f"{totp(totp_key):06d}"})
        assert response.status == 302 and self.get(f"/{ADMIN}").status == 200, response.status


def multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes, str]]) -> tuple[bytes, str]:
    """A multipart/form-data body: files map a field to (file name, content, content type)."""
    boundary = secrets.token_hex(16)
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    for name, (filename, content, content_type) in files.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        parts.append(f"{head}Content-Type: {content_type}\r\n\r\n".encode() + content + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def hidden_inputs(html: str) -> dict[str, str]:
    """The hidden fields of the page's forms (CSRF token, signed timestamp)."""
    fields = {}
    for tag in re.findall(r"<input[^>]*type=\"hidden\"[^>]*>", html):
        name, value = re.search(r'name="([^"]+)"', tag), re.search(r'value="([^"]*)"', tag)
        if name:
            fields[name.group(1)] = value.group(1) if value else ""
    return fields


class Node:
    """One gunicorn server of the production settings on a free loopback port."""

    def __init__(self, env: dict[str, str], *, workers: int = 2, name: str = "node"):
        self.env, self.workers, self.name = env, workers, name
        self.port = free_port()
        self.log = tempfile.NamedTemporaryFile(prefix=f"{name}-", suffix=".log", delete=False)  # noqa: SIM115
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> "Node":
        command = [str(BIN / "gunicorn"), "kratom_info.wsgi", "--bind", f"127.0.0.1:{self.port}"]
        command += ["--workers", str(self.workers), "--timeout", "60", "--graceful-timeout", "5", "--no-control-socket"]
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        self.wait_until_healthy(timeout)
        return self

    def wait_until_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{self.output()}")
            with contextlib.suppress(OSError):
                if self.client(timeout=5).get("/healthz").status == 200:
                    return
            time.sleep(0.2)
        raise TimeoutError(f"{self.name} was not healthy within {timeout}s:\n{self.output()}")

    def client(self, **kwargs) -> Client:
        return Client(self.port, **kwargs)

    def output(self) -> str:
        return Path(self.log.name).read_text(errors="replace")[-5000:]

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        Path(self.log.name).unlink(missing_ok=True)


def psql(sql: str, *, port: int = PG_PORT, database: str = "postgres") -> str:
    result = subprocess.run(
        ["psql", "-h", PG_HOST, "-p", str(port), "-U", PG_USER, "-d", database, "-tAc", sql],
        capture_output=True,
        text=True,
        timeout=60,
    )
    if result.returncode:
        raise RuntimeError(result.stderr)
    return result.stdout.strip()


def flush_redis(url: str = REDIS_URL) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


def redis_available() -> bool:
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_timeout=2).ping()
    except redis.RedisError:
        return False


def postgres_available(port: int = PG_PORT) -> bool:
    return (
        shutil.which("psql") is not None
        and subprocess.run(["pg_isready", "-h", PG_HOST, "-p", str(port), "-q"], timeout=10).returncode == 0
    )


@contextlib.contextmanager
def throwaway_database(*, port: int = PG_PORT, prefix: str = "kratom_ops"):
    """A new, empty PostgreSQL database (its URL), dropped afterwards."""
    name = f"{prefix}_{secrets.token_hex(4)}"
    psql(f'CREATE DATABASE "{name}"', port=port)
    try:
        yield f"postgres://{PG_USER}@{PG_HOST}:{port}/{name}"
    finally:
        psql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'", port=port)
        psql(f'DROP DATABASE IF EXISTS "{name}"', port=port)


class Cluster:
    """A throwaway PostgreSQL cluster on its own port (initdb as the postgres user), to stop and start at will."""

    BIN = Path("/usr/lib/postgresql/15/bin")

    def __init__(self):
        self.port = free_port()
        self.directory = Path(tempfile.mkdtemp(prefix="kratom-pg-"))
        shutil.chown(self.directory, "postgres", "postgres")
        self.data = self.directory / "data"

    def _as_postgres(self, *command: str, timeout: float = 60) -> None:
        subprocess.run(["runuser", "-u", "postgres", "--", *command], check=True, capture_output=True, timeout=timeout)

    def init(self) -> "Cluster":
        self._as_postgres(str(self.BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", PG_USER)
        return self.start()

    def start(self) -> "Cluster":
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1"
        log = str(self.directory / "server.log")
        self._as_postgres(str(self.BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", log, "-w", "start")
        return self

    def stop(self) -> None:
        self._as_postgres(str(self.BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)


def prepared_site(database_url: str, **env: str) -> dict[str, str]:
    """Migrate a database and load the demo content into it; the production environment that uses it."""
    environment = production_env(DATABASE_URL=database_url, **env)
    if not (STATIC_ROOT / "staticfiles.json").exists():  # a new directory each run: never a stale manifest
        manage("collectstatic", "--no-input", env=environment)
    manage("migrate", "--no-input", env=environment)
    manage("load_demo_content", "--allow-in-production", env=environment)
    return environment


# The documented deployment: the README's gunicorn command, deploy/nginx.conf in front of it, and a PostgreSQL
# cluster that can hang (SIGSTOP) rather than stop.

NGINX_CONF = ROOT / "deploy" / "nginx.conf"
README_WORKERS, README_TIMEOUT = 3, 30  # gunicorn ... --workers 3 --timeout 30, as in "Running in production"


class ReadmeNode(Node):
    """A node started with the README's gunicorn command: 3 sync workers, --timeout 30."""

    def start(self, timeout: float = 60) -> "ReadmeNode":
        command = [str(BIN / "gunicorn"), "kratom_info.wsgi", "--bind", f"127.0.0.1:{self.port}"]
        command += ["--workers", str(README_WORKERS), "--timeout", str(README_TIMEOUT)]
        command += ["--graceful-timeout", "5", "--no-control-socket"]
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        self.wait_until_healthy(timeout)
        return self


NGINX = shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")  # Debian's is in /usr/sbin


def nginx_available() -> bool:
    return NGINX is not None and shutil.which("openssl") is not None


class TLSClient(Client):
    """HTTPS to nginx, keeping cookies like a browser. It sends no X-Forwarded-Proto: nginx sets it."""

    def request(
        self, method: str, path: str, data: dict | None = None, headers: dict | None = None, files: dict | None = None
    ) -> Response:
        import ssl

        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # the harness's own certificate
        connection = http.client.HTTPSConnection(
            "127.0.0.1", self.port, timeout=self.timeout, source_address=(self.source, 0), context=context
        )
        sent = {"Host": "127.0.0.1", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Referer"] = f"https://127.0.0.1{path}"  # same origin: nginx passes the host without the port
        try:
            connection.request(method, path, body=body, headers=sent)
            raw = connection.getresponse()
            text = raw.read().decode("utf-8", "replace")
            for line in raw.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(line).items():
                    self.cookies[name] = morsel.value
            return Response(raw.status, {name.lower(): value for name, value in raw.getheaders()}, text)
        finally:
            connection.close()


class Nginx:
    """deploy/nginx.conf in front of a node: nginx in the foreground (no daemon), with its own prefix directory,
    configuration, certificate and free ports. Only the addresses, ports, server name and certificate differ
    from the file in the repository."""

    def __init__(self, upstream_port: int):
        self.upstream_port = upstream_port
        self.port, self.http_port = free_port(), free_port()  # HTTPS, and the plain HTTP that redirects
        self.directory = Path(tempfile.mkdtemp(prefix="kratom-nginx-"))
        self.directory.chmod(0o755)  # nginx's workers (nobody) keep request bodies in temporary files here
        self.log = self.directory / "nginx.log"
        self.process: subprocess.Popen | None = None

    def site_config(self) -> str:
        """deploy/nginx.conf with this harness's addresses; every change must apply, or the file has moved on."""
        text = NGINX_CONF.read_text()
        changes = [
            (r"server 127\.0\.0\.1:8000;", f"server 127.0.0.1:{self.upstream_port};", 1),
            (r"listen 80;", f"listen 127.0.0.1:{self.http_port};", 1),
            (r"listen 443 ssl;", f"listen 127.0.0.1:{self.port} ssl;", 1),
            (r"listen \[::\]:(80|443)( ssl)?;\n", "", 2),
            (r"server_name kratom\.example;", "server_name 127.0.0.1;", 2),
            (r"ssl_certificate \S+;", f"ssl_certificate {self.directory / 'cert.pem'};", 1),
            (r"ssl_certificate_key \S+;", f"ssl_certificate_key {self.directory / 'key.pem'};", 1),
        ]
        for pattern, replacement, expected in changes:
            text, made = re.subn(pattern, replacement, text)
            if made != expected:
                raise RuntimeError(f"deploy/nginx.conf: {pattern!r} matched {made} times, not {expected}")
        return text

    def start(self, timeout: float = 30) -> "Nginx":
        key, certificate = str(self.directory / "key.pem"), str(self.directory / "cert.pem")
        openssl = "openssl req -x509 -nodes -newkey ec -pkeyopt ec_paramgen_curve:P-256 -days 2 -subj /CN=localhost"
        subprocess.run(
            [*openssl.split(), "-keyout", key, "-out", certificate],
            check=True,
            capture_output=True,
            timeout=30,
        )
        (self.directory / "kratom_info.conf").write_text(self.site_config())
        kinds = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        temp_paths = "".join(f"    {kind}_temp_path {self.directory / kind};\n" for kind in kinds)
        (self.directory / "nginx.conf").write_text(
            f"worker_processes 1;\npid {self.directory / 'nginx.pid'};\nerror_log {self.log} warn;\n"
            "events { worker_connections 1024; }\n"
            "http {\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
            f"    access_log off;\n{temp_paths}    include {self.directory / 'kratom_info.conf'};\n}}\n"
        )
        command = [NGINX, "-p", f"{self.directory}/", "-c", str(self.directory / "nginx.conf"), "-g", "daemon off;"]
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx exited with {self.process.returncode}:\n{self.output()}")
            with contextlib.suppress(OSError):
                if self.client(timeout=5).get("/healthz").status == 200:
                    return self
            time.sleep(0.2)
        raise TimeoutError(f"nginx did not answer within {timeout}s:\n{self.output()}")

    def client(self, **kwargs) -> TLSClient:
        return TLSClient(self.port, **kwargs)

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-5000:] if self.log.exists() else ""

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)  # fast shutdown: open slow connections are not waited for
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        shutil.rmtree(self.directory, ignore_errors=True)


class PausableCluster(Cluster):
    """A throwaway cluster that can also hang: SIGSTOP to its postmaster and every process it started, so
    connections are accepted by the kernel and never answered. Only this cluster's processes, found from its
    own postmaster.pid, are ever signalled."""

    def pids(self) -> list[int]:
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == postmaster:  # the parent's pid
                    children.append(int(stat.parent.name))
        return [postmaster, *children]

    def pause(self) -> None:
        self.paused = self.pids()
        for pid in self.paused:  # the postmaster first: it forks no new backend after that
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGSTOP)

    def resume(self) -> None:
        for pid in reversed(getattr(self, "paused", [])):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGCONT)
        self.paused = []

    def remove(self) -> None:
        self.resume()  # never leave a stopped server behind
        super().remove()


@dataclass
class LoadResult:
    """One request of a steady load: what was asked, when, and what came back."""

    path: str
    sent: float
    done: float
    status: int  # 0: no answer at all (a dropped connection), counted as a failure
    retry_after: str | None
    notice: bool


def steady_load(
    port: int, path: str, stop, results: list[LoadResult], timeout: float = 30, pause: float = 0.05
) -> None:
    """Ask for `path` again and again until `stop` is set, noting each answer in `results`."""
    client = Client(port, timeout=timeout)
    while not stop.is_set():
        sent = time.monotonic()
        try:
            response = client.get(path)
            status, retry = response.status, response.headers.get("retry-after")
            notice = "data-safety-notice" in response.body
        except OSError:
            status, retry, notice = 0, None, False
        results.append(LoadResult(path, sent, time.monotonic(), status, retry, notice))
        time.sleep(pause)
