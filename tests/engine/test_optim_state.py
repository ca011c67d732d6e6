"""The optimizer table's numbers (engine.optim_state) against PyTorch: Adam's exp_avg and sqrt(exp_avg_sq),
SGD's momentum buffer, and the effective step against the change the step really made to the values."""

import numpy as np
import pytest

from engine.circuit import io
from engine.circuit.training import Trainer
from engine.optim_state import optimizer_state
from tests.conftest import EXAMPLES


def moons(**training):
    doc = io.load(EXAMPLES / "moons.json")
    doc.training = {**doc.training, **training}
    return doc


def snapshot(trainer):
    return [np.array(p.data, dtype=float, copy=True) for p in trainer._params]


def run_with_torch(optimizer, steps=5, **settings):
    """Steps the trainer; replays its gradients on torch parameters with torch's own optimizer."""
    torch = pytest.importorskip("torch")  # the oracle, where installed
    doc = moons(optimizer=optimizer, **settings)
    trainer = Trainer(doc)
    trainer.step()
    first_before = None
    tparams = tstate = topt = None
    for k in range(steps):
        if k:
            trainer.step()
        grads = [np.array(p.grad, dtype=float) for p in trainer._params]
        if topt is None:  # the values before the first step: reload them from the original file
            first_before = [np.array(x) for x in initial_values(trainer)]
            tparams = [torch.tensor(x, dtype=torch.float64, requires_grad=True) for x in first_before]
            topt = (torch.optim.Adam(tparams, lr=settings["lr"]) if optimizer == "adam" else
                    torch.optim.SGD(tparams, lr=settings["lr"], momentum=settings.get("momentum", 0.0)))
        before = [t.detach().numpy().copy() for t in tparams]
        for t, g in zip(tparams, grads, strict=True):
            t.grad = torch.tensor(g, dtype=torch.float64).reshape(t.shape)
        topt.step()
        tstate = [topt.state[t] for t in tparams]
    return trainer, tparams, tstate, before


def initial_values(trainer):
    fresh = io.load(EXAMPLES / "moons.json")
    return [np.array(fresh.node(p.node_id).params[p.key], dtype=float) for p in trainer._params]


def entries_of(state, p):
    """The state's per-entry quantities of one parameter, reshaped like it."""
    rows = [e for e in state.entries if (e.node_id, e.key) == (p.node_id, p.key)]
    shape = np.shape(p.data)
    return {q: np.array([getattr(e, q) for e in rows], dtype=float).reshape(shape)
            for q in ("value", "grad", "momentum", "m", "sqrt_v", "step")}


def test_adam_m_sqrt_v_and_step_equal_torch():
    trainer, tparams, tstate, before = run_with_torch("adam", steps=6, lr=0.01)
    state = optimizer_state(trainer, max_entries=10**6)  # every entry listed
    assert state.optimizer == "adam" and state.k == 6
    for p, t, s, b in zip(trainer._params, tparams, tstate, before, strict=True):
        got = entries_of(state, p)
        np.testing.assert_allclose(got["value"], t.detach().numpy(), rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(got["m"], s["exp_avg"].numpy(), rtol=1e-10, atol=1e-14)
        np.testing.assert_allclose(got["sqrt_v"], np.sqrt(s["exp_avg_sq"].numpy()), rtol=1e-10, atol=1e-14)
        np.testing.assert_allclose(got["step"], t.detach().numpy() - b, rtol=1e-7, atol=1e-12)
        assert np.isnan(got["momentum"]).all()


def test_momentum_buffer_and_step_equal_torch():
    trainer, tparams, tstate, before = run_with_torch("momentum", steps=4, lr=0.05, momentum=0.9)
    state = optimizer_state(trainer, max_entries=10**6)
    assert state.optimizer == "momentum"
    for p, t, s, b in zip(trainer._params, tparams, tstate, before, strict=True):
        got = entries_of(state, p)
        np.testing.assert_allclose(got["momentum"], s["momentum_buffer"].numpy(), rtol=1e-10, atol=1e-14)
        np.testing.assert_allclose(got["step"], t.detach().numpy() - b, rtol=1e-7, atol=1e-12)
        assert np.isnan(got["m"]).all() and np.isnan(got["sqrt_v"]).all()


def test_plain_sgd_step_is_minus_lr_times_the_gradient_and_matches_the_value_change():
    trainer = Trainer(moons(optimizer="sgd", lr=0.1))
    trainer.step()
    before = snapshot(trainer)
    trainer.step()
    state = optimizer_state(trainer, max_entries=10**6)
    for p, b in zip(trainer._params, before, strict=True):
        got = entries_of(state, p)
        np.testing.assert_allclose(got["step"], -0.1 * np.asarray(p.grad), rtol=1e-12)
        np.testing.assert_allclose(got["step"], np.asarray(p.data) - b, rtol=1e-9, atol=1e-12)


def test_large_blocks_are_summarised_with_norm_min_max_and_the_full_matrix_kept():
    trainer = Trainer(moons(optimizer="adam", lr=0.01))
    trainer.step()
    state = optimizer_state(trainer, max_entries=20)
    big = {(s.node_id, s.key): s for s in state.summaries}
    listed = {(e.node_id, e.key) for e in state.entries}
    for p in trainer._params:
        a = np.asarray(p.data)
        if a.size > 20:
            s = big[(p.node_id, p.key)]
            assert (p.node_id, p.key) not in listed and s.shape == a.shape
            assert s.stats["value"].norm == pytest.approx(np.sqrt((a**2).sum()))
            assert (s.stats["value"].min, s.stats["value"].max) == (a.min(), a.max())
            assert s.stats["grad"].norm == pytest.approx(np.linalg.norm(np.ravel(p.grad)))
            assert "momentum" not in s.stats  # Adam keeps no momentum buffer
            np.testing.assert_array_equal(state.full(p.node_id, p.key)["value"], np.atleast_2d(a))
        else:
            assert (p.node_id, p.key) in listed and (p.node_id, p.key) not in big
    assert len(state.entries) == sum(np.size(p.data) for p in trainer._params if np.size(p.data) <= 20)
    order = list(dict.fromkeys((r.node_id, r.key) for r in state.rows))  # rows grouped per parameter, in order
    assert order == [(p.node_id, p.key) for p in trainer._params]
    assert len(state.rows) == len(state.entries) + len(state.summaries)
    assert state.kept == ("value", "grad", "m", "sqrt_v", "step")


def test_no_state_before_a_step_and_names_read_like_the_circuit():
    trainer = Trainer(moons())
    assert optimizer_state(trainer) is None
    trainer.step()
    state = optimizer_state(trainer)
    names = [e.name for e in state.entries]
    assert "layer1.W[0,1]" in names and "layer3.b[0]" in names
