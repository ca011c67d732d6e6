"""`pip install .` gives a working app: a wheel built from the checkout, installed into a fresh virtual
environment (its dependencies borrowed from this interpreter's site-packages instead of downloaded again),
runs `backprop-playground-cli run` on an example from the installed package's own data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT

INSTALLED = "backprop_playground_resources"


def test_every_package_folder_is_listed_for_the_wheel():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for top in ("engine", "gui")
             for p in (ROOT / top).rglob("__init__.py")}
    assert found | {INSTALLED} == listed


def run(cmd, **kw):
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=120, **kw)
    assert out.returncode == 0, f"{cmd}\n{out.stdout}\n{out.stderr}"
    return out.stdout


@pytest.fixture(scope="module")
def fresh_env(tmp_path_factory):
    """A new venv with the wheel installed (no dependencies) and this interpreter's site-packages appended."""
    tmp = tmp_path_factory.mktemp("install")
    try:
        run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q",
             "--disable-pip-version-check", "-w", str(tmp / "dist")], cwd=tmp)
    except AssertionError as exc:
        pytest.skip(f"cannot build a wheel here (pip/setuptools missing?): {str(exc)[-300:]}")
    wheel = next((tmp / "dist").glob("backprop_playground-*.whl"))
    env_dir = tmp / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)])
    python = env_dir / "bin" / "python"
    run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q",
         "--disable-pip-version-check", str(wheel)])
    site = Path(run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).strip())
    # the dependencies (numpy, networkx, PySide6, ...) come from here: a plain path line, after the venv's own
    (site / "borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env_dir, site, env, tmp


def test_installed_cli_runs_an_example_from_the_installed_data(fresh_env):
    env_dir, site, env, tmp = fresh_env
    where = json.loads(run([str(env_dir / "bin" / "python"), "-c",
                            "import json, engine, gui, engine.cli; from engine.resources import examples_dir; "
                            "print(json.dumps([engine.__file__, gui.__file__, str(examples_dir())]))"],
                           cwd=tmp, env=env))
    for path in where:
        assert Path(path).is_relative_to(site), f"{path} is not the installed copy"
    example = Path(where[2]) / "L.json"
    assert (Path(where[2]).parent / "i18n" / "backprop_pt_BR.qm").is_file()
    assert (Path(where[2]).parent / "icon.svg").is_file()
    out = json.loads(run([str(env_dir / "bin" / "backprop-playground-cli"), "run", str(example), "--json"],
                         cwd=tmp, env=env))
    numbers = {n["label"]: (n["data"], n["grad"]) for n in out["nodes"]}
    assert numbers["L"] == (-8.0, 1.0) and numbers["a"] == (2.0, 6.0) and numbers["f"] == (-2.0, 4.0)


def test_installed_gui_command_points_at_the_app(fresh_env):
    env_dir, site, env, tmp = fresh_env
    assert (env_dir / "bin" / "backprop-playground").is_file()
    probe = ("import json; from importlib.metadata import distribution; "
             "eps = {e.name: e for e in distribution('backprop-playground').entry_points}; "
             "fn = eps['backprop-playground'].load(); import sys; "
             "print(json.dumps([eps['backprop-playground'].group, sys.modules[fn.__module__].__file__]))")
    group, module_file = json.loads(run([str(env_dir / "bin" / "python"), "-c", probe], cwd=tmp, env=env))
    assert group == "gui_scripts" and Path(module_file).is_relative_to(site)
    # the installed app finds its default example and quits cleanly when the file is missing
    bad = subprocess.run([str(env_dir / "bin" / "backprop-playground"), str(tmp / "missing.json")], cwd=tmp,
                         env=env, capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "no such file" in bad.stderr
