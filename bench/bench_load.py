"""Load benchmark: 1, 10 and 30 concurrent browser sessions against one server, beside a minimal
Streamlit + Plotly app measured in the same run.

Both servers run side by side and one headless Chromium serves every session (one browser
context per session). For each step the two apps take turns with the same procedure, so a
change in the machine's background load hits both alike:

1. Sessions open the start page in waves of `--wave` (the next wave starts when the last one has
   its first chart): the time from `goto` to the first drawn chart, with Streamlit's script run
   finished, is "first chart".
2. Then, `--rounds` times, all sessions of the step change a filter in the sidebar together
   (the importance radio: "wichtig", "alle", "wichtig", ...): the time from the click to the
   redrawn chart (the chart holds new data and the script run has finished) is "filter change".
3. The server's resident memory (RSS of the `streamlit run` process) is read while all sessions
   are still open; after the last step, and after every session is closed and Streamlit had time
   to drop them, once more ("closed").

Errors are Streamlit exceptions shown on a page, page errors and timeouts (each session's
first failure ends that session's part of the step; it is counted and its first line printed).

Rerun: `python3 bench/bench_load.py [--steps 1 10 30] [--wave 5] [--rounds 3]` (needs Debian's
chromium, like the browser tests). Prints a Markdown table for bench/README.md.
"""

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, free_port, wait_healthy  # noqa: E402

APPS = {  # name -> (script, the two sidebar options a session switches between)
    "dashboard": (ROOT / "dashboard.py", ("wichtig", "alle")),
    "minimal": (ROOT / "bench" / "apps" / "minimal_app.py", ("wichtig", "alle")),
}
CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'
SCRIPT_IDLE = (
    "() => { const app = document.querySelector('[data-testid=\"stApp\"]');"
    " return app && app.getAttribute('data-test-script-state') === 'notRunning'; }"
)
TIMEOUT_MS = 300_000  # 30 sessions and both servers share 2 cores: a step may take minutes
# Lighter Chromium for many sessions: no throttling of pages that are not in front (every
# session must render as a visible page would), no extensions, no GPU (already in the base).
LOAD_ARGS = CHROMIUM_ARGS + [
    "--disable-extensions",
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
    "--disable-renderer-backgrounding",
    "--mute-audio",
]
VIEWPORT = {"width": 1280, "height": 720}  # a classroom laptop or beamer


@dataclass
class StepResult:
    sessions: int
    first_chart: list[float] = field(default_factory=list)
    filter_change: list[float] = field(default_factory=list)
    errors: int = 0
    rss_mb: float = 0.0
    messages: list[str] = field(default_factory=list)

    def fail(self, error: object) -> None:
        self.errors += 1
        self.messages.append(str(error).splitlines()[0][:160] if str(error) else repr(error))


@dataclass
class Server:
    name: str
    process: subprocess.Popen
    url: str
    options: tuple[str, str]


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


def start_server(name: str) -> Server:
    script, options = APPS[name]
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true"]
    cmd += ["--server.port", str(port), "--browser.gatherUsageStats", "false"]
    process = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url, process)
    return Server(name, process, url, options)


class Session:
    """One browser context with the app open; `page` is None once it failed."""

    def __init__(self, context, result: StepResult):
        self.context = context
        self.page = None
        self.result = result
        self.errors: list[str] = []

    def failed(self, error: object) -> None:
        self.result.fail(error)
        self.page = None

    async def open(self, url: str) -> None:
        page = await self.context.new_page()
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        try:
            start = time.perf_counter()
            await page.goto(url, timeout=TIMEOUT_MS)
            await page.wait_for_selector(f"{CHART} .main-svg", timeout=TIMEOUT_MS)
            await page.wait_for_function(SCRIPT_IDLE, timeout=TIMEOUT_MS)
            self.result.first_chart.append(time.perf_counter() - start)
            self.page = page
        except Exception as error:  # a timeout or a crash counts as an error of this session
            self.failed(error)

    async def change_filter(self, option: str) -> None:
        if self.page is None:
            return
        page = self.page
        try:
            await page.evaluate(
                f"() => {{ window.__before = document.querySelector('{CHART}').data; }}"
            )
            sidebar = page.locator('[data-testid="stSidebar"]')
            start = time.perf_counter()
            await sidebar.get_by_text(option, exact=True).click(timeout=TIMEOUT_MS)
            await page.wait_for_function(
                f"() => document.querySelector('{CHART}') &&"
                f" document.querySelector('{CHART}').data !== window.__before",
                timeout=TIMEOUT_MS,
            )
            await page.wait_for_function(SCRIPT_IDLE, timeout=TIMEOUT_MS)
            self.result.filter_change.append(time.perf_counter() - start)
            if await page.locator('[data-testid="stException"]').count():
                self.failed("exception shown on the page")
        except Exception as error:
            self.failed(error)

    def page_errors(self) -> None:
        for error in self.errors:
            self.result.fail(f"page error: {error}")


async def run_step(browser, server: Server, sessions: int, wave: int, rounds: int):
    """One step of one app: open `sessions` pages in waves, then change the filter `rounds`
    times in all of them at once; read the server's memory with every page still open."""
    result = StepResult(sessions)
    contexts = [
        await browser.new_context(viewport=VIEWPORT, locale="de-DE") for _ in range(sessions)
    ]
    open_sessions = [Session(context, result) for context in contexts]
    for first in range(0, sessions, wave):
        await asyncio.gather(*(s.open(server.url) for s in open_sessions[first : first + wave]))
    for number in range(rounds):
        option = server.options[number % 2]
        await asyncio.gather(*(s.change_filter(option) for s in open_sessions))
    result.rss_mb = rss_mb(server.process.pid)
    for session in open_sessions:
        session.page_errors()
    for context in contexts:
        await context.close()
    return result


async def measure(steps: list[int], wave: int, rounds: int) -> dict[str, list[StepResult]]:
    from playwright.async_api import async_playwright

    servers = [start_server(name) for name in APPS]
    results: dict[str, list[StepResult]] = {server.name: [] for server in servers}
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=LOAD_ARGS)
            for sessions in steps:
                for server in servers:  # the apps take turns: same procedure, same minutes
                    step = await run_step(browser, server, sessions, wave, rounds)
                    results[server.name].append(step)
                    print(
                        f"{server.name}: {sessions} sessions done, {step.errors} errors",
                        file=sys.stderr,
                        flush=True,
                    )
            await browser.close()
        # Streamlit drops a session a little after its websocket closes: give it time to do so.
        await asyncio.sleep(15)
        for server in servers:
            results[server.name].append(StepResult(0, rss_mb=rss_mb(server.process.pid)))
    finally:
        for server in servers:
            server.process.terminate()
            server.process.wait(timeout=20)
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
    """Our app against the minimal one at every step: memory and medians."""
    lines = []
    for ours, ref in zip(all_results["dashboard"], all_results["minimal"], strict=True):
        if ours.sessions == 0:
            lines.append(f"After closing: memory {ours.rss_mb / ref.rss_mb:.2f}x.")
            continue
        parts = [f"memory {ours.rss_mb / ref.rss_mb:.2f}x"]
        for label, mine, theirs in (
            ("first chart", ours.first_chart, ref.first_chart),
            ("filter change", ours.filter_change, ref.filter_change),
        ):
            if mine and theirs:
                parts.append(f"{label} {statistics.median(mine) / statistics.median(theirs):.2f}x")
            else:
                parts.append(f"{label} – (no measurement, see the errors)")
        lines.append(f"At {ours.sessions} sessions: " + ", ".join(parts) + " the minimal app's.")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--wave", type=int, default=5, help="pages opened at once")
    parser.add_argument("--rounds", type=int, default=3, help="filter changes per session")
    args = parser.parse_args()
    all_results = asyncio.run(measure(args.steps, args.wave, args.rounds))
    print(table(all_results))
    print()
    for name, results in all_results.items():
        for r in results:
            for message in sorted(set(r.messages))[:5]:
                print(f"{name}, {r.sessions} sessions: {message}")
    print(ratios(all_results))


if __name__ == "__main__":
    main()
