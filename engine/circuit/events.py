"""Plain-Python events: the document announces changes, views subscribe (no Qt here)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable


class Emitter:
    """Publish/subscribe by event name; '*' receives every event as (name, payload)."""

    def __init__(self) -> None:
        self._subs: dict[str, list[Callable]] = defaultdict(list)
        self._blocked = 0

    def subscribe(self, name: str, callback: Callable) -> Callable[[], None]:
        """Call callback(**payload) on event `name` (or callback(name, payload) for '*'); returns an unsubscriber."""
        self._subs[name].append(callback)
        return lambda: self._subs[name].remove(callback) if callback in self._subs[name] else None

    def emit(self, name: str, **payload) -> None:
        """Announce an event to its subscribers, then to the '*' subscribers."""
        if self._blocked:
            return
        for cb in list(self._subs.get(name, ())):
            cb(**payload)
        for cb in list(self._subs.get("*", ())):
            cb(name, payload)

    def blocked(self):
        """Context manager that silences events (used while loading a whole document)."""
        emitter = self

        class _Block:
            def __enter__(self):
                emitter._blocked += 1

            def __exit__(self, *exc):
                emitter._blocked -= 1

        return _Block()
