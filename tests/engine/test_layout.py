"""Layered layout: wires point right, leaves first, no overlaps, few crossings, deterministic."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings

from engine import ops
from engine.circuit.document import Circuit
from engine.circuit.layout import X_SPACING, Y_SPACING, layered_layout

from .circuit_strategies import circuits


def check_layout(doc, pos):
    """Every node placed once, no two within one grid cell, every wire from left to right."""
    assert set(pos) == {n.id for n in doc.nodes()}
    cells = sorted(pos.values())
    for (x1, y1), (x2, y2) in zip(cells, cells[1:], strict=False):
        assert x1 != x2 or y2 - y1 >= Y_SPACING - 1e-6, "overlap"
    for src, dst, _ in doc.edges():
        assert pos[src][0] < pos[dst][0]
    xs = {x for x, _ in pos.values()}
    assert all(abs(x / X_SPACING - round(x / X_SPACING)) < 1e-9 for x in xs)


def crossings(doc, pos) -> int:
    """Pairs of straight wires whose segments properly cross (shared ends excluded)."""
    segs = [(pos[s], pos[d]) for s, d in {(s, d) for s, d, _ in doc.edges()}]

    def orient(p, q, r):
        v = (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])
        return (v > 1e-9) - (v < -1e-9)

    count = 0
    for i, (a, b) in enumerate(segs):
        for c, d in segs[i + 1:]:
            if {a, b} & {c, d}:
                continue
            if orient(a, b, c) * orient(a, b, d) < 0 and orient(c, d, a) * orient(c, d, b) < 0:
                count += 1
    return count


def random_dag(n: int, seed: int) -> Circuit:
    rng = random.Random(seed)
    doc = Circuit()
    ids: list[str] = []
    names = [op.name for op in ops.scalar_ops()]
    for i in range(n):
        if i < n // 5 or rng.random() < 0.2:
            node = doc.add_node(doc.make_node(rng.choice(["input", "weight"])))
        else:
            node = doc.add_node(doc.make_node("op", rng.choice(names)))
            for port in node.input_ports():
                doc.connect(rng.choice(ids[-60:]), node.id, port)
        ids.append(node.id)
    return doc


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(circuits())
def test_random_circuits_lay_out_cleanly(doc):
    pos = layered_layout(doc)
    check_layout(doc, pos)
    leaves = [n.id for n in doc.nodes() if n.is_leaf]
    assert {pos[n][0] for n in leaves} <= {min(x for x, _ in pos.values())}
    assert layered_layout(doc) == pos


def test_lecture_circuit_has_no_crossings_and_leaves_on_the_left():
    doc = Circuit()
    add = {}
    for label in "abcf":
        add[label] = doc.add_node(doc.make_node("input", label=label)).id
    for label, op in [("e", "mul"), ("d", "add"), ("L", "mul")]:
        add[label] = doc.add_node(doc.make_node("op", op, label=label)).id
    wires = [("a", "e", "a"), ("b", "e", "b"), ("e", "d", "a"), ("c", "d", "b"), ("d", "L", "a"), ("f", "L", "b")]
    for s, d, p in wires:
        doc.connect(add[s], add[d], p)
    pos = layered_layout(doc)
    check_layout(doc, pos)
    assert crossings(doc, pos) == 0
    assert {pos[add[x]][0] for x in "abcf"} == {0.0}
    assert [pos[add[x]][0] for x in ("e", "d", "L")] == [X_SPACING, 2 * X_SPACING, 3 * X_SPACING]


def test_barycenter_untangles_a_crossed_bipartite_graph():
    doc = Circuit()
    leaves = [doc.add_node(doc.make_node("input", label=f"x{i}")).id for i in range(6)]
    ops_ = [doc.add_node(doc.make_node("op", "neg", label=f"o{i}")).id for i in range(6)]
    for i, leaf in enumerate(leaves):  # x_i -> o_(5-i): in id order every pair of wires crosses
        doc.connect(leaf, ops_[5 - i], "x")
    naive = {n: (0.0 if n in leaves else X_SPACING, (int(n[1:]) % 7) * Y_SPACING) for n in leaves + ops_}
    assert crossings(doc, naive) == 15
    pos = layered_layout(doc)
    check_layout(doc, pos)
    assert crossings(doc, pos) == 0
    for i, leaf in enumerate(leaves):  # one-to-one wires come out straight
        assert pos[leaf][1] == pos[ops_[5 - i]][1]


def test_layout_has_far_fewer_crossings_than_a_shuffled_order():
    doc = random_dag(120, seed=3)
    pos = layered_layout(doc)
    check_layout(doc, pos)
    rng = random.Random(0)
    columns: dict[float, list[str]] = {}
    for n, (x, _) in sorted(pos.items()):
        columns.setdefault(x, []).append(n)
    shuffled = {}
    for x, members in columns.items():
        rng.shuffle(members)
        shuffled.update({n: (x, i * Y_SPACING) for i, n in enumerate(members)})
    assert crossings(doc, pos) < crossings(doc, shuffled) / 2


def test_thousand_nodes_lay_out_cleanly():
    doc = random_dag(1000, seed=1)
    pos = layered_layout(doc)
    check_layout(doc, pos)


def test_subset_layout_stays_near_the_selection():
    doc = random_dag(30, seed=5)
    chosen = [n.id for n in doc.nodes()][10:20]
    for i, n in enumerate(chosen):
        doc.move(n, (1000.0 + i, 500.0 + i))
    pos = layered_layout(doc, chosen)
    assert set(pos) == set(chosen)
    assert min(x for x, _ in pos.values()) == 1000.0 and min(y for _, y in pos.values()) == 500.0
    sub = doc.graph.subgraph(chosen)
    for s, d in sub.edges():
        assert pos[s][0] < pos[d][0]


def test_empty_document_and_parallel_wires():
    assert layered_layout(Circuit()) == {}
    doc = Circuit()
    x = doc.add_node(doc.make_node("input"))
    m = doc.add_node(doc.make_node("op", "mul"))
    doc.connect(x.id, m.id, "a")
    doc.connect(x.id, m.id, "b")
    assert layered_layout(doc) == {x.id: (0.0, 0.0), m.id: (X_SPACING, 0.0)}
