"""The headless commands: numbers, exit codes and clear messages (never a traceback)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from engine import cli

ROOT = Path(__file__).resolve().parents[2]
L_EXPR = "e = a*b; d = e + c; L = d*f"
L_SET = ["--set", "a=2", "--set", "b=-3", "--set", "c=10", "--set", "f=-2"]


def call(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def lfile(tmp_path, capsys):
    path = tmp_path / "L.json"
    code, out, _ = call(capsys, "new", "--expr", L_EXPR, *L_SET, "-o", str(path))
    assert code == 0 and path.exists() and "7 nodes" in out
    return path


def by_label(payload):
    return {n["label"]: n for n in payload["nodes"]}


def test_new_then_run_json_gives_the_lecture_numbers(capsys, lfile):
    code, out, err = call(capsys, "run", str(lfile), "--json")
    assert code == 0 and err == ""
    payload = json.loads(out)
    nodes = by_label(payload)
    assert payload["loss"] == []
    assert {k: (v["data"], v["grad"]) for k, v in nodes.items()} == {
        "a": (2.0, 6.0), "b": (-3.0, -4.0), "c": (10.0, -2.0), "f": (-2.0, 4.0),
        "e": (-6.0, -2.0), "d": (4.0, -2.0), "L": (-8.0, 1.0)}
    assert nodes["L"]["kind"] == "op" and nodes["L"]["op"] == "mul" and nodes["a"]["op"] is None
    assert all(set(n) >= {"id", "label", "kind", "op", "data", "grad"} for n in payload["nodes"])


def test_run_table_and_set(capsys, lfile):
    code, out, _ = call(capsys, "run", str(lfile), "--set", "a=3")
    assert code == 0
    rows = {line.split()[0]: line.split() for line in out.splitlines()[1:]}
    assert float(rows["L"][-2]) == -2.0  # (3*-3 + 10) * -2
    assert float(rows["a"][-1]) == 6.0 and rows["e"][1:3] == ["op", "mul"]


def test_run_training_lowers_or_raises_the_root(capsys, lfile):
    code, out, _ = call(capsys, "run", str(lfile), "--steps", "5", "--lr", "0.01", "--minimize", "--json")
    loss = json.loads(out)["loss"]
    assert code == 0 and len(loss) == 5 and loss[0] == -8.0
    assert all(b < a for a, b in zip(loss, loss[1:], strict=False))
    code, out, _ = call(capsys, "run", str(lfile), "--steps", "5", "--lr", "0.01", "--maximize", "--json")
    loss = json.loads(out)["loss"]
    assert code == 0 and all(b > a for a, b in zip(loss, loss[1:], strict=False))
    # neither: L is not a loss node, so the steps are the lecture's nudge (every leaf up its gradient)
    code, out, _ = call(capsys, "run", str(lfile), "--steps", "2", "--lr", "0.01", "--json")
    payload = json.loads(out)
    assert code == 0 and payload["loss"][1] == pytest.approx(-7.286496, abs=1e-9)


def test_check_passes_and_reports_every_leaf(capsys, lfile):
    code, out, _ = call(capsys, "check", str(lfile), "--json")
    report = json.loads(out)
    assert code == 0 and report["ok"]
    grads = {g["label"]: g for g in report["gradients"]}
    assert set(grads) == {"a", "b", "c", "f"}
    assert grads["a"]["analytic"] == 6.0 and grads["a"]["numeric"] == pytest.approx(6.0, rel=1e-6)
    code, out, _ = call(capsys, "check", str(lfile))
    assert code == 0 and out.rstrip().endswith("ok")


def test_check_names_a_kink(capsys, tmp_path):
    path = tmp_path / "kink.json"
    assert call(capsys, "new", "--expr", "y = relu(x)", "--set", "x=0", "-o", str(path))[0] == 0
    code, out, _ = call(capsys, "check", str(path))
    assert code == 0 and "ok   x" in out and "kink" in out  # relu(0): backward takes the left slope, 0


def test_export_python_runs(capsys, lfile, tmp_path):
    script = tmp_path / "L.py"
    assert call(capsys, "export", str(lfile), "--to", "python", "-o", str(script))[0] == 0
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    rows = dict(line.split("\t", 1) for line in done.stdout.splitlines())
    assert done.returncode == 0 and rows["L"] == "-8.0\t1.0" and rows["a"] == "2.0\t6.0"
    code, out, _ = call(capsys, "export", str(lfile), "--to", "dot")
    assert code == 0 and out.startswith("digraph") and "data -8.0000" in out


@pytest.mark.parametrize("argv, needle", [
    (["run", "missing.json"], "missing.json"),
    (["export", "{L}", "--to", "png"], "invalid choice"),
    (["run", "{L}", "--set", "zz=1"], "no node labelled 'zz'"),
    (["run", "{L}", "--set", "a=abc"], "not a number"),
    (["run", "{L}", "--set", "e=1"], "op node"),
    (["run", "{L}", "--steps", "-1"], "--steps"),
    (["new", "--expr", "y = x.real", "-o", "{tmp}/x.json"], "line 1, column 5"),
    (["new", "--expr", "y = a*2", "--set", "q=1", "-o", "{tmp}/x.json"], "no free name 'q'"),
    (["run", "{bad}"], "bad.json"),
    ([], "choose a command"),
])
def test_user_errors_exit_2_with_a_message(capsys, lfile, tmp_path, argv, needle):
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json")
    argv = [a.format(L=lfile, tmp=tmp_path, bad=bad) for a in argv]
    code, out, err = call(capsys, *argv)
    assert code == 2 and needle in err and "Traceback" not in err
    assert err.startswith("error: ")


def test_main_py_dispatches_to_the_cli(lfile):
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "run", str(lfile), "--json"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and by_label(json.loads(done.stdout))["L"]["data"] == -8.0
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--help"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and all(c in done.stdout for c in ("run", "check", "new", "export"))


def test_check_covers_layer_weights(capsys):
    code, out, _ = call(capsys, "check", str(ROOT / "resources" / "examples" / "moons.json"), "--json")
    report = json.loads(out)
    grads = {g["label"]: g for g in report["gradients"]}
    assert code == 0 and report["ok"]
    assert {"layer1.W", "layer1.b", "layer2.W", "layer3.b"} <= set(grads)
    assert grads["layer1.W"]["entries"] == 20 and grads["layer1.W"]["analytic"] == pytest.approx(
        grads["layer1.W"]["numeric"], rel=1e-5)
    code, out, _ = call(capsys, "check", str(ROOT / "resources" / "examples" / "moons.json"))
    assert code == 0 and "ok   layer2.W" in out


@pytest.mark.parametrize("sets", [
    ["--set", "a=3", "b=-4", "c=1", "f=2"],  # several pairs after one flag, as the usage line says
    ["--set", "a=3", "--set", "b=-4", "--set", "c=1", "--set", "f=2"],  # the repeated form
    ["--set", "a=3", "b=-4", "--set", "c=1", "f=2"],  # both
])
def test_set_takes_several_pairs_after_one_flag_or_repeated(capsys, lfile, tmp_path, sets):
    code, out, err = call(capsys, "run", str(lfile), *sets, "--json")
    nodes = by_label(json.loads(out))
    assert code == 0 and err == "" and nodes["L"]["data"] == (3 * -4 + 1) * 2 and nodes["a"]["grad"] == -4 * 2
    code, out, _ = call(capsys, "run", *sets, str(lfile), "--json")  # the file after the pairs
    assert code == 0 and by_label(json.loads(out))["L"]["data"] == -22.0
    path = tmp_path / "new.json"
    code, out, _ = call(capsys, "new", "--expr", L_EXPR, *sets, "-o", str(path))
    assert code == 0
    code, out, _ = call(capsys, "run", str(path), "--json")
    assert by_label(json.loads(out))["L"]["data"] == -22.0


@pytest.mark.parametrize("sets, needle", [
    (["--set", "a=3", "b"], "--set needs NAME=VALUE pairs, got 'b'"),
    (["--set", "a=3", "=4"], "--set needs NAME=VALUE pairs, got '=4'"),
    (["--set", "a=3", "b=x"], "--set 'b=x': 'x' is not a number"),
    (["--set", "a=3", "b=nan"], "the value must be finite"),
    (["--set", "a=" + "1" * 5000], "too long to be a number"),
    (["--set"], "expected at least one argument"),
])
def test_a_malformed_pair_is_one_clear_line(capsys, lfile, sets, needle):
    code, out, err = call(capsys, "run", str(lfile), *sets)
    assert code == 2 and needle in err and err.count("\n") == 1 and out == ""
