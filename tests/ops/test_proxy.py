"""nginx in front of gunicorn, with the repository's configuration (deploy/nginx).

Slow clients tie up nginx connections, not gunicorn's threads; nginx's own errors are
problem+json; the embedded server closes connections it refuses early.
"""

import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests

from tests.ops.servers import ROOT, free_port, start_gunicorn, wait_for

TEMPLATE = ROOT / "deploy" / "nginx" / "claimdesk.conf.template"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
ADMIN_KEY = "cdk_proxy_test_admin_key_0001"
MAX_BODY = 64 * 1024
SLOW_SOCKETS = 8
PROBLEM_JSON = "application/problem+json"

pytestmark = pytest.mark.skipif(
    not os.path.exists(NGINX), reason="nginx is not installed (.ci/run installs it)"
)


def render(template: str, values: dict[str, str]) -> str:
    """Substitute ``${NAME}`` as the official image's envsubst step does (known names only)."""
    return re.sub(r"\$\{(\w+)\}", lambda m: values.get(m[1], m[0]), template)


def start_api(port: int, home: Path) -> subprocess.Popen:
    """gunicorn with the project's config, in memory, 1 worker x 4 threads, keys required."""
    settings = {
        "HOME": str(home),  # where gunicorn's control socket would go by default
        "THREADS": "4",
        "EXTRACTION_ENABLED": "false",
        "RATE_LIMIT_ENABLED": "false",
        "AUTH": "required",
        "BOOTSTRAP_ADMIN_KEY": ADMIN_KEY,
        "MAX_BODY_BYTES": str(MAX_BODY),
        "PROXY_HOPS": "1",
        "XDG_RUNTIME_DIR": None,
    }
    return start_gunicorn(port, settings)


def start_nginx(workdir: Path, port: int, upstream_port: int) -> subprocess.Popen:
    """Debian's nginx with the repository's server block, everything under ``workdir``."""
    server = render(
        TEMPLATE.read_text(),
        {
            "CLAIMDESK_UPSTREAM": f"127.0.0.1:{upstream_port}",
            "NGINX_PORT": f"127.0.0.1:{port}",
            "NGINX_MAX_BODY": str(MAX_BODY),
        },
    )
    (workdir / "claimdesk.conf").write_text(server)
    user = pwd.getpwuid(os.geteuid()).pw_name  # only used when run as root
    temp = "\n".join(
        f"    {kind}_temp_path {workdir / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (workdir / "nginx.conf").write_text(
        f"user {user};\nworker_processes 1;\npid {workdir / 'nginx.pid'};\n"
        f"error_log {workdir / 'error.log'} warn;\ndaemon off;\n"
        "events { worker_connections 256; }\n"
        f"http {{\n    access_log off;\n{temp}\n    include {workdir / 'claimdesk.conf'};\n}}\n"
    )
    return subprocess.Popen(
        [NGINX, "-p", str(workdir), "-e", str(workdir / "error.log"), "-c", "nginx.conf"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """(proxy URL, gunicorn URL, gunicorn, its HOME) running; both stopped afterwards."""
    workdir = tmp_path_factory.mktemp("nginx")
    home = tmp_path_factory.mktemp("home")
    api_port, proxy_port = free_port(), free_port()
    api = start_api(api_port, home)
    proxy = start_nginx(workdir, proxy_port, api_port)
    try:
        wait_for(f"http://127.0.0.1:{api_port}/healthz", api)
        wait_for(f"http://127.0.0.1:{proxy_port}/healthz", proxy)
        yield f"http://127.0.0.1:{proxy_port}", f"http://127.0.0.1:{api_port}", api, home
    finally:
        for proc in (proxy, api):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=20)
            for stream in (proc.stdout, proc.stderr):
                if stream is not None:
                    stream.close()  # an unclosed pipe warns at a random later test


def address(url: str) -> tuple[str, int]:
    """(host, port) of a URL."""
    host, port = url.removeprefix("http://").split(":")
    return host, int(port)


def open_slow_sockets(url: str) -> list[socket.socket]:
    """Half the sockets send an unfinished head, half a body shorter than announced."""
    sockets = []
    for number in range(SLOW_SOCKETS):
        sock = socket.create_connection(address(url), timeout=5)
        if number % 2:
            head = "POST /api/v1/sides HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            sock.sendall(f'{head}Content-Length: 1000\r\n\r\n{{"name":'.encode())
        else:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: 1\r\n")
        sockets.append(sock)
    return sockets


def test_slow_sockets_do_not_stop_healthz_behind_the_proxy(stack):
    proxy, *_ = stack
    sockets = open_slow_sockets(proxy)
    try:
        time.sleep(0.5)  # nginx has accepted them all and is waiting on each
        for _ in range(5):
            response = requests.get(f"{proxy}/healthz", timeout=5)
            assert response.status_code == 200
            assert response.json() == {"status": "ok"}
        headers = {"Authorization": f"Bearer {ADMIN_KEY}"}
        created = requests.post(f"{proxy}/api/v1/sides", json={"name": "Union"}, headers=headers)
        assert created.status_code == 201
    finally:
        for sock in sockets:
            sock.close()


def raw_exchange(url: str, data: bytes) -> bytes:
    """Send bytes on a fresh connection; everything read until the peer closes or pauses."""
    with socket.create_connection(address(url), timeout=5) as sock:
        sock.sendall(data)
        received = b""
        try:
            while chunk := sock.recv(65536):
                received += chunk
        except (TimeoutError, ConnectionResetError):
            pass  # a pause, or a refusal that resets after answering: keep what came
    return received


def head_and_body(raw: bytes) -> tuple[int, dict[str, str], bytes]:
    """Status, lower-cased headers and body of a raw HTTP/1.1 response."""
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.lower().split(": ", 1) for line in lines[1:] if ": " in line)
    return int(lines[0].split()[1]), headers, body


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"GET /" + b"a" * 6000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        (b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 6000 + b"\r\n\r\n", 431),
        (b"GET /healthz HTTP/1.1\r\n\r\n", 400),
        (b"BROKEN\x01 / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        (
            b"POST /api/v1/sides HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: " + str(MAX_BODY + 1).encode() + b"\r\n\r\n",
            413,
        ),
    ],
)
def test_the_proxy_answers_its_own_errors_in_problem_json(stack, request_bytes, status):
    proxy, *_ = stack
    code, headers, body = head_and_body(raw_exchange(proxy, request_bytes))
    assert code == status, body
    assert headers["content-type"] == PROBLEM_JSON
    assert f'"status": {status}'.encode() in body


def test_a_chunked_body_over_the_limit_is_413_through_the_proxy(stack):
    proxy, api, *_ = stack
    chunk = b"x" * (MAX_BODY + 10)
    body = hex(len(chunk))[2:].encode() + b"\r\n" + chunk + b"\r\n0\r\n\r\n"
    head = (
        b"POST /api/v1/sides HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Authorization: Bearer " + ADMIN_KEY.encode() + b"\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    for url in (proxy, api):
        code, headers, _ = head_and_body(raw_exchange(url, head + body))
        assert code == 413, url
        assert headers["content-type"] == PROBLEM_JSON


@pytest.mark.parametrize(
    ("extra_headers", "status"),
    [
        (b"", 401),
        (b"Authorization: Bearer " + ADMIN_KEY.encode() + b"\r\n", 415),
    ],
)
def test_an_early_refusal_closes_the_connection_instead_of_keeping_it(stack, extra_headers, status):
    _, api, *_ = stack
    request_bytes = (
        b"POST /api/v1/sides HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
        + extra_headers
        + b"Content-Length: 40\r\n\r\n"
    )
    code, headers, _ = head_and_body(raw_exchange(api, request_bytes))
    assert code == status
    assert headers["connection"] == "close"


def test_gunicorn_makes_no_control_socket(stack):
    *_, home = stack
    assert not (home / ".gunicorn").exists()
    assert list(home.iterdir()) == []


def test_bad_gateway_is_problem_json_when_gunicorn_is_down(stack):
    proxy, _, api, _ = stack
    api.send_signal(signal.SIGTERM)
    api.wait(timeout=30)
    response = requests.get(f"{proxy}/healthz", timeout=10)
    assert response.status_code == 502
    assert response.headers["Content-Type"] == PROBLEM_JSON
    assert response.json()["status"] == 502
    assert response.headers["Retry-After"] == "5"
