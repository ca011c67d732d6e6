"""Waiting on another process (an app under Xvfb): poll a check until it gives something or time runs out."""

import time


def wait_for(check, seconds: float = 60.0, what: str | None = None, poll: float = 0.1):
    """The first truthy result of check(); AssertionError naming `what` (or check's docstring) on time-out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(poll)
    raise AssertionError(f"timed out after {seconds} s waiting for {what or check.__doc__}")
