"""Layered left-to-right layout: topological generations, barycenter ordering, aligned rows.

Layer k holds the nodes whose longest path from a source has length k, so leaves sit in the
first layer and every wire points right. Inside a layer, nodes are ordered by alternating
barycenter sweeps (the mean rank of their neighbours) keeping the order with the fewest
crossings between neighbouring layers; then each node is pulled towards the mean height of its
neighbours with at least one row of spacing between nodes of a layer. Deterministic.
"""

from __future__ import annotations

from bisect import bisect_right

import networkx as nx

X_SPACING = 180.0
Y_SPACING = 90.0
SWEEPS = 8
ALIGN_PASSES = 3


def layered_layout(doc, ids=None) -> dict[str, tuple[float, float]]:
    """Positions {node_id: (x, y)} for all nodes (or the given ids, kept near where they are)."""
    graph = doc.graph if ids is None else doc.graph.subgraph(ids)
    if graph.number_of_nodes() == 0:
        return {}
    key = doc._order_key
    simple = nx.DiGraph(graph)  # parallel wires (a*a) count once
    layers = [sorted(gen, key=key) for gen in nx.topological_generations(simple)]
    preds = {n: sorted(simple.predecessors(n), key=key) for n in simple}
    succs = {n: sorted(simple.successors(n), key=key) for n in simple}
    layers = _order(layers, preds, succs)
    ys = _align(layers, preds, succs)
    pos = {n: (i * X_SPACING, ys[n]) for i, layer in enumerate(layers) for n in layer}
    x0, y0 = 0.0, 0.0
    if ids is not None:
        x0 = min(doc.node(n).pos[0] for n in pos)
        y0 = min(doc.node(n).pos[1] for n in pos)
    top = min(y for _, y in pos.values())
    return {n: (x + x0, y - top + y0) for n, (x, y) in pos.items()}


def _order(layers, preds, succs):
    """Barycenter sweeps (down by predecessors, up by successors); keep the best ordering seen."""
    best, best_cross = [list(layer) for layer in layers], _crossings(layers, succs)
    for sweep in range(2 * SWEEPS):
        if best_cross == 0:
            break
        down = sweep % 2 == 0
        rank = {n: i for layer in layers for i, n in enumerate(layer)}
        span = {n: max(len(layer) - 1, 1) for layer in layers for n in layer}
        order = range(1, len(layers)) if down else range(len(layers) - 2, -1, -1)
        neigh = preds if down else succs
        for li in order:
            layers[li] = sorted(layers[li], key=lambda n, neigh=neigh: (_bary(n, neigh[n], rank, span), rank[n]))
            for i, n in enumerate(layers[li]):
                rank[n] = i
        cross = _crossings(layers, succs)
        if cross < best_cross:
            best, best_cross = [list(layer) for layer in layers], cross
    return best


def _bary(n, neighbours, rank, span) -> float:
    """Mean relative rank (0..1) of a node's neighbours; its own when it has none."""
    if not neighbours:
        return rank[n] / span[n]
    return sum(rank[m] / span[m] for m in neighbours) / len(neighbours)


def _crossings(layers, succs) -> int:
    """Crossings among wires joining neighbouring layers (inversion count per layer pair)."""
    total = 0
    for upper, lower in zip(layers, layers[1:], strict=False):
        rank = {n: i for i, n in enumerate(lower)}
        ends = [e for n in upper for e in sorted(rank[m] for m in succs[n] if m in rank)]
        seen: list[int] = []
        for e in ends:  # edges come in order of their upper end; count later-lower pairs seen before
            total += len(seen) - bisect_right(seen, e)
            seen.insert(bisect_right(seen, e), e)
    return total


def _align(layers, preds, succs) -> dict[str, float]:
    """Heights: centred rows, then nodes pulled towards their neighbours' mean, order kept."""
    ys = {}
    for layer in layers:
        for i, n in enumerate(layer):
            ys[n] = (i - (len(layer) - 1) / 2) * Y_SPACING
    for _ in range(ALIGN_PASSES):
        for li in list(range(1, len(layers))) + list(range(len(layers) - 2, -1, -1)):
            layer = layers[li]
            wanted = []
            for n in layer:
                ns = preds[n] + succs[n]
                wanted.append(sum(ys[m] for m in ns) / len(ns) if ns else ys[n])
            for n, y in zip(layer, _pack(wanted), strict=True):
                ys[n] = y
    return ys


def _pack(wanted: list[float]) -> list[float]:
    """Heights as close to `wanted` as the order and one row of spacing allow (pool adjacent violators)."""
    blocks: list[list[float]] = []  # [sum of targets shifted to the block start, count, start]
    for i, w in enumerate(wanted):
        blocks.append([w - i * Y_SPACING, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += c
    out, i = [], 0
    for s, c in blocks:
        start = s / c
        for _ in range(c):
            out.append(start + i * Y_SPACING)
            i += 1
    return out
