"""Autosave and recovery (issue 9, items 1 and 2): one recovery file per window, owned through a lock;
only orphans (their owner process is gone) are offered, each in its own window; the restore prompt
deletes nothing before it is answered; restored work keeps its file path and stays recoverable."""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from engine.circuit import io
from engine.commands import SetValue
from gui.files import orphans
from gui.main_window import MainWindow
from tests.conftest import EXAMPLES

CHILD = Path(__file__).with_name("recovery_app.py")


@pytest.fixture
def settings(tmp_path):
    s = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    s.setValue("recovery_dir", str(tmp_path / "rec"))
    s.setValue("autosave_ms", 3_600_000)  # no tick unless a test asks for one
    s.sync()
    return s


@pytest.fixture
def make_window(qtbot, settings):
    def make(path=None):
        w = MainWindow(settings=settings)
        qtbot.addWidget(w)
        w.errors, w.offered = [], []
        w.show_error = lambda title, text: w.errors.append(text)
        w.ask_save = lambda: "discard"
        if path is not None:
            assert w.open(path)
        return w

    return make


def edit(window, value: float) -> None:
    window.undo.push(SetValue(window.doc.by_label("a").id, value))


def plant_orphan(folder: Path, doc, origin=None, name=None) -> Path:
    """The files a crashed window leaves: a recovery copy and its note, with no live lock."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"recovery-{uuid.uuid4().hex}.json"
    io.save(doc, path)
    path.with_name(path.stem + ".meta.json").write_text(json.dumps({"path": origin, "name": name}))
    return path


def user_file(tmp_path, name="mine.json") -> Path:
    target = tmp_path / name
    shutil.copy(EXAMPLES / "L.json", target)
    return target


def test_two_windows_keep_their_own_files(make_window, tmp_path):
    dirty, clean, other = (make_window(user_file(tmp_path, f"{k}.json")) for k in "abc")
    edit(dirty, 7.0)
    edit(other, -4.0)
    for w in (dirty, clean, other):
        w.autosave.write()  # every window's tick
    assert dirty.autosave.path != other.autosave.path and not clean.autosave.pending()
    assert io.to_dict(io.load(dirty.autosave.path)) == io.to_dict(dirty.doc)  # nobody overwrote anybody
    assert io.to_dict(io.load(other.autosave.path)) == io.to_dict(other.doc)
    assert io.load(dirty.autosave.path).by_label("a").value == 7.0
    clean.close()  # closing a clean window deletes only its own (absent) file
    assert dirty.autosave.pending() and other.autosave.pending()
    dirty.undo_stack.setClean()
    dirty.autosave.write()  # a clean tick deletes the window's own file
    assert not dirty.autosave.pending() and other.autosave.pending()
    other.close()  # closed with its changes discarded: its file and lock go
    assert sorted(p.name for p in (tmp_path / "rec").iterdir()) == [dirty.autosave.path.name + ".lock"]


def test_live_windows_of_this_copy_are_never_offered(make_window, tmp_path):
    dirty = make_window(user_file(tmp_path))
    edit(dirty, 7.0)
    dirty.autosave.write()
    fresh = make_window()
    fresh.ask_restore = lambda orphan: fresh.offered.append(orphan) or False
    assert fresh.offer_recovery() == [] and fresh.offered == []
    assert dirty.autosave.pending()


def test_a_prompt_left_open_past_the_autosave_interval_deletes_nothing(make_window, settings, tmp_path, qtbot):
    settings.setValue("autosave_ms", 20)
    crashed = io.load(user_file(tmp_path))
    crashed.set_value(crashed.by_label("a").id, 7.0)
    origin = user_file(tmp_path, "work.json")
    orphan = plant_orphan(tmp_path / "rec", crashed, str(origin), "work.json")
    bystander = make_window()  # a clean window ticking all along
    window = make_window()
    seen = {}

    def slow_answer(o):
        seen["offered"] = o.path
        qtbot.wait(300)  # fifteen autosave intervals with the question open
        seen["exists"], seen["ticking"] = o.path.exists(), window.autosave.timer.isActive()
        return True

    window.ask_restore = slow_answer
    assert window.offer_recovery() == [window]
    assert seen == {"offered": orphan, "exists": True, "ticking": False} and bystander.autosave.timer.isActive()
    assert io.to_dict(window.doc)["nodes"] == io.to_dict(crashed)["nodes"]
    assert window.path == origin and window.name == "work.json" and window.windowTitle().startswith("work.json*")
    assert not window.undo_stack.isClean() and window.errors == []
    assert window.autosave.path == orphan and window.autosave.timer.isActive()  # adopted: a second crash recovers it
    qtbot.wait(100)
    assert orphan.exists() and io.to_dict(io.load(orphan)) == io.to_dict(window.doc)
    assert window.save()  # saved where it came from; the recovery copy is no longer needed
    assert io.load(origin).by_label("a").value == 7.0 and not orphan.exists()


def test_no_discards_the_offered_copy_after_the_answer_only(make_window, tmp_path):
    orphan = plant_orphan(tmp_path / "rec", io.load(EXAMPLES / "L.json"))
    window = make_window()
    window.ask_restore = lambda o: window.offered.append(o.path.exists()) or False
    assert window.offer_recovery() == []
    assert window.offered == [True] and list((tmp_path / "rec").iterdir()) == []
    assert orphan.name not in str(window.autosave.path) and window.doc.nodes() == []


def test_every_orphan_is_restored_in_a_window_of_its_own(make_window, tmp_path, qtbot):
    docs = [io.load(EXAMPLES / name) for name in ("L.json", "neuron.json")]
    paths = [plant_orphan(tmp_path / "rec", d, name=n) for d, n in zip(docs, ("one", "two"), strict=True)]
    os.utime(paths[0], (1, 1))  # the older one first
    window = make_window()
    window.ask_restore = lambda o: True
    restored = window.offer_recovery()
    for w in restored:
        qtbot.addWidget(w)
        w.ask_save = lambda: "discard"
    assert restored[0] is window and len(restored) == 2 and window.recovered_windows == restored[1:]
    assert [w.name for w in restored] == ["one", "two"] and [w.autosave.path for w in restored] == paths
    assert [io.to_dict(w.doc)["nodes"] for w in restored] == [io.to_dict(d)["nodes"] for d in docs]
    assert all(not w.undo_stack.isClean() and w.path is None for w in restored)
    assert orphans(window.settings) == []  # both adopted: held by live windows now


def run_child(*args, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    proc = subprocess.run([sys.executable, str(CHILD), *args], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_a_second_copy_of_the_app_offers_only_what_a_dead_copy_left(make_window, settings, tmp_path):
    live = make_window(user_file(tmp_path))
    edit(live, 7.0)
    live.autosave.write()
    settings.sync()
    ini = settings.fileName()
    assert run_child("offer", ini, "no", tmp_path=tmp_path) == {"offered": [], "restored": []}
    assert live.autosave.pending()  # answering No anywhere never touched the live copy's file
    victim = user_file(tmp_path, "victim.json")
    dead = Path(run_child("crash", ini, str(victim), "-4.5", tmp_path=tmp_path)["recovery"])
    assert dead.exists() and Path(str(dead) + ".lock").exists()  # the dead process's lock is left behind
    result = run_child("offer", ini, "yes", tmp_path=tmp_path)
    assert [o["path"] for o in result["offered"]] == [str(dead)]
    (restored,) = result["restored"]
    assert restored["path"] == str(victim) and restored["name"] == "victim.json" and not restored["clean"]
    assert restored["recovery"] == str(dead) and restored["doc"]["nodes"][0]["value"] == -4.5
    # that second copy died too (os._exit): its adopted file is an orphan again, and No deletes it
    assert [o["path"] for o in run_child("offer", ini, "no", tmp_path=tmp_path)["offered"]] == [str(dead)]
    assert not dead.exists() and live.autosave.pending()


def test_a_failed_autosave_says_so_in_the_window_language(make_window, monkeypatch, qtbot):
    """The status line's prefix was looked up in the wrong translation context and stayed English."""
    from engine.circuit.io import SaveError
    from gui import files
    from gui.i18n import set_language

    def refuse(doc, path):
        raise SaveError("cannot save: the disk is full")

    set_language("pt_BR")
    try:
        w = make_window(EXAMPLES / "L.json")
        edit(w, 7.0)
        monkeypatch.setattr(files.io, "save", refuse)
        w.autosave.write()
        assert w.statusBar().currentMessage() == "O salvamento automático falhou: cannot save: the disk is full"
        assert w.doc.by_label("a").value == 7.0  # the work is still there
    finally:
        set_language("en")
