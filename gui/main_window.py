"""The main window: canvas in the middle, palette on the left, the playground's docks around it."""

from __future__ import annotations

import json
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QMessageBox

from engine import export
from engine.circuit import Circuit, io
from engine.circuit.evaluate import Evaluator
from engine.errors import EngineError
from engine.resources import examples_dir

from . import about_banner, exports, theme
from .canvas.scene import CircuitScene
from .canvas.view import CanvasView
from .edit_actions import EditActions
from .files import Autosave, Orphan, RecentFiles, orphans
from .formula_field import FormulaField
from .help_dialogs import AboutDialog, HelpDialog, HowToDialog
from .i18n import LANGUAGES
from .palette_dock import PalettePanel
from .playground import forget_old_document
from .playground.docks import fit_toolbars
from .undo import UndoBridge

EXAMPLES = examples_dir()  # resources/examples in a checkout or in the installed wheel


def first_size(available: QSize) -> QSize:
    """The window's size on first start: 1400x900, or the whole free screen when that is smaller
    (a 1366x768 laptop must not get a window whose right and bottom edges are off screen)."""
    return QSize(min(1400, available.width()), min(900, available.height()))


class MainWindow(EditActions, QMainWindow):
    """One document, its evaluator and undo stack, the canvas and the docks."""

    def __init__(self, doc: Circuit | None = None, settings: QSettings | None = None):
        super().__init__()
        self.settings = settings or QSettings()
        self.doc = doc or Circuit()
        self.evaluator = Evaluator(self.doc)
        self.undo_stack = QUndoStack(self)
        self.undo = UndoBridge(self.doc, self.undo_stack, self.status)
        self.scene = CircuitScene(self.doc, self.evaluator, self.undo.push, self.undo.seal)
        self.view = CanvasView(self.scene)
        self.setCentralWidget(self.view)
        self.path: Path | None = None
        self.name: str | None = None
        self.theme = "light"
        self._fitted = False
        self.scene.status_message.connect(self.status)
        self.palette = PalettePanel(self._add_entry)
        self.add_dock(self.palette, self.tr("Palette"), "dock_palette", Qt.LeftDockWidgetArea)
        self.recent = RecentFiles(self.settings)
        self._build_menus()
        self.undo_stack.cleanChanged.connect(lambda _: self._update_title())
        self.undo_stack.indexChanged.connect(lambda _: self._update_title())
        self.autosave = Autosave(self)
        self.recovered_windows: list[MainWindow] = []  # windows opened on other recovered work
        from .playground import install

        install(self)
        from .lessons import install as install_lessons

        install_lessons(self)  # the Lesson dock and the Lessons menu (gui/lessons)
        self.set_theme(str(self.settings.value("theme", "light")))
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(first_size(self.screen().availableGeometry().size()))
        self._update_title()
        self.autosave.start()

    # ------------------------------------------------------------ scaffolding
    def status(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)

    def add_dock(self, widget, title, object_name, area=Qt.RightDockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        if hasattr(self, "panels_menu"):
            self.panels_menu.addAction(dock.toggleViewAction())
        return dock

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(slot)
        menu.addAction(act)
        return act

    def _build_menus(self) -> None:
        bar = self.menuBar()
        f = bar.addMenu(self.tr("&File"))
        self._action(f, self.tr("New"), self.new, QKeySequence.New)
        self._action(f, self.tr("Open…"), self.open_dialog, QKeySequence.Open)
        self.recent_menu = f.addMenu(self.tr("Open Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        examples = f.addMenu(self.tr("Examples"))
        for item in json.loads((EXAMPLES / "index.json").read_text())["examples"]:
            act = self._action(examples, item["title"], lambda _=False, p=EXAMPLES / item["file"]: self.open(p))
            act.setToolTip(item["description"])
        self._action(f, self.tr("Save"), self.save, QKeySequence.Save)
        self._action(f, self.tr("Save As…"), self.save_as, QKeySequence.SaveAs)
        f.addSeparator()
        self._action(f, self.tr("Export image (PNG)…"), lambda: self.export_image("png"))
        self._action(f, self.tr("Export image (SVG)…"), lambda: self.export_image("svg"))
        for kind, title in (("dot", "Graphviz DOT"), ("python", "Python (engine.Value)"), ("torch", "PyTorch")):
            self._action(f, self.tr("Export {what}…").format(what=title), lambda _=False, k=kind: self.export_code(k))
        f.addSeparator()
        self._action(f, self.tr("Quit"), self.close, QKeySequence.Quit)
        e = bar.addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcut(QKeySequence.Redo)
        e.addActions([undo, redo])
        e.addSeparator()
        cut = self._action(e, self.tr("Cut"), self.cut, QKeySequence.Cut)
        copy = self._action(e, self.tr("Copy"), self.copy, QKeySequence.Copy)
        self._action(e, self.tr("Paste"), self.paste, QKeySequence.Paste)
        duplicate = self._action(e, self.tr("Duplicate"), self.duplicate, "Ctrl+D")
        rename = self._action(e, self.tr("Rename"), self.rename, "F2")
        delete = self._action(e, self.tr("Delete"), self.scene.delete_selected, QKeySequence.Delete)
        e.addSeparator()
        expand = self._action(e, self.tr("Expand neuron into scalar nodes"), lambda: self.expand_or_collapse(True))
        collapse = self._action(e, self.tr("Collapse into a neuron"), lambda: self.expand_or_collapse(False))
        self.view.node_actions = [rename, duplicate, cut, copy, delete, None, expand, collapse]
        self._action(e, self.tr("Select All"), self.scene.select_all, QKeySequence.SelectAll)
        v = self.view_menu = bar.addMenu(self.tr("&View"))
        self._action(v, self.tr("Zoom In"), self.view.zoom_in, QKeySequence.ZoomIn)
        self._action(v, self.tr("Zoom Out"), self.view.zoom_out, QKeySequence.ZoomOut)
        self._action(v, self.tr("Fit"), lambda: self.view.fit_all(), "Ctrl+0")
        self._action(v, self.tr("Auto layout"), self.auto_layout, "Ctrl+L")
        self._action(v, self.tr("Light theme"), lambda: self.set_theme("light"))
        self._action(v, self.tr("Dark theme"), lambda: self.set_theme("dark"))
        language = v.addMenu(self.tr("Language"))
        for code, name in LANGUAGES.items():
            self._action(language, name, lambda _=False, c=code: self.switch_language(c))
        self.panels_menu = v.addMenu(self.tr("Panels"))
        h = bar.addMenu(self.tr("&Help"))
        self._action(h, self.tr("How to…"), lambda: self.show_help("howto"), QKeySequence.HelpContents)
        self._action(h, self.tr("About Backprop Playground"), lambda: self.show_help("about"))
        tools = self.addToolBar(self.tr("Build"))
        tools.setObjectName("toolbar_build")
        self.formula_field = FormulaField(self.build_expression)  # gui/formula_field.py: syntax, errors, reset()
        self.expression = self.formula_field.edit
        tools.addWidget(self.formula_field)

    def show_help(self, which: str) -> HelpDialog:
        """The how-to or the About page, in a window of its own."""
        dialog = (HowToDialog if which == "howto" else AboutDialog)(self)
        dialog.show()
        return dialog

    def set_theme(self, name: str) -> None:
        self.theme = "dark" if name == "dark" else "light"
        theme.apply(self, self.theme)
        self.settings.setValue("theme", self.theme)

    # ------------------------------------------------------------ files
    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def ask_save(self) -> str:
        """'save', 'discard' or 'cancel' when the document has unsaved changes."""
        answer = QMessageBox.question(self, self.tr("Unsaved changes"),
                                      self.tr("Save the changes to this circuit first?"),
                                      QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel)
        return {QMessageBox.Save: "save", QMessageBox.Discard: "discard"}.get(answer, "cancel")

    def _may_discard(self) -> bool:
        if self.undo_stack.isClean():
            return True
        choice = self.ask_save()
        return choice == "discard" or (choice == "save" and self.save())

    def _replace(self, doc: Circuit, path: Path | None, name: str | None = None) -> bool:
        """Show another document; if the views cannot take it, say why and keep the current one."""
        previous = Circuit()
        with previous.events.blocked():
            previous.replace_with(self.doc)
        try:
            self.doc.replace_with(doc)
        except Exception as exc:  # a view could not show it (a fault validation missed): nothing changes
            self.doc.replace_with(previous)
            self.show_error(self.tr("Cannot show {name}").format(name=name or self.tr("the circuit")),
                            self.tr("The circuit could not be evaluated: {e}").format(e=exc))
            return False
        self.undo_stack.clear()
        forget_old_document(self)  # no run, table, typed formula or message of the old document stays
        self.path, self.name = path, name or (path.name if path else None)
        about_banner.show_for(self)  # the example's or file's title and description above the canvas
        self.view.fit_all()
        self._update_title()
        return True

    def new(self) -> None:
        if self._may_discard():
            self._replace(Circuit(), None)

    def open(self, path) -> bool:
        """Load a file into this window; on failure say why and keep the current document."""
        if not self._may_discard():
            return False
        try:
            doc = io.load(path)
        except EngineError as exc:
            self.show_error(self.tr("Cannot open {name}").format(name=Path(path).name), str(exc))
            return False
        path = Path(path)
        example = path.resolve().parent == EXAMPLES  # examples open as copies: Save asks for a new file
        if not self._replace(doc, None if example else path, path.name):
            return False
        if not example:
            self.recent.add(path.resolve())
        return True

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.recent.paths():
            self._action(self.recent_menu, path, lambda _=False, p=path: self.open(p))
        self.recent_menu.setEnabled(True)

    def offer_recovery(self) -> list[MainWindow]:
        """After a crash: offer every orphaned recovery file, each restored into a window of its own (the
        first into this one if it is still untouched). Returns the windows that restored work. Autosave
        waits until every question is answered; nothing is deleted before the user says No."""
        found = orphans(self.settings)
        if not found:
            return []
        self.autosave.stop()
        restored: list[MainWindow] = []
        try:
            for orphan in found:
                if not self.ask_restore(orphan):
                    orphan.discard()
                    continue
                blank = not restored and self.path is None and self.undo_stack.count() == 0
                target = self if blank else MainWindow(settings=self.settings)
                if target.restore(orphan):
                    restored.append(target)
                    if target is not self:
                        target.show()
                elif target is not self:
                    target.close()
        finally:
            self.autosave.start()
        self.recovered_windows += [w for w in restored if w is not self]
        return restored

    def restore(self, orphan: Orphan) -> bool:
        """Show an orphan's work as unsaved changes to the file it came from, and keep its recovery file."""
        try:
            doc = io.load(orphan.path)
        except EngineError as exc:
            orphan.release()
            self.show_error(self.tr("Cannot restore"),
                            f"{exc}\n" + self.tr("The autosaved copy stays in {path}.").format(path=orphan.path))
            return False
        if not self._replace(doc, Path(orphan.origin) if orphan.origin else None, orphan.name):
            orphan.release()
            return False
        self.undo_stack.resetClean()  # recovered work is unsaved work
        self.autosave.adopt(orphan)
        self._update_title()
        self.status(self.tr("Restored the work autosaved at {when}").format(when=orphan.when()))
        return True

    def ask_restore(self, orphan: Orphan) -> bool:
        """Yes: restore this orphan; No: discard it for good (the question says so)."""
        where = orphan.origin or self.tr("never saved")
        text = self.tr("Backprop Playground closed without saving “{name}” ({where}); it was autosaved at {when}.")
        text = text.format(name=orphan.name or self.tr("untitled"), where=where, when=orphan.when())
        choices = self.tr("Yes: open it again, with the changes still unsaved.") + "\n" + self.tr(
            "No: discard the autosaved copy for good.")
        answer = QMessageBox.question(self, self.tr("Restore unsaved work?"), f"{text}\n\n{choices}",
                                      QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
        return answer == QMessageBox.Yes

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open circuit"), "", self.tr("Circuits (*.json)"))
        if path:
            self.open(path)

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        try:
            io.save(self.doc, self.path)
        except (EngineError, OSError) as exc:
            self.show_error(self.tr("Cannot save"), str(exc))
            return False
        self.undo_stack.setClean()
        self.recent.add(Path(self.path).resolve())
        self.autosave.discard()
        self._update_title()
        return True

    def save_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save circuit"), "circuit.json",
                                              self.tr("Circuits (*.json)"))
        if not path:
            return False
        self.path = Path(path)
        self.name = self.path.name
        return self.save()

    def export_image(self, kind: str, path=None) -> bool:
        """Save a picture of the whole circuit as PNG or SVG."""
        if path is None:
            name = {"png": "PNG (*.png)", "svg": "SVG (*.svg)"}[kind]
            path = QFileDialog.getSaveFileName(self, self.tr("Export image"), f"circuit.{kind}", name)[0]
        if not path:
            return False
        try:
            write = exports.export_png if kind == "png" else exports.export_svg
            write(self.scene, path, exports.background_of(self.theme))
        except OSError as exc:
            self.show_error(self.tr("Cannot export"), str(exc))
            return False
        self.status(self.tr("Saved {path}").format(path=path))
        return True

    def export_code(self, kind: str) -> None:
        try:
            text = export.FORMATS[kind](self.doc)
        except EngineError as exc:
            self.show_error(self.tr("Cannot export"), str(exc))
            return
        suffix = {"dot": "dot", "python": "py", "torch": "py"}[kind]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), f"circuit.{suffix}")
        if path:
            from engine.atomic_write import atomic_write

            try:
                atomic_write(path, text)
            except OSError as exc:
                self.show_error(self.tr("Cannot export"), str(exc))

    def switch_language(self, code: str) -> MainWindow:
        """Re-open this document in a window built in another language; returns the new window."""
        from .i18n import set_language

        self.settings.setValue("language", set_language(code))
        other = MainWindow(settings=self.settings)
        other._replace(io.from_dict(io.to_dict(self.doc)), self.path, self.name)
        if not self.undo_stack.isClean():
            other.undo_stack.resetClean()
        other.resize(self.size())
        other.show()
        self.undo_stack.clear()  # the work moved to the new window: closing this one must not prompt
        self.close()
        return other

    def _update_title(self) -> None:
        if not shiboken6.isValid(self.undo_stack):  # the stack clears itself while the window is destroyed
            return
        name = self.name or self.tr("untitled")
        mark = "" if self.undo_stack.isClean() else "*"
        self.setWindowTitle(f"{name}{mark} — Backprop Playground")

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        fit_toolbars(self)  # first: a second toolbar row takes height from the docks fit() sizes
        if not self._fitted:  # the first time: size the docks for this window (and screen)
            self._fitted = True
            self.dock_layout.fit(self.width(), self.height())
            QTimer.singleShot(0, self.view.fit_all)  # the canvas got its size from the docks: fit the circuit to it

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if hasattr(self, "dock_layout"):
            fit_toolbars(self)

    def closeEvent(self, event) -> None:
        if not self._may_discard():
            event.ignore()
            return
        self.settings.setValue("geometry", self.saveGeometry())
        self.autosave.close()
        from .playground import uninstall

        uninstall(self)  # no view, panel or evaluator of this window stays connected to the document
        self.evaluator.close()
        event.accept()
