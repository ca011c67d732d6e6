"""Frame pacing of a training run on the timer: how many steps a tick owes and how long it may step, so
that the set speed and the redraws share the machine fairly.

Each tick owes the steps the set speed makes due since the last one (a tick that ran late catches up;
the debt is capped, so a machine that cannot keep up does not burst). The redraw cost is measured, not
guessed: the time the event loop was busy between the end of one tick and the start of the next (panels
refreshing, windows painting, input), without the time it slept (QAbstractEventDispatcher's
aboutToBlock/awake). A tick steps until its steps are done or its budget is spent: what the frame leaves
after the redraw, and never less than twice the redraw (when steps are slow, drawing takes at most a
third of the time), nor more than MAX_BUDGET (the window stays responsive). At least one step is taken.
"""

from __future__ import annotations

import time

MAX_BUDGET = 0.08  # seconds a tick may step at most: with the redraw, an input waits ~100 ms at worst
DEBT = 0.25  # seconds of steps a late tick may owe at most


def step_budget(frame: float, redraw: float) -> float:
    """Seconds a tick may spend stepping, for a frame period and a measured redraw cost (seconds)."""
    return min(max(frame - redraw, 2.0 * redraw), MAX_BUDGET)


class FramePacer:
    """The clock of one training run: steps owed, the measured redraw cost, the tick's deadline."""

    def __init__(self, clock=time.perf_counter):
        self.clock = clock
        self.start()

    def start(self) -> None:
        """A run starts: nothing owed, nothing measured yet."""
        self.due = 0.0
        self.redraw = 0.0  # seconds, smoothed
        self._last = self.clock()
        self._tick_end: float | None = None
        self._idle = 0.0  # seconds the event loop slept since the last tick ended
        self._asleep: float | None = None

    # the event loop's sleeps (connect to QAbstractEventDispatcher.aboutToBlock / awake)
    def about_to_block(self) -> None:
        self._asleep = self.clock()

    def awake(self) -> None:
        if self._asleep is not None:
            self._idle += self.clock() - self._asleep
            self._asleep = None

    def begin_tick(self, speed: float, frame: float) -> float:
        """A tick starts: add the steps now due at `speed` steps/s; returns the deadline (clock seconds)
        after which it stops stepping, for a frame period of `frame` seconds."""
        now = self.clock()
        self.awake()
        if self._tick_end is not None:
            busy = max(0.0, now - self._tick_end - self._idle)
            self.redraw = busy if self.redraw == 0.0 else 0.7 * self.redraw + 0.3 * busy
        self._idle = 0.0
        self.due = min(self.due + (now - self._last) * speed, max(1.0, DEBT * speed))
        self._last = now
        return now + step_budget(frame, self.redraw)

    def stepped(self) -> None:
        self.due -= 1.0

    def end_tick(self) -> None:
        self._tick_end = self.clock()
        self._idle = 0.0
