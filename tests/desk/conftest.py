"""Fixtures of the desk's browser tests: the app on a loopback port, one Chromium per module.

Chromium and its driver are Debian's (`apt-get install chromium chromium-driver`, which
.ci/run does); Selenium is pointed at both, so it never looks for or downloads a driver.
"""

import os
import shutil
import tempfile
import threading
import uuid

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from werkzeug.serving import make_server

from service.app import create_app
from tests.conftest import BASE_CONFIG

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,1000",
)


class Served:
    """An app served by werkzeug on 127.0.0.1 in a thread, and its base URL."""

    def __init__(self, app):
        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def api(self):
        """A test client of the same app, to check what the API says."""
        return self.app.test_client()

    def stop(self):
        self.server.shutdown()
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def serve(mongo_client):
    """Serve apps made from settings on fresh databases; all stopped and dropped after."""
    made = []

    def start(config: dict | None = None, setup=None) -> Served:
        name = f"claimdesk_desk_{uuid.uuid4().hex[:12]}"
        settings = {**BASE_CONFIG, "MONGO_DB": name, **(config or {})}
        app = create_app(settings, mongo_client=mongo_client)
        if setup:
            setup(app)  # before the first request, while routes may still be added
        served = Served(app)
        made.append((served, name))
        return served

    yield start
    for served, name in made:
        served.stop()
        mongo_client.drop_database(name)


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium through its chromedriver, with a throwaway profile."""
    if not (os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)):
        message = "needs Debian's chromium and chromium-driver (apt-get install them)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    profile = tempfile.mkdtemp(prefix="desk-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(0)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)
