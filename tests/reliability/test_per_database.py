"""Desks and repositories are made once per app's database and shared by its threads."""

import threading

import mongomock
from bson import ObjectId

from service.articles.repository import ArticleRepository
from service.db import get_store, per_database
from service.newsroom.claims import ClaimDesk
from service.newsroom.listing import Listing


def test_one_per_kind_and_database(make_app):
    first, second = make_app(), make_app(client=mongomock.MongoClient())
    with first.app_context():
        desk, listing = per_database(ClaimDesk), per_database(Listing)
        assert per_database(ClaimDesk) is desk and per_database(Listing) is listing
        assert desk is not listing
        get_store().database = get_store().client["elsewhere"]  # another database: remade
        assert per_database(ClaimDesk) is not desk
    with second.app_context():
        assert per_database(ClaimDesk) is not desk


def use(app, barrier: threading.Barrier, found: list) -> None:
    """Meet the others, then take the app's article repository and read with it."""
    with app.app_context():
        barrier.wait()
        repo = per_database(ArticleRepository)
        found.append((repo, repo.find(ObjectId())))


def test_threads_meeting_first_use_all_get_a_working_one(make_app):
    app = make_app()
    threads, rounds = 8, 20
    for _ in range(rounds):
        with app.app_context():
            get_store().made.clear()
        barrier = threading.Barrier(threads)
        found: list = []
        workers = [threading.Thread(target=use, args=(app, barrier, found)) for _ in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        assert len(found) == threads and all(answer is None for _, answer in found)
        with app.app_context():
            kept = per_database(ArticleRepository)
            assert kept in [repo for repo, _ in found]  # one of those made stays
            assert per_database(ArticleRepository) is kept
