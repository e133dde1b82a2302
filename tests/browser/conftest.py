"""Browser-test fixtures: `streamlit run` on a free port, Playwright driving Debian's Chromium."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    """Ask Streamlit's health endpoint until it answers; between two asks, wait for the
    process to exit (it should not), so a crashed server fails at once."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        try:
            code = process.wait(timeout=0.3)
        except subprocess.TimeoutExpired:
            continue
        raise RuntimeError(f"streamlit exited early with code {code}")
    raise TimeoutError(f"streamlit did not answer at {url} within {timeout} s")


@contextmanager
def serve(script: str | Path, log: Path, env: dict | None = None):
    """Run `streamlit run script` from the project root as a user would; yield its base URL."""
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(script)]
    cmd += ["--server.headless", "true", "--server.port", str(port)]
    cmd += ["--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    with log.open("w") as out:
        process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, process)
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """Start the dashboard like a user would and yield its base URL."""
    with serve("dashboard.py", tmp_path_factory.mktemp("streamlit") / "server.log") as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium under Playwright (Playwright's own browser download cannot work here)."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (see README)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="de-DE")
    page = context.new_page()
    yield page
    context.close()


def wait_for_app(page, timeout: float = 45_000) -> None:
    """Wait until Streamlit's own script-run state says the script is not running.

    Right after an action the state may still read 'notRunning' from the run before: wait
    first for something the action changes (an element, the URL), then for this.
    """
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout
    )


# Choose a point of a Plotly chart as a click does: Streamlit's chart listens to the graph
# div's `plotly_selected` event and keeps each point's own fields (curveNumber, pointIndex,
# customdata). The point is the one of trace `trace` (any trace if null) whose customdata (or
# its first item) is `value`; returns false when the chart has no such point.
SELECT_POINT_JS = """([trace, value]) => {
    const first = c => (Array.isArray(c) ? c[0] : c);
    for (const plot of document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')) {
        for (const [curve, data] of plot.data.entries()) {
            if (trace !== null && data.name !== trace) continue;
            const i = (data.customdata || []).findIndex(c => first(c) === value);
            if (i < 0) continue;
            const point = {curveNumber: curve, pointNumber: i, pointIndex: i,
                           customdata: data.customdata[i]};
            plot.emit('plotly_selected', {points: [point]});
            return true;
        }
    }
    return false;
}"""


def select_point(page, value: str, trace: str | None = None, *, until=None) -> None:
    """Choose the chart point carrying `value` (an event id, a country code, a pair key).

    `until` is what the choice changes: a text the address then holds, or a locator that then
    appears. With it, a choice that the chart dropped (a selection emitted while the chart was
    being redrawn after the run before) is made again once the app is idle, at most three
    times; a choice that landed is never repeated (a second click on a country undoes it).
    """
    page.wait_for_selector('[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg')
    for _ in range(3):
        assert page.evaluate(SELECT_POINT_JS, [trace, value]), f"no chart point carries {value}"
        if until is None:
            return
        if _landed(page, until, timeout=10_000):
            return
        wait_for_app(page)
        if _landed(page, until, timeout=1_000):
            return
    raise AssertionError(f"choosing {value} on the chart changed nothing, three times")


def _landed(page, until, timeout: float) -> bool:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        if isinstance(until, str):
            page.wait_for_url(lambda address: until in address, timeout=timeout)
        else:
            until.first.wait_for(timeout=timeout)
    except PlaywrightTimeout:
        return False
    return True
