"""The lessons in the window: the Lesson dock (gui.lessons.panel), the Lessons menu, the start list.

    install(window)        MainWindow calls it once (after the playground): dock, menu, reporter
    offer_at_start(window) gui.app calls it when the app starts: the lesson list, unless the learner
                           ticked "Don't show this at start again" (QSettings lessons/show_at_start)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QDockWidget, QLabel, QListWidget, QMenu, QVBoxLayout

from .course import SHOW_AT_START, Course, lesson_line
from .panel import LessonPanel, lesson_list
from .reporter import Reporter

__all__ = ["Course", "LessonPanel", "StartDialog", "install", "offer_at_start"]


class _Parts:
    """What install() adds, detached with the playground's panels when the window closes."""

    def __init__(self, course, reporter, panel):
        self.course, self.reporter, self.panel = course, reporter, panel

    def detach(self) -> None:
        self.reporter.detach()
        self.panel.detach()
        self.course.close()


def install(window) -> LessonPanel:
    course = Course(window)
    panel = LessonPanel(window.session, course)
    dock = window.add_dock(panel, QCoreApplication.translate("Lessons", "Lesson"), "dock_lesson", Qt.LeftDockWidgetArea)
    dock.visibilityChanged.connect(lambda visible: visible and panel.exposed())
    dock.hide()  # shown when a lesson starts or the list is asked for: tests and layouts start without it
    layout = getattr(window, "dock_layout", None)
    if layout is not None:  # View > Lock panels covers this dock too
        layout.set_locked(layout.lock_action.isChecked())
    window.lessons, window.lesson_dock = course, dock
    window.playground["lessons"] = _Parts(course, Reporter(window, course), panel)
    course.changed.connect(lambda: _on_course_changed(window))
    _menu(window, course)
    return panel


def _on_course_changed(window) -> None:
    r = window.lessons.runner
    if r is None:
        return
    _raise(window)
    dock_name = window.lessons.dock_of(r.step)
    if dock_name:
        from PySide6.QtWidgets import QDockWidget

        for d in window.findChildren(QDockWidget):
            if d.objectName() == dock_name and d.visibleRegion().isEmpty():
                d.raise_()


def show_list(window) -> None:
    window.lessons.stop()
    _raise(window)
    window.lesson_dock.widget().schedule()


def _raise(window) -> None:
    """Show the Lesson dock in front of the palette (tabbed with it, so the panels under the canvas keep
    their width and their tabs stay readable); the first time, the left column widens for the text."""
    dock = window.lesson_dock
    if not dock.isVisible():
        palette = next((d for d in window.findChildren(QDockWidget) if d.objectName() == "dock_palette"), None)
        if palette is not None and palette.isVisible() and not palette.isFloating():
            window.tabifyDockWidget(palette, dock)
        dock.show()

        def size():  # once the dock is laid out; the canvas got narrower: fit the circuit to it again
            window.resizeDocks([dock], [340], Qt.Horizontal)
            window.view.fit_all()

        size()
        QTimer.singleShot(0, size)
    dock.raise_()


def _menu(window, course: Course) -> None:
    bar = window.menuBar()
    menu = QMenu(QCoreApplication.translate("Lessons", "&Lessons"), window)
    bar.insertMenu(bar.actions()[-1], menu)  # before Help (the last menu)

    def fill():
        menu.clear()
        for i, lesson in enumerate(course.lessons):
            act = QAction(lesson_line(course, i, lesson), menu)
            act.setToolTip(pick_summary(lesson))
            act.triggered.connect(lambda _=False, lid=lesson.id: course.start(lid))
            menu.addAction(act)
        menu.addSeparator()
        menu.addAction(QCoreApplication.translate("Lessons", "Lesson list"), lambda: show_list(window))
        restart = menu.addAction(QCoreApplication.translate("Lessons", "Restart lesson"), course.restart)
        restart.setEnabled(course.runner is not None)
        at_start = menu.addAction(QCoreApplication.translate("Lessons", "Show the lesson list at start"))
        at_start.setCheckable(True)
        at_start.setChecked(_show_at_start(window.settings))
        at_start.toggled.connect(lambda on: window.settings.setValue(SHOW_AT_START, bool(on)))

    menu.aboutToShow.connect(fill)
    menu.setToolTipsVisible(True)
    window.lessons_menu = menu  # filled when it opens: the lesson files are read then


def pick_summary(lesson) -> str:
    from .course import pick

    return pick(lesson.summary)


def _show_at_start(settings) -> bool:
    return str(settings.value(SHOW_AT_START, True)).lower() not in ("false", "0")


class StartDialog(QDialog):
    """The first thing a new learner sees: the lessons, with "Don't show this at start again"."""

    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(QCoreApplication.translate("Lessons", "Learn backpropagation"))
        col = QVBoxLayout(self)
        intro = QLabel(QCoreApplication.translate(
            "Lessons", "Welcome! Start with lesson 1, or pick any lesson: each loads its circuit, asks you "
                       "to predict and to act, and checks your answers. Your progress is kept."))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        lesson_list(window.lessons, self.list)
        self.list.setSpacing(2)
        for i in range(self.list.count()):  # the list a newcomer chooses from says what each lesson is
            item = self.list.item(i)
            item.setText(f"{item.text()}\n      {item.toolTip()}")
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _: self.accept())
        self.dont_show = QCheckBox(QCoreApplication.translate("Lessons", "Don't show this at start again"))
        self.dont_show.setChecked(not _show_at_start(window.settings))
        buttons = QDialogButtonBox()
        buttons.addButton(QCoreApplication.translate("Lessons", "Start lesson"), QDialogButtonBox.AcceptRole)
        buttons.addButton(QCoreApplication.translate("Lessons", "Just the playground"), QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for w in (intro, self.list, self.dont_show, buttons):
            col.addWidget(w)
        self.resize(640, 600)
        self.finished.connect(self._done)

    def _done(self, result: int) -> None:
        self.window_.settings.setValue(SHOW_AT_START, not self.dont_show.isChecked())
        item = self.list.currentItem()
        if result == QDialog.Accepted and item is not None:
            self.window_.lessons.start(item.data(Qt.UserRole))


def offer_at_start(window) -> StartDialog | None:
    """Open the lesson list over the window (not modal to the app) unless the learner said not to."""
    if not hasattr(window, "lessons") or not _show_at_start(window.settings) or not window.lessons.lessons:
        return None
    dialog = StartDialog(window)
    dialog.open()
    return dialog
