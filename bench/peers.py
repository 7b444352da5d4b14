"""Claimdesk against Python Eve and a bare Flask handler: same data, same server, wrk.

Each service runs in its own process on a loopback port, served by gunicorn with one
worker x 4 threads from an in-memory (mongomock) store filled with the same generated
articles, claims and sides. wrk (-t2 -c8) drives each operation against the services in
turn, A B C A B C, for a few rounds; the script prints the req/s medians and the ratios
Claimdesk / Eve. Nothing is installed at run time: `pip install -e '.[bench]'` brings Eve,
wrk is Debian's package (`apt-get install wrk`).

    .venv/bin/python bench/peers.py [--claims 2000] [--articles 200] [--rounds 3] [--seconds 5]
"""

import argparse
import json
import multiprocessing
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import requests
from api import fill, free_port, serve

from service.app import create_app
from service.auth.repository import KeyRepository
from service.db import get_db

OPERATIONS = ("list claims by side", "get article", "create claim")
PEERS = ("claimdesk", "eve", "flask")
# Fills the body of a POST with a distinct claim per request; counts answers that are not 201.
CREATE_SCRIPT = """
local articles = {%(articles)s}
local counter, threads = 0, {}
bad = 0
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  prefix = args[1]
end
function request()
  counter = counter + 1
  local article = articles[(counter * 7 + tid) %% #articles + 1]
  local body = string.format(
    '{"%(article_field)s": "%%s", "text": "peer claim %%s-%%d-%%d", "kind": "position"}',
    article, prefix, tid, counter)
  return wrk.format("POST", nil, nil, body)
end
function response(status, headers, body)
  if status ~= 201 then bad = bad + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("bad") end
  io.write(string.format("not201 %%d\\n", total))
end
"""


def claimdesk_server(port: int, sizes: tuple[int, int], ready) -> None:
    """Claimdesk as a user meets it: auth on, a writer (editor) key, limits high enough."""
    os.environ.pop("MONGO_URI", None)
    app = create_app(
        {
            "LOAD_SEEDS": False,
            "EXTRACTION_ENABLED": False,
            "AUTH": "required",
            "RATE_LIMIT": "100000000 per minute",
        }
    )
    ids = fill(app, *sizes)
    with app.app_context():
        db = get_db()
        _, key = KeyRepository(db).create("bench-writer", "editor")
        ids["side_ids"] = [str(db.sides.find_one({"slug": s})["_id"]) for s in ids["sides"]]
        docs = {name: list(db[name].find()) for name in ("articles", "claims", "sides")}
    ready.put({**ids, "key": key, "docs": docs})
    serve(app, port, 4)


def with_eve_fields(docs: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """Claimdesk's documents with Eve's bookkeeping fields."""
    return {
        name: [{**d, "_created": d["created_at"], "_updated": d["updated_at"]} for d in found]
        for name, found in docs.items()
    }


def eve_settings() -> dict:
    """Eve's domain: the three resources, with the fields a client may send."""
    claim_schema = {
        "article_id": {
            "type": "objectid",
            "required": True,
            "data_relation": {"resource": "articles", "field": "_id"},
        },
        "text": {"type": "string", "required": True, "minlength": 1, "maxlength": 5000},
        "kind": {"type": "string", "allowed": ["direct", "indirect", "position"]},
        "side_id": {
            "type": "objectid",
            "nullable": True,
            "data_relation": {"resource": "sides", "field": "_id"},
        },
        "speaker": {"type": "dict", "allow_unknown": True},
        "confidence": {"type": "float", "min": 0, "max": 1},
    }
    article_schema = {
        "title": {"type": "string", "required": True},
        "body": {"type": "string", "required": True},
        "source": {"type": "string"},
        "tags": {"type": "list", "schema": {"type": "string"}},
    }
    side_schema = {"name": {"type": "string", "required": True, "unique": True}}
    resource = {"resource_methods": ["GET", "POST"], "item_methods": ["GET"]}
    return {
        "MONGO_HOST": "localhost",
        "MONGO_DBNAME": "eve",
        "PAGINATION_DEFAULT": 20,
        "DOMAIN": {
            "articles": {**resource, "schema": article_schema, "allow_unknown": True},
            "claims": {
                **resource,
                "schema": claim_schema,
                "allow_unknown": True,
                "default_sort": [("_created", -1)],
            },
            "sides": {**resource, "schema": side_schema, "allow_unknown": True},
        },
    }


def eve_server(port: int, docs: dict, ready) -> None:
    """Eve on an in-process mongomock store holding the same documents."""
    import mongomock  # noqa: PLC0415 - only this process needs it
    from eve import Eve  # noqa: PLC0415 - the optional [bench] extra
    from eve.io.mongo import flask_pymongo  # noqa: PLC0415

    client = mongomock.MongoClient(tz_aware=True)
    for name, found in with_eve_fields(docs).items():
        client["eve"][name].insert_many(found)
    flask_pymongo.MongoClient = lambda *args, **kwargs: client
    app = Eve(settings=eve_settings())
    ready.put({})
    serve(app, port, 4)


def flask_server(port: int, docs: dict, ready) -> None:
    """A bare Flask handler per operation: no validation, no envelope, no bookkeeping."""
    import mongomock  # noqa: PLC0415
    from bson import ObjectId  # noqa: PLC0415
    from flask import Flask, abort, request  # noqa: PLC0415

    db = mongomock.MongoClient()["bare"]
    for name, found in with_eve_fields(docs).items():
        db[name].insert_many(found)
    app = Flask("bare")

    def plain(doc: dict) -> dict:
        return {k: str(v) if isinstance(v, ObjectId) else v for k, v in doc.items()}

    @app.get("/claims")
    def claims():
        query = {"side_id": ObjectId(request.args["side"])}
        found = db.claims.find(query, {"text": 1, "side_id": 1, "article_id": 1}).limit(20)
        return {"items": [plain(d) for d in found]}

    @app.get("/articles/<item_id>")
    def article(item_id):
        doc = db.articles.find_one({"_id": ObjectId(item_id)}, {"title": 1, "body": 1})
        return plain(doc) if doc else abort(404)

    @app.post("/claims")
    def create():
        data = request.get_json()
        doc = {**data, "article_id": ObjectId(data["article_id"])}
        db.claims.insert_one(doc)
        return plain(doc), 201

    ready.put({})
    serve(app, port, 4)


def start(target, data) -> tuple[multiprocessing.Process, int, dict]:
    """Start one service in its own process; wait until it answers."""
    port, ready = free_port(), multiprocessing.get_context("fork").Queue()
    process = multiprocessing.get_context("fork").Process(
        target=target, args=(port, data, ready), daemon=True
    )
    process.start()
    info = ready.get(timeout=600)
    for _ in range(300):
        try:
            requests.get(f"http://127.0.0.1:{port}/", timeout=2)
            return process, port, info
        except requests.ConnectionError:
            time.sleep(0.1)
    raise RuntimeError(f"{target.__name__} did not start")


def urls(peer: str, port: int, ids: dict) -> dict[str, str]:
    """The URL of each operation on one service."""
    base = f"http://127.0.0.1:{port}"
    side, article = ids["side_ids"][0], ids["articles"][0]
    if peer == "claimdesk":
        return {
            "list claims by side": f"{base}/api/v1/claims?side={ids['sides'][0]}&per_page=20",
            "get article": f"{base}/api/v1/articles/{article}",
            "create claim": f"{base}/api/v1/claims",
        }
    if peer == "eve":
        where = json.dumps({"side_id": side}).replace(" ", "")
        return {
            "list claims by side": f"{base}/claims?where={where}&max_results=20",
            "get article": f"{base}/articles/{article}",
            "create claim": f"{base}/claims",
        }
    return {
        "list claims by side": f"{base}/claims?side={side}",
        "get article": f"{base}/articles/{article}",
        "create claim": f"{base}/claims",
    }


def check_lists(ids: dict, ports: dict) -> None:
    """Each service's list answers a full page of that side's claims (else the run is void)."""
    for peer in ports:
        url = urls(peer, ports[peer], ids)["list claims by side"]
        headers = {"Authorization": f"Bearer {ids['key']}"} if peer == "claimdesk" else {}
        body = requests.get(url, headers=headers, timeout=60).json()
        items = body.get("_items", body.get("items", body.get("data")))
        side = ids["side_ids"][0]
        if len(items) != 20 or any(str(i["side_id"]) != side for i in items):
            raise RuntimeError(f"{peer}: the list is not a page of side {side}: {body}")


def run_wrk(url: str, seconds: int, headers: list[str], script: str | None, args: list[str]):
    """One wrk run: (req/s, non-2xx answers, not-201 answers or None)."""
    command = ["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", script]
    command += [url, *(["--", *args] if args else [])]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    not201 = re.search(r"not201 (\d+)", out)
    return rps, int(non2xx.group(1)) if non2xx else 0, int(not201.group(1)) if not201 else None


def create_script(peer: str, ids: dict, directory: str) -> str:
    """The wrk script POSTing distinct valid claims to one service."""
    articles = ", ".join(f'"{a}"' for a in ids["articles"])
    path = os.path.join(directory, f"create-{peer}.lua")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(CREATE_SCRIPT % {"articles": articles, "article_field": "article_id"})
    return path


def main() -> int:
    """Start the three services, run every operation A B C A B C, print medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--claims", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--operations", nargs="*", default=list(OPERATIONS))
    parser.add_argument("--peers", nargs="*", default=list(PEERS), help="e.g. claimdesk alone")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk not found: apt-get install wrk", file=sys.stderr)
        return 2
    targets = {"claimdesk": claimdesk_server, "eve": eve_server, "flask": flask_server}
    processes, ports, info, ids = {}, {}, {}, {}
    # Claimdesk first: it generates the data the others are given.
    for peer in ["claimdesk", *(p for p in args.peers if p != "claimdesk")]:
        data = (args.articles, args.claims) if peer == "claimdesk" else ids["docs"]
        processes[peer], ports[peer], info[peer] = start(targets[peer], data)
        if peer == "claimdesk":
            ids = info[peer]
    check_lists(ids, ports)
    with tempfile.TemporaryDirectory() as directory:
        results = measure(args, ids, ports, directory)
    for process in processes.values():
        process.terminate()
        process.join()
    report(args, results)
    return 0


def measure(args, ids: dict, ports: dict, directory: str) -> dict:
    """req/s of every run, by operation and peer; prints each run."""
    auth = [f"Authorization: Bearer {ids['key']}"]
    json_type = ["Content-Type: application/json"]
    results: dict = {op: {peer: [] for peer in args.peers} for op in args.operations}
    for op in args.operations:
        for round_no in range(args.rounds):
            for peer in args.peers:
                url = urls(peer, ports[peer], ids)[op]
                headers = auth if peer == "claimdesk" else []
                script, extra = None, []
                if op == "create claim":
                    headers = [*headers, *json_type]
                    script, extra = create_script(peer, ids, directory), [f"r{round_no}"]
                rps, non2xx, not201 = run_wrk(url, args.seconds, headers, script, extra)
                results[op][peer].append(rps)
                bad = f", not 201: {not201}" if not201 is not None else ""
                print(
                    f"{op:<22} {peer:<10} round {round_no + 1}: {rps:8.1f} req/s "
                    f"(non-2xx: {non2xx}{bad})",
                    file=sys.stderr,
                    flush=True,
                )
    return results


def report(args, results: dict) -> None:
    """The medians table and the Claimdesk / Eve ratios."""
    print(
        f"\n{args.articles} articles, {args.claims} claims; wrk -t2 -c8 -d{args.seconds}s, "
        f"{args.rounds} rounds; gunicorn 1 worker x 4 threads\n"
    )
    names = {"claimdesk": "Claimdesk", "eve": "Eve", "flask": "bare Flask"}
    both = "eve" in args.peers and "claimdesk" in args.peers
    print(
        "| operation | "
        + " | ".join(names[p] for p in args.peers)
        + " |"
        + (" Claimdesk / Eve |" if both else "")
    )
    print("|---" * (len(args.peers) + 1 + both) + "|")
    for op, by_peer in results.items():
        med = {peer: statistics.median(values) for peer, values in by_peer.items()}
        cells = " | ".join(f"{med[p]:.0f}" for p in args.peers)
        ratio = f" {med['claimdesk'] / med['eve']:.2f}x |" if both and med["eve"] else ""
        print(f"| {op} | {cells} |{ratio}")
    print(json.dumps({"claims": args.claims, "results": results}))


if __name__ == "__main__":
    sys.exit(main())
