"""Browser main-thread work per filter change on the Timeline page: this checkout against another
one (e.g. main before the story view became one component), measured in the same run.

Both apps are served side by side (`streamlit run dashboard.py`, each from its own folder); one
headless Chromium (Debian's, like the browser tests) opens each start page (1280x720, de-DE)
in its own context. Then, `--changes` times and with the apps taking turns (so a change in the
machine's background load hits both alike), the sidebar's importance radio is clicked
("wichtig", "alle", ...) and the time the page's main thread was busy is read from the Chrome
DevTools Protocol (`Performance.getMetrics`: the change of `TaskDuration`, with `ScriptDuration`,
`LayoutDuration` and `RecalcStyleDuration` for where it went) from just before the click until
the chart holds new data, Streamlit's script run has finished and two frames were drawn.
Also counted: the Streamlit elements on the page (`[data-testid="stElementContainer"]`).

Rerun: `python3 bench/bench_story_browser.py --other /work/main [--changes 12] [--minimal]`
(`--minimal` adds bench/apps/minimal_app.py as a third app). Prints a Markdown table.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, free_port, wait_healthy  # noqa: E402

CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
OPTIONS = ("wichtig", "alle")
METRICS = ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")
TIMEOUT_MS = 120_000
TWO_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


@dataclass
class App:
    name: str
    folder: Path
    script: str
    process: subprocess.Popen | None = None
    url: str = ""
    page: object = None
    cdp: object = None
    elements: int = 0
    samples: dict[str, list[float]] = field(default_factory=lambda: {m: [] for m in METRICS})


def start(app: App) -> None:
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", app.script, "--server.headless", "true"]
    cmd += ["--server.port", str(port), "--browser.gatherUsageStats", "false"]
    app.process = subprocess.Popen(
        cmd, cwd=app.folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    app.url = f"http://127.0.0.1:{port}"
    wait_healthy(app.url, app.process)


def metrics(app: App) -> dict[str, float]:
    values = app.cdp.send("Performance.getMetrics")["metrics"]
    return {m["name"]: m["value"] for m in values if m["name"] in METRICS}


def open_app(browser, app: App) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="de-DE")
    page = context.new_page()
    page.goto(app.url, timeout=TIMEOUT_MS)
    page.wait_for_selector(f"{CHART} .main-svg", timeout=TIMEOUT_MS)
    page.wait_for_selector(IDLE, timeout=TIMEOUT_MS)
    if app.script == "dashboard.py":  # the story view's titles are drawn (either version)
        titles = '[class*="st-key-story-open-"] button, .st-key-story button[data-story-id]'
        page.wait_for_selector(titles, timeout=TIMEOUT_MS)
    page.evaluate(TWO_FRAMES)
    app.page = page
    app.cdp = context.new_cdp_session(page)
    app.cdp.send("Performance.enable")
    app.elements = page.locator('[data-testid="stElementContainer"]').count()


def change_filter(app: App, option: str) -> None:
    page = app.page
    page.evaluate(f"() => {{ window.__before = document.querySelector('{CHART}').data; }}")
    radio = page.locator('[data-testid="stSidebar"]').get_by_text(option, exact=True)
    before = metrics(app)
    radio.click(timeout=TIMEOUT_MS)
    page.wait_for_function(
        f"() => document.querySelector('{CHART}')?.data !== window.__before", timeout=TIMEOUT_MS
    )
    page.wait_for_selector(IDLE, timeout=TIMEOUT_MS)
    page.evaluate(TWO_FRAMES)
    after = metrics(app)
    for name in METRICS:
        app.samples[name].append((after[name] - before[name]) * 1000)


def measure(apps: list[App], changes: int) -> tuple[float, float]:
    from playwright.sync_api import sync_playwright

    for app in apps:
        start(app)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for app in apps:
                open_app(browser, app)
            load_before = os.getloadavg()[0]
            for number in range(changes):
                for app in apps:  # the apps take turns
                    change_filter(app, OPTIONS[number % 2])
            load_after = os.getloadavg()[0]
            browser.close()
    finally:
        for app in apps:
            if app.process is not None:
                app.process.terminate()
                app.process.wait(timeout=20)
    return load_before, load_after


def table(apps: list[App]) -> str:
    lines = [
        "| app | Streamlit elements | main thread per change, median (min–max) ms |"
        " script | layout | style |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for app in apps:
        task = app.samples["TaskDuration"]
        med = {name: statistics.median(values) for name, values in app.samples.items()}
        lines.append(
            f"| {app.name} | {app.elements} | {med['TaskDuration']:.0f}"
            f" ({min(task):.0f}–{max(task):.0f}) | {med['ScriptDuration']:.0f} |"
            f" {med['LayoutDuration']:.0f} | {med['RecalcStyleDuration']:.0f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--other", type=Path, required=True, help="the other checkout")
    parser.add_argument("--changes", type=int, default=12, help="filter changes per app")
    parser.add_argument("--minimal", action="store_true", help="add the minimal app")
    args = parser.parse_args()
    apps = [
        App("this checkout", ROOT, "dashboard.py"),
        App(f"other ({args.other})", args.other.resolve(), "dashboard.py"),
    ]
    if args.minimal:
        apps.append(App("minimal app", ROOT, str(Path("bench") / "apps" / "minimal_app.py")))
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load_before, load_after = measure(apps, args.changes)
    print(f"{started}, {args.changes} changes per app, {os.cpu_count()} cores,")
    print(f"load average (1 min) {load_before:.1f} before and {load_after:.1f} after")
    print()
    print(table(apps))


if __name__ == "__main__":
    main()
