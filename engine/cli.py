"""Headless commands: run, check, new and export circuits from a shell or CI (`python main.py run L.json`).

Exit codes: 0 success, 1 a check failed (or the circuit could not be evaluated), 2 bad arguments or
files, 3 an internal error (a bug: reported as one line, never a traceback). User errors are one
clear line on stderr.

Numbers: scalar circuits print their floats; dataset circuits print the batch mean of every array
(a node's data averaged over samples and features, likewise its gradient).
"""

from __future__ import annotations

import argparse
import json
import math
import sys

import numpy as np

from .atomic_write import atomic_write
from .errors import EngineError

SUBCOMMANDS = ("run", "check", "new", "export")


class UsageError(Exception):
    """Bad arguments or files: reported on stderr with exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(f"{self.prog}: {message}")


def _parser() -> argparse.ArgumentParser:
    top = _Parser(prog="main.py", description="Backprop Playground, headless. Without a sub-command main.py opens "
                                              "the app.")
    sub = top.add_subparsers(dest="command", metavar="{run,check,new,export}", parser_class=_Parser)
    run = sub.add_parser("run", help="forward, backward and optional training; prints every node")
    run.add_argument("file", nargs="?")
    run.add_argument("--set", action="extend", nargs="+", default=[], metavar="NAME=VALUE",
                     help="set inputs/weights/constants: --set a=2 b=-3 (or --set a=2 --set b=-3)")
    run.add_argument("--steps", type=int, default=0, help="training steps (default 0: just forward and backward)")
    run.add_argument("--lr", type=float, default=None, help="learning rate")
    run.add_argument("--optimizer", choices=("sgd", "momentum", "adam"), default=None)
    goal = run.add_mutually_exclusive_group()  # neither: follow the circuit (a loss node is minimised, else raised)
    goal.add_argument("--maximize", action="store_true", help="step uphill (gradient ascent)")
    goal.add_argument("--minimize", action="store_true", help="step downhill (gradient descent)")
    run.add_argument("--json", action="store_true", help='one JSON object: {"nodes": [...], "loss": [...]}')
    check = sub.add_parser("check", help="validate and gradient-check every leaf; exit 1 on failure")
    check.add_argument("file")
    check.add_argument("--json", action="store_true")
    new = sub.add_parser("new", help="write a circuit built from a formula")
    new.add_argument("--expr", required=True, help='e.g. "L = (a*b + c) * f" or "e = a*b; d = e + c; L = d*f"')
    new.add_argument("--set", action="extend", nargs="+", default=[], metavar="NAME=VALUE",
                     help="values of free names: --set a=2 b=-3 (or --set a=2 --set b=-3)")
    new.add_argument("-o", "--output", required=True, metavar="FILE")
    export = sub.add_parser("export", help="write the circuit as Graphviz DOT, an engine.Value or a PyTorch script")
    export.add_argument("file")
    export.add_argument("--to", required=True, choices=("dot", "python", "torch"))
    export.add_argument("-o", "--output", metavar="OUT", help="default: standard output")
    return top


def _assignments(items: list[str]) -> dict[str, float]:
    out = {}
    for item in items:
        name, sep, text = item.rpartition("=")
        if not sep or not name.strip():
            raise UsageError(f"--set needs NAME=VALUE pairs, got {item!r}")
        if len(text) > 100:
            raise UsageError(f"--set {name.strip()!r}: the value is too long to be a number")
        try:
            value = float(text)
        except ValueError:
            raise UsageError(f"--set {item!r}: {text!r} is not a number") from None
        if not math.isfinite(value):
            raise UsageError(f"--set {item!r}: the value must be finite")
        out[name.strip()] = value
    return out


def _load(path: str):
    from .circuit import io

    try:
        return io.load(path)
    except io.LoadError as exc:
        raise UsageError(f"{path}: {exc}") from None
    except OSError as exc:
        raise UsageError(f"{path}: {exc.strerror or exc}") from None


def _mean(x) -> float | None:
    if x is None:
        return None
    arr = np.asarray(x, dtype=np.float64)
    return float(arr.mean()) if arr.size else None


def _jsonable(x):
    return x if x is None or math.isfinite(x) else str(x)


# ------------------------------------------------------------------ run
def _cmd_run(args) -> int:
    doc = _load(args.file)
    from .circuit.evaluate import Evaluator

    for name, value in _assignments(args.set).items():
        matches = [n for n in doc.nodes() if n.label == name]
        if not matches:
            raise UsageError(f"--set: no node labelled {name!r} in {args.file}")
        if matches[0].kind not in ("input", "weight", "constant"):
            raise UsageError(f"--set: {name!r} is a {matches[0].kind} node; only inputs, weights and constants hold "
                             "a value")
        doc.set_value(matches[0].id, value)
    if args.steps < 0:
        raise UsageError("--steps must be 0 or more")
    ev = Evaluator(doc)
    ev.run()
    loss = []
    if args.steps and not ev.errors:
        loss = _train(doc, ev, args)
        ev.run()
    rows = [{"id": n.id, "label": n.label, "kind": n.kind, "op": n.op,
             "data": _mean(ev.values.get(n.id)), "grad": _mean(ev.grads.get(n.id))}
            for n in (doc.node(i) for i in doc.topological_order())]
    if args.json:
        clean = [{**r, "data": _jsonable(r["data"]), "grad": _jsonable(r["grad"])} for r in rows]
        print(json.dumps({"nodes": clean, "loss": [_jsonable(x) for x in loss],
                          "errors": {k: str(v) for k, v in ev.errors.items()}}))
    else:
        _print_table(rows, loss)
    for node_id, reason in ev.errors.items():
        print(f"error at {doc.node(node_id).label!r}: {reason}", file=sys.stderr)
    return 1 if ev.errors else 0


def _train(doc, ev, args) -> list[float]:
    from .circuit.training import Trainer

    trainer = Trainer(doc, ev)
    if args.lr is not None:
        if not args.lr > 0 or not math.isfinite(args.lr):
            raise UsageError("--lr must be a positive number")
        trainer.settings["lr"] = args.lr
    if args.optimizer:
        trainer.settings["optimizer"] = args.optimizer
    if args.maximize or args.minimize:
        trainer.settings["objective"] = "maximize" if args.maximize else "minimize"
    trainer.run(args.steps)
    return [float(_mean(x)) for x in _losses(trainer.history)]


def _losses(history) -> list:
    """The loss per step from the trainer's history (numbers, or dicts with a 'loss' entry)."""
    return [h.get("loss") if isinstance(h, dict) else h for h in history]


def _fmt(x) -> str:
    """A number for the table; None is blank, and non-finite values (kept as text for JSON) print as is."""
    return "" if x is None else x if isinstance(x, str) else f"{x:.6g}"


def _print_table(rows, loss) -> None:
    width = max([5] + [len(r["label"]) for r in rows])
    print(f"{'label':<{width}}  {'kind':<8}  {'op':<10}  {'data':>14}  {'grad':>14}")
    for r in rows:
        data, grad = _fmt(r["data"]), _fmt(r["grad"])
        print(f"{r['label']:<{width}}  {r['kind']:<8}  {r['op'] or '':<10}  {data:>14}  {grad:>14}")
    if loss:
        print(f"loss: {_fmt(loss[0])} -> {_fmt(loss[-1])} in {len(loss)} steps")
        print("history: " + " ".join(_fmt(x) for x in loss))


# ------------------------------------------------------------------ check
def _cmd_check(args) -> int:
    doc = _load(args.file)
    from .circuit.evaluate import Evaluator
    from .circuit.validate import validate

    problems = validate(doc)
    errors = [p for p in problems if p.severity == "error"]
    report = {"ok": True, "problems": [{"severity": p.severity, "node": p.node_id, "message": p.message}
                                       for p in problems], "gradients": []}
    if not errors:
        ev = Evaluator(doc)
        ev.run()
        if ev.errors:
            report["problems"] += [{"severity": "error", "node": k, "message": str(v)} for k, v in ev.errors.items()]
            errors = list(ev.errors)
        else:  # the same check as F7 in the app (engine.circuit.gradient_check)
            from .circuit.gradient_check import check_gradients

            for r in check_gradients(ev).rows:
                row = {"id": r.node_id, "label": r.label, "analytic": _jsonable(r.analytic),
                       "numeric": _jsonable(r.numeric), "ok": r.ok, "verdict": r.verdict, "kink": r.kink}
                report["gradients"].append(row if r.key is None else {**row, "entries": r.entries})
    report["ok"] = not errors and all(g["ok"] for g in report["gradients"])
    if args.json:
        print(json.dumps(report))
    else:
        for p in report["problems"]:
            where = f" ({doc.node(p['node']).label})" if p["node"] in doc.graph else ""
            print(f"{p['severity']}{where}: {p['message']}")
        for g in report["gradients"]:
            mark = "ok  " if g["ok"] else "FAIL"
            note = " (a kink: the slope on one side)" if g["kink"] else " (the estimate did not settle)" \
                if g["verdict"] == "unsure" else ""
            print(f"{mark} {g['label']}: analytic {_fmt(g['analytic'])}, numeric {_fmt(g['numeric'])}{note}")
        print(f"{args.file}: " + ("ok" if report["ok"] else "FAILED"))
    return 0 if report["ok"] else 1


# ------------------------------------------------------------------ new / export
def _cmd_new(args) -> int:
    from .circuit import io
    from .expr import circuit_from_expression

    doc = circuit_from_expression(args.expr, values=_assignments(args.set))
    try:
        io.save(doc, args.output)
    except OSError as exc:
        raise UsageError(f"{args.output}: {exc.strerror or exc}") from None
    print(f"wrote {args.output} ({len(doc.nodes())} nodes)")
    return 0


def _cmd_export(args) -> int:
    from .export import FORMATS

    doc = _load(args.file)
    text = FORMATS[args.to](doc)
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        atomic_write(args.output, text)
    except OSError as exc:
        raise UsageError(f"{args.output}: {exc.strerror or exc}") from None
    print(f"wrote {args.output}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run one sub-command; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):  # a label with a lone surrogate prints escaped, not as a crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        args = _parser().parse_args(argv)
        if not args.command:
            raise UsageError(f"main.py: choose a command: {', '.join(SUBCOMMANDS)} (see --help)")
        if args.command == "run" and args.file is None:
            _file_after_set(args)
        return {"run": _cmd_run, "check": _cmd_check, "new": _cmd_new, "export": _cmd_export}[args.command](args)
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    except (UsageError, EngineError) as exc:
        print(f"error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the last resort: a bug, still one line and no traceback
        print(f"error: internal error ({type(exc).__name__}: {_one_line(exc)}); please report it", file=sys.stderr)
        return 3


def _file_after_set(args) -> None:
    """`run --set a=2 FILE`: --set took the file name as one more pair; give it back."""
    if args.set and "=" not in args.set[-1]:
        args.file = args.set.pop()
    else:
        raise UsageError("main.py run: the following arguments are required: file")


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 2000 else text[:2000] + "..."
