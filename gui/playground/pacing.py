"""Frame pacing of a training run on the timer: how many steps a tick owes, how long it may step, and
when the next tick starts, so that the set speed and the redraws share the machine fairly.

- Steps are owed by the clock (speed x elapsed time): a tick that ran late catches up; the debt is capped
  at DEBT seconds of steps, so a machine that cannot keep up does not burst.
- Ticks are paced to frames: each tick asks for the next one a frame period after its own start, so the
  event loop has the rest of the frame for the panels' refreshes, the painting and the user's input.
- The redraw cost is measured, not guessed: how late the next tick starts after the delay it asked for
  (the event loop was busy redrawing). While the frames fit, that is ~0 and steps may use the frame.
- A tick steps until its steps are done or its budget is spent: what the frame leaves after the redraw,
  never less than twice the redraw (when steps are slow, drawing takes at most a third of the time), and
  never more than MAX_BUDGET (an input event waits ~100 ms at worst). At least one step is taken.
"""

from __future__ import annotations

import time

MAX_BUDGET = 0.08  # seconds a tick may step at most
DEBT = 0.25  # seconds of steps a late tick may owe at most


def step_budget(frame: float, redraw: float) -> float:
    """Seconds a tick may spend stepping, for a frame period and a measured redraw cost (seconds)."""
    return min(max(frame - redraw, 2.0 * redraw), MAX_BUDGET)


class FramePacer:
    """The clock of one training run: steps owed, the measured redraw cost, the tick's deadline, the delay
    to the next tick."""

    def __init__(self, clock=time.perf_counter):
        self.clock = clock
        self.start()

    def start(self) -> None:
        """A run starts: nothing owed, nothing measured yet."""
        self.due = 0.0
        self.redraw = 0.0  # seconds, smoothed
        self._last = self.clock()
        self._tick_start = self._last
        self._tick_end: float | None = None
        self._delay = 0.0  # what the last tick asked to wait before the next one

    def begin_tick(self, speed: float, frame: float) -> float:
        """A tick starts: add the steps now due at `speed` steps/s; returns the deadline (clock seconds)
        after which it stops stepping, for a frame period of `frame` seconds."""
        now = self.clock()
        if self._tick_end is not None:
            late = max(0.0, now - self._tick_end - self._delay)
            self.redraw = 0.7 * self.redraw + 0.3 * late
        self.due = min(self.due + (now - self._last) * speed, max(1.0, DEBT * speed))
        self._last = self._tick_start = now
        return now + step_budget(frame, self.redraw)

    def stepped(self) -> None:
        self.due -= 1.0

    def end_tick(self, frame: float) -> float:
        """The tick is over: the delay (seconds) until the next tick, a frame period after this one started."""
        self._tick_end = now = self.clock()
        self._delay = max(0.0, self._tick_start + frame - now)
        return self._delay
