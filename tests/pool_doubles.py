"""Picklable extractor recipes for pool processes (importable by spawned children)."""

import os
import time

LOADS = {"count": 0}  # how many times this process made an extractor


class ProcessReport:
    """An extractor whose result says which process ran it and how often it was made there."""

    name = "process-report"
    version = "1"

    def __init__(self, gate=None, delay: float = 0.0):
        self.gate = gate
        self.delay = delay

    def extract(self, text, sides=(), auto_sides=True):
        """Wait for the gate (if any), then report the pid, load count and input."""
        if self.gate is not None and not self.gate.wait(timeout=30):
            raise RuntimeError("gate never opened")
        if self.delay:
            time.sleep(self.delay)
        if text == "crash":
            os._exit(1)  # a process that dies mid-job, like one killed for memory
        return {"pid": os.getpid(), "loads": LOADS["count"], "text": text, "sides": list(sides)}


class ReportFactory:
    """Makes a ProcessReport, counting how many times this process did so."""

    def __init__(self, gate=None, delay: float = 0.0):
        self.gate = gate
        self.delay = delay

    def __call__(self):
        LOADS["count"] += 1
        return ProcessReport(self.gate, self.delay)
