"""The editor secret: sources, constant-time check, never shown, wrong tries slow down."""

import pickle

import pytest

from events.store.access import (
    ENV_VAR,
    Attempts,
    EditorSecret,
    Outcome,
    check_attempt,
    configured_secret,
    retry_delay,
)

SECRET = "Lehrerzimmer-2025!"


class MissingSecretsFile(dict):
    """Behaves like st.secrets without a secrets.toml: any access raises FileNotFoundError."""

    def get(self, key, default=None):
        raise FileNotFoundError("no secrets.toml")


@pytest.mark.parametrize(
    ("secrets", "environ", "source"),
    [
        ({"editor_secret": SECRET}, {}, "secrets"),
        ({"editor": {"secret": SECRET}}, {}, "secrets"),
        ({"editor_secret": f"  {SECRET}\n"}, {}, "secrets"),
        ({}, {ENV_VAR: SECRET}, "environment"),
        (None, {ENV_VAR: SECRET}, "environment"),
        (MissingSecretsFile(), {ENV_VAR: SECRET}, "environment"),
        ({"editor_secret": "   "}, {ENV_VAR: SECRET}, "environment"),
        ({"editor_secret": SECRET}, {ENV_VAR: "other"}, "secrets"),
    ],
)
def test_secret_is_found(secrets, environ, source):
    secret = configured_secret(secrets, environ)
    assert secret is not None and secret.source == source
    assert secret.matches(SECRET)


@pytest.mark.parametrize(
    ("secrets", "environ"),
    [
        ({}, {}),
        (None, None),
        (MissingSecretsFile(), {}),
        ({"editor_secret": ""}, {ENV_VAR: "  "}),
        ({"editor_secret": 1234}, {}),
        ({"editor": "not a table"}, {"OTHER": SECRET}),
    ],
)
def test_no_secret_keeps_the_editor_locked(secrets, environ):
    assert configured_secret(secrets, environ) is None
    result = check_attempt(None, SECRET, Attempts(), now=0.0)
    assert result.outcome is Outcome.NOT_CONFIGURED


@pytest.mark.parametrize(
    "given", ["", "lehrerzimmer-2025!", SECRET + " ", SECRET[:-1], "x" * 5000, None, "\u202e"]
)
def test_wrong_secret_does_not_match(given):
    assert not EditorSecret(SECRET, "secrets").matches(given)


def test_secret_never_shows_itself():
    secret = configured_secret({"editor_secret": SECRET}, {})
    for shown in (repr(secret), str(secret), f"{secret}", f"{secret!r}"):
        assert SECRET not in shown and "hidden" in shown
    assert not any(SECRET in str(getattr(secret, slot, "")) for slot in EditorSecret.__slots__)
    with pytest.raises(TypeError):
        pickle.dumps(secret)
    result = check_attempt(secret, "falsch", Attempts(), now=0.0)
    assert SECRET not in repr(result)


def test_retry_delay_doubles_and_is_capped():
    assert [retry_delay(n) for n in range(0, 8)] == [0, 1, 2, 4, 8, 16, 30, 30]
    assert retry_delay(10_000) == 30


def test_wrong_tries_slow_down_and_the_right_one_resets():
    secret = EditorSecret(SECRET, "environment")
    attempts, now = Attempts(), 100.0
    waits = []
    for _ in range(5):
        result = check_attempt(secret, "falsch", attempts, now)
        assert result.outcome is Outcome.DENIED
        attempts = result.attempts
        waits.append(result.wait_seconds)
        # trying again at once is refused without comparing, even with the right secret
        early = check_attempt(secret, SECRET, attempts, now + result.wait_seconds - 0.01)
        assert early.outcome is Outcome.WAIT and early.attempts == attempts
        now += result.wait_seconds
    assert waits == [1, 2, 4, 8, 16]
    granted = check_attempt(secret, SECRET, attempts, now)
    assert granted.outcome is Outcome.GRANTED and granted.attempts == Attempts()
