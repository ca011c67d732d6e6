"""The palette: every node kind and registry op, grouped, searchable, draggable onto the canvas."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from . import mime
from .palette_model import palette_groups

ENTRY = Qt.UserRole + 1


class PaletteTreeWidget(QTreeWidget):
    """The tree of entries; dragging an entry carries it to the canvas."""

    def startDrag(self, actions):
        item = self.currentItem()
        entry = item.data(0, ENTRY) if item else None
        if entry is None:
            return
        drag = QDrag(self)
        drag.setMimeData(mime.encode(entry))
        drag.exec(Qt.CopyAction)


class PalettePanel(QWidget):
    """Search box + grouped tree; double-click adds the entry at the centre of the view."""

    def __init__(self, add_entry, parent=None):
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search nodes…"))
        self.search.setClearButtonEnabled(True)
        self.tree = PaletteTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(2)  # symbol | name, so the names line up
        self.tree.setDragEnabled(True)
        for _, title, entries in palette_groups():
            group = QTreeWidgetItem(self.tree, [title])
            group.setFlags(Qt.ItemIsEnabled)
            group.setFirstColumnSpanned(True)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for entry in entries:
                item = QTreeWidgetItem(group, [entry.symbol, entry.title])
                item.setData(0, ENTRY, entry)
                item.setTextAlignment(0, Qt.AlignCenter)
                for col in (0, 1):
                    item.setToolTip(col, entry.tooltip)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        self.search.textChanged.connect(self.filter)
        self.tree.itemDoubleClicked.connect(lambda item, _: add_entry(item.data(0, ENTRY)) if item.data(0, ENTRY)
                                            else None)

    def filter(self, text: str) -> None:
        """Show only entries whose title, symbol or tooltip contain the text."""
        needle = text.strip().lower()
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            visible = 0
            for i in range(group.childCount()):
                item = group.child(i)
                entry = item.data(0, ENTRY)
                hit = not needle or needle in f"{entry.title} {entry.symbol} {entry.key}".lower()
                item.setHidden(not hit)
                visible += hit
            group.setHidden(visible == 0)
