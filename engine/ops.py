"""THE op registry: every operation is defined exactly once, and everything else is derived from it.

An `Op` (engine.registry) holds all the engine knows about an operation: forward and backward,
ports, symbol, teaching text, domain, its Python/PyTorch spelling, whether a non-finite input can
come out finite, whether it runs in grouped circuit passes, and an optional fast backward. Value,
Tensor, circuit nodes and tapes, the palette, tooltips, exporters, the stepper and the
gradient-check tests all read this table: registering an op is all a new op needs.

The definitions: engine.elementwise_ops (scalar ops) and engine.tensor_ops (matrices, reductions,
losses). Both import engine.registry only, so there is no import cycle.
"""

from __future__ import annotations

from . import elementwise_ops, tensor_ops  # noqa: F401  (importing them registers the ops, in this order)
from .elementwise_ops import ACTIVATIONS
from .registry import (
                       OPS,
                       Op,
                       Param,
                       by_category,
                       define,
                       derive_methods,
                       diagnose,
                       get,
                       register,
                       scalar_ops,
                       unregister,
                       watch,
)

__all__ = ["ACTIVATIONS", "OPS", "Op", "Param", "by_category", "define", "derive_methods", "diagnose", "get",
           "register", "scalar_ops", "unregister", "watch"]
