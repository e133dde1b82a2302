"""Load benchmark: 1, 10 and 30 concurrent browser sessions against one server, beside a minimal
Streamlit + Plotly app measured in the same run.

Each session opens the start page (time to the first drawn chart), then changes a filter in the
sidebar (time from the click to the redrawn chart: Streamlit's script run has finished and the
chart holds new data). The server's resident memory (RSS of the `streamlit run` process) is read
after every step and again once all sessions are closed. Errors are Streamlit exceptions shown on
a page, page errors and timeouts.

Rerun: `python3 bench/bench_load.py [--steps 1 10 30]` (needs Debian's chromium, like the browser
tests). Prints a Markdown table for bench/README.md.
"""

import argparse
import asyncio
import gc
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, free_port, wait_healthy  # noqa: E402

APPS = {
    "dashboard": (ROOT / "dashboard.py", "wichtig"),
    "minimal": (ROOT / "bench" / "apps" / "minimal_app.py", "wichtig"),
}
CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'
SCRIPT_IDLE = (
    "() => { const app = document.querySelector('[data-testid=\"stApp\"]');"
    " return app && app.getAttribute('data-test-script-state') === 'notRunning'; }"
)
TIMEOUT_MS = 120_000


@dataclass
class StepResult:
    sessions: int
    first_chart: list[float] = field(default_factory=list)
    filter_change: list[float] = field(default_factory=list)
    errors: int = 0
    rss_mb: float = 0.0
    messages: list[str] = field(default_factory=list)


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def spread(values: list[float]) -> str:
    """'median / 95th percentile' in seconds, or '–' when no session got that far."""
    if not values:
        return "–"
    return f"{statistics.median(values):.2f} / {percentile(values, 0.95):.2f}"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def one_session(browser, url: str, option: str, result: StepResult, barrier) -> object:
    """Open the page, wait for the chart, then (all sessions together) change the filter."""
    context = await browser.new_context(viewport={"width": 1280, "height": 720}, locale="de-DE")
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        start = time.perf_counter()
        await page.goto(url, timeout=TIMEOUT_MS)
        await page.wait_for_selector(f"{CHART} .main-svg", timeout=TIMEOUT_MS)
        await page.wait_for_function(SCRIPT_IDLE, timeout=TIMEOUT_MS)
        result.first_chart.append(time.perf_counter() - start)
        await barrier.wait()
        remember = f"() => {{ window.__before = document.querySelector('{CHART}').data; }}"
        await page.evaluate(remember)
        sidebar = page.locator('[data-testid="stSidebar"]')
        start = time.perf_counter()
        await sidebar.get_by_text(option, exact=True).click()
        await page.wait_for_function(
            f"() => document.querySelector('{CHART}') &&"
            f" document.querySelector('{CHART}').data !== window.__before",
            timeout=TIMEOUT_MS,
        )
        await page.wait_for_function(SCRIPT_IDLE, timeout=TIMEOUT_MS)
        result.filter_change.append(time.perf_counter() - start)
        if await page.locator('[data-testid="stException"]').count():
            errors.append("exception shown on the page")
    except Exception as error:  # a timeout or a crash counts as an error of this session
        errors.append(repr(error))
    result.errors += len(errors)
    result.messages += [error.splitlines()[0][:160] for error in errors]
    return context


async def measure_app(name: str, steps: list[int]) -> list[StepResult]:
    from playwright.async_api import async_playwright

    script, option = APPS[name]
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true"]
    cmd += ["--server.port", str(port), "--browser.gatherUsageStats", "false"]
    server = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    results = []
    try:
        wait_healthy(url, server)
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for sessions in steps:
                result = StepResult(sessions)
                barrier = asyncio.Barrier(sessions)
                contexts = await asyncio.gather(
                    *(one_session(browser, url, option, result, barrier) for _ in range(sessions))
                )
                result.rss_mb = rss_mb(server.pid)
                for context in contexts:
                    await context.close()
                results.append(result)
            await browser.close()
        # Streamlit drops a session a little after its websocket closes: give it time to do so.
        await asyncio.sleep(10)
        gc.collect()
        results.append(StepResult(0, rss_mb=rss_mb(server.pid)))
    finally:
        server.terminate()
        server.wait(timeout=20)
    return results


def table(all_results: dict[str, list[StepResult]]) -> str:
    lines = [
        "| app | sessions | server RSS (MB) | first chart median / p95 (s) |"
        " filter change → redrawn chart median / p95 (s) | errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, results in all_results.items():
        for r in results:
            if r.sessions == 0:
                lines.append(f"| {name} | closed | {r.rss_mb:.0f} | – | – | – |")
                continue
            lines.append(
                f"| {name} | {r.sessions} | {r.rss_mb:.0f} | {spread(r.first_chart)} |"
                f" {spread(r.filter_change)} | {r.errors} |"
            )
    return "\n".join(lines)


def ratios(all_results: dict[str, list[StepResult]]) -> str:
    """Our app against the minimal one at the largest step: memory and medians."""
    ours, ref = all_results["dashboard"][-2], all_results["minimal"][-2]
    if not (ours.first_chart and ref.first_chart and ours.filter_change and ref.filter_change):
        return f"At {ours.sessions} sessions some medians are missing (see the errors)."
    memory = ours.rss_mb / ref.rss_mb
    first = statistics.median(ours.first_chart) / statistics.median(ref.first_chart)
    change = statistics.median(ours.filter_change) / statistics.median(ref.filter_change)
    return (
        f"At {ours.sessions} sessions: memory {memory:.2f}x, first chart {first:.2f}x, "
        f"filter change {change:.2f}x the minimal app's."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, nargs="+", default=[1, 10, 30])
    args = parser.parse_args()
    all_results = {name: asyncio.run(measure_app(name, args.steps)) for name in APPS}
    print(table(all_results))
    print()
    for name, results in all_results.items():
        for r in results:
            for message in sorted(set(r.messages))[:5]:
                print(f"{name}, {r.sessions} sessions: {message}")
    print(ratios(all_results))


if __name__ == "__main__":
    main()
