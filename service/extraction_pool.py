"""A bounded pool of extraction processes: each loads the model once; a full queue says Busy."""

import logging
import multiprocessing
import signal
import threading
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from service.errors import ExtractionBusy

log = logging.getLogger(__name__)

# In a pool process: its extractor, made once by ``_load_extractor`` when the process starts.
_process: dict = {}


class ExtractionTimeout(Exception):
    """An extraction ran longer than the pool's timeout (recorded as a failed extraction)."""


def _load_extractor(factory) -> None:
    """Pool process initializer: make the extractor once for this process's lifetime."""
    # Ctrl-C reaches the whole process group; the parent decides when the pool stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _process["extractor"] = factory()


def _extract(text: str, sides: list[dict], auto_sides: bool):
    """Run in a pool process: extract with the process's extractor."""
    return _process["extractor"].extract(text, sides=sides, auto_sides=auto_sides)


def _extract_many(texts: list[str], sides: list[dict], auto_sides: bool):
    """Run in a pool process: extract several texts, in one batch when the extractor can."""
    extractor = _process["extractor"]
    many = getattr(extractor, "extract_many", None)
    if many is None:
        return [extractor.extract(text, sides=sides, auto_sides=auto_sides) for text in texts]
    return many(texts, sides=sides, auto_sides=auto_sides)


def _ready() -> bool:
    """A no-op job that makes a pool process start (and load its model) now."""
    return True


class ExtractionPool:
    """``processes`` extraction processes and at most ``queue_size`` jobs waiting for them.

    ``factory`` is a picklable callable that returns an extractor (for the shipped one,
    ``functools.partial(loaded_extractor, model)``); each process calls it once, at its start.
    """

    def __init__(
        self,
        factory,
        processes: int = 1,
        queue_size: int = 4,
        timeout: float = 120.0,
        start_method: str = "spawn",
    ):
        if processes < 1 or queue_size < 0:
            raise ValueError("an extraction pool needs processes >= 1 and queue_size >= 0")
        self.factory = factory
        self.processes = processes
        self.queue_size = queue_size
        self.timeout = timeout
        self._context = multiprocessing.get_context(start_method)
        self.capacity = processes + queue_size
        self._admitted = 0  # jobs running or waiting; a slot is freed when its job ends
        self._lock = threading.Lock()
        self._swap_lock = threading.Lock()
        self._closed = False
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        """A fresh executor with every process started (the model loads in the background)."""
        executor = ProcessPoolExecutor(
            max_workers=self.processes,
            mp_context=self._context,
            initializer=_load_extractor,
            initargs=(self.factory,),
        )
        for _ in range(self.processes):
            executor.submit(_ready)
        return executor

    def submit(self, text: str, sides: list[dict] | None = None, auto_sides: bool = True):
        """Extract ``text`` in a pool process and wait for the result.

        Raises ExtractionBusy at once when the pool and its queue are full (or closed),
        ExtractionTimeout when the job does not finish within the timeout.
        """
        return self._run(self.timeout, _extract, text, list(sides or []), auto_sides)

    def submit_many(
        self, texts: list[str], sides: list[dict] | None = None, auto_sides: bool = True
    ) -> list:
        """Extract several texts as one job (one slot, a timeout per text), as ``submit``."""
        timeout = self.timeout * max(len(texts), 1)
        return self._run(timeout, _extract_many, list(texts), list(sides or []), auto_sides)

    def _run(self, timeout: float, job, *args):
        """Run ``job`` in a pool process if a slot is free, and wait for its result."""
        if not self._admit():
            raise ExtractionBusy("Every extraction process is busy; try again shortly.")
        executor = self._executor
        try:
            future = executor.submit(job, *args)
        except BaseException:
            self._release()
            raise
        future.add_done_callback(self._release)
        try:
            return future.result(timeout=timeout)
        except FutureTimeout as exc:
            future.cancel()  # frees the slot at once if it never started
            raise ExtractionTimeout(f"extraction took longer than {timeout} s") from exc
        except CancelledError as exc:
            raise ExtractionBusy("The extraction pool is shutting down.") from exc
        except BrokenProcessPool:
            # A pool process died (killed, out of memory): the next job gets a fresh pool.
            self._replace(executor)
            raise

    @property
    def admitted(self) -> int:
        """Jobs running or waiting now."""
        return self._admitted

    def _admit(self) -> bool:
        """Take a slot for one job, unless the pool is full or closed."""
        with self._lock:
            if self._closed or self._admitted >= self.capacity:
                return False
            self._admitted += 1
            return True

    def _release(self, _future=None) -> None:
        """Give a finished (or never submitted) job's slot back."""
        with self._lock:
            self._admitted -= 1

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        """Swap a broken executor for a new one (once, however many threads saw it break)."""
        with self._swap_lock:
            if self._executor is broken and not self._closed:
                log.error("an extraction process died; starting a new pool")
                self._executor = self._start()
        broken.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Refuse new jobs, drop queued ones and wait for the processes to exit."""
        with self._lock, self._swap_lock:
            self._closed = True
        self._executor.shutdown(wait=True, cancel_futures=True)


class PooledExtractor:
    """The extractor interface over a pool: what the ingest workflow calls."""

    def __init__(self, pool: ExtractionPool, name: str, version: str):
        self.pool = pool
        self.name = name
        self.version = version

    def extract(self, text: str, sides: list[dict] | None = None, auto_sides: bool = True):
        """Extract the claims of one article in a pool process."""
        return self.pool.submit(text, sides, auto_sides)

    def extract_many(
        self, texts: list[str], sides: list[dict] | None = None, auto_sides: bool = True
    ) -> list:
        """Extract several articles in one batch in one pool process (a bulk import's)."""
        return self.pool.submit_many(texts, sides, auto_sides)
