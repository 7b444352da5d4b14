"""Helpers of the desk's browser tests: explicit waits, colours, text selection, axe."""

from pathlib import Path

from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

TIMEOUT = 15
AXE = Path(__file__).parent / "vendor" / "axe.min.js"


def wait_for(driver, condition, message: str = "", timeout: float = TIMEOUT):
    """Wait until ``condition(driver)`` is truthy; its value. The page re-renders after each
    change, so an element found a moment ago may be gone: look again."""
    ignored = (NoSuchElementException, StaleElementReferenceException)
    wait = WebDriverWait(driver, timeout, poll_frequency=0.05, ignored_exceptions=ignored)
    return wait.until(condition, message)


def open_page(driver, url: str, ready: str):
    """Load a desk page and wait until its script marked ``ready`` (a CSS selector) loaded."""
    driver.get(url)
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ready), f"{url}: {ready}")


def idle(driver):
    """Wait until the article page is not reloading its data."""
    wait_for(driver, lambda d: d.execute_script("return !document.querySelector('[data-busy]')"))


def rgba(colour: str) -> str:
    """A #rrggbb colour as Chromium reports a computed colour."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, 1)"


def hex_of(css: str) -> str:
    """A computed rgb()/rgba() colour as #rrggbb."""
    inner = css[css.index("(") + 1 : css.index(")")]
    return "#" + "".join(f"{int(float(v)):02x}" for v in inner.split(",")[:3])


SELECT_TEXT = """
const [container, phrase] = arguments;
const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode;
  const at = node.data.indexOf(phrase);
  if (at >= 0) {
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + phrase.length);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return true;
  }
}
return false;
"""


def select_text(driver, container, phrase: str) -> None:
    """Select ``phrase`` inside ``container`` as a user dragging over it would."""
    assert driver.execute_script(SELECT_TEXT, container, phrase), phrase


def axe_violations(driver, impacts=("serious", "critical")) -> list[dict]:
    """axe-core's violations on the current page with one of ``impacts``."""
    driver.execute_script(AXE.read_text("utf-8"))
    results = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(done, (e) => done({error: String(e)}));"
    )
    assert "error" not in results, results
    return [v for v in results["violations"] if v["impact"] in impacts]


def describe(violations: list[dict]) -> str:
    """A readable list of violations and the elements they were found on."""
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
        for v in violations
    )
