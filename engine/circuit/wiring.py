"""The wire rules, in one place: why a wire src -> dst.port is refused, for editing (Circuit.connect)
and loading (the file validator in schema.py) alike.

Each caller says how its messages name a node (the editor by label, the loader by label and id) and
what it knows: the destination's ports, whether the port is taken, the wires so far. The editor checks
each new wire for a cycle (nx.has_path); the loader checks the whole file once (cycle_reason), which
stays linear for a 10,000-wire file.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

import networkx as nx


def why_not_wire(src: str, dst: str, port: str, *, ports: Collection[str], name: Callable[[str], str],
                 taken: str | None = None, graph: nx.DiGraph | None = None) -> str | None:
    """The reason the wire src -> dst.port is refused, or None if it is allowed.

    ports: dst's input ports; name(node_id): how a message names a node; taken: None while the port is
    free, else what to add after "already has a wire" ("" or " (edge 3)"); graph: the wires so far, to
    refuse a wire that closes a cycle (None: the caller checks the finished graph with cycle_reason)."""
    if src == dst:
        return f"cannot wire {name(src)} to itself"
    if port not in ports:
        return f"{name(dst)} has no input port {port!r} (its ports: {', '.join(ports) or 'none'})"
    if taken is not None:
        return f"port {port!r} of {name(dst)} already has a wire{taken}"
    if graph is not None and nx.has_path(graph, dst, src):
        return f"wiring {name(src)} into {name(dst)} would make a cycle"
    return None


def cycle_reason(graph: nx.DiGraph, name: Callable[[str], str]) -> str | None:
    """'the wires form a cycle: a -> b -> a' when the wires of graph close a loop, else None."""
    try:
        cycle = nx.find_cycle(graph)
    except nx.NetworkXNoCycle:
        return None
    names = [name(u) for u, *_ in cycle] + [name(cycle[0][0])]
    return f"the wires form a cycle: {' -> '.join(names)}"
