"""The editor secret: where it is configured, a constant-time check, and a per-session slowdown
for wrong tries.

The secret comes from `.streamlit/secrets.toml` (`editor_secret = "..."`, or `secret` in an
`[editor]` table) or else from the environment variable `TIMELINE_EDITOR_SECRET`; both sources
are passed in (`st.secrets`, `os.environ`) so this stays testable and free of Streamlit. The value
is wrapped in `EditorSecret`, whose repr never shows it; nothing here logs or returns it.

Wrong tries slow down: after the n-th wrong try in a row the next one is accepted only after
1, 2, 4, 8, 16, then 30 seconds (`retry_delay`). The limiter is pure data (`Attempts`) that the
page keeps in its session state; `check_attempt` takes the current time as an argument.
"""

import enum
import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass

ENV_VAR = "TIMELINE_EDITOR_SECRET"
SECRETS_KEY = "editor_secret"
SECRETS_TABLE = "editor"
MAX_DELAY_S = 30.0
MAX_SECRET_INPUT_CHARS = 1024


class EditorSecret:
    """The configured secret; compares in constant time and never shows itself."""

    __slots__ = ("_digest", "source")

    def __init__(self, value: str, source: str):
        self._digest = hashlib.sha256(value.encode("utf-8")).digest()
        self.source = source  # "secrets" or "environment", for the page's hint

    def matches(self, given: str) -> bool:
        """True if `given` is the secret; the time taken does not depend on where they differ
        (both sides are hashed first, so not on the length either)."""
        if not isinstance(given, str) or len(given) > MAX_SECRET_INPUT_CHARS:
            given = ""
        other = hashlib.sha256(given.encode("utf-8", errors="replace")).digest()
        return hmac.compare_digest(self._digest, other)

    def __repr__(self) -> str:
        return f"EditorSecret(source={self.source!r}, value=<hidden>)"

    __str__ = __repr__

    def __reduce__(self):
        raise TypeError("the editor secret is not to be pickled or cached")


def _from_secrets(secrets: Mapping | None) -> str | None:
    if secrets is None:
        return None
    try:
        value = secrets.get(SECRETS_KEY)
        if value is None:
            table = secrets.get(SECRETS_TABLE)
            value = table.get("secret") if isinstance(table, Mapping) else None
    except (FileNotFoundError, KeyError, AttributeError, TypeError):
        # Streamlit raises a FileNotFoundError subclass when there is no (valid) secrets.toml
        return None
    return value if isinstance(value, str) else None


def configured_secret(
    secrets: Mapping | None, environ: Mapping[str, str] | None
) -> EditorSecret | None:
    """The editor secret from the secrets mapping, else the environment; None when neither
    holds a non-blank string (the editor then stays locked)."""
    value = _from_secrets(secrets)
    if value is not None and value.strip():
        return EditorSecret(value.strip(), "secrets")
    value = (environ or {}).get(ENV_VAR)
    if isinstance(value, str) and value.strip():
        return EditorSecret(value.strip(), "environment")
    return None


class Outcome(enum.Enum):
    GRANTED = "granted"
    DENIED = "denied"  # wrong secret; the next try must wait
    WAIT = "wait"  # tried again too early: not compared, not counted
    NOT_CONFIGURED = "not_configured"


@dataclass(frozen=True)
class Attempts:
    """Wrong tries in a row in one session, and until when the next try is refused."""

    failures: int = 0
    blocked_until: float = 0.0

    def wait_seconds(self, now: float) -> float:
        """Seconds until the next try is accepted (0 if it is accepted now)."""
        return max(0.0, self.blocked_until - now)


@dataclass(frozen=True)
class AccessResult:
    outcome: Outcome
    attempts: Attempts
    wait_seconds: float = 0.0


def retry_delay(failures: int) -> float:
    """The wait after `failures` wrong tries in a row: 0, then 1, 2, 4, ... capped at 30 s."""
    if failures <= 0:
        return 0.0
    return min(2.0 ** min(failures - 1, 16), MAX_DELAY_S)


def check_attempt(
    secret: EditorSecret | None, given: str, attempts: Attempts, now: float
) -> AccessResult:
    """Check one try at the secret at time `now` (seconds, e.g. `time.monotonic()`)."""
    if secret is None:
        return AccessResult(Outcome.NOT_CONFIGURED, attempts)
    wait = attempts.wait_seconds(now)
    if wait > 0:
        return AccessResult(Outcome.WAIT, attempts, wait)
    if secret.matches(given):
        return AccessResult(Outcome.GRANTED, Attempts())
    failures = attempts.failures + 1
    delay = retry_delay(failures)
    return AccessResult(Outcome.DENIED, Attempts(failures, now + delay), delay)
