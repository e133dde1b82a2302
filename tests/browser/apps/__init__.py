"""Small Streamlit apps for browser tests of single UI pieces, and a helper that serves one."""

import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from tests.browser.conftest import ROOT, free_port, wait_healthy

APPS = Path(__file__).resolve().parent


@contextmanager
def serve_app(name: str, log: Path):
    """Run `streamlit run tests/browser/apps/<name>` from the project root; yield its URL."""
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(APPS / name)]
    cmd += ["--server.headless", "true", "--server.port", str(port)]
    cmd += ["--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    with log.open("w") as out:
        process = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
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
