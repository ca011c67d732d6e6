"""QuickAddPopup: type to search the palette, Enter adds the chosen node where the popup was opened."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from ..palette_model import group_titles, palette_entries


def matches(entry, text: str) -> bool:
    """Case-insensitive search over title, symbol, op name, kind and group."""
    text = text.strip().lower()
    if not text:
        return True
    hay = " ".join(filter(None, (entry.title, entry.symbol, entry.op, entry.kind,
                                 group_titles().get(entry.category, entry.category)))).lower()
    return all(word in hay for word in text.split())


class QuickAddPopup(QFrame):
    """A popup with a search field over a list of palette entries."""

    entry_chosen = Signal(object)  # PaletteEntry

    def __init__(self, parent=None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.entries = palette_entries()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Add node: type to search…"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setUniformItemSizes(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self.resize(280, 340)
        self.search.textChanged.connect(self.filter)
        self.search.returnPressed.connect(self.choose_current)
        self.list.itemActivated.connect(lambda _item: self.choose_current())
        self.search.installEventFilter(self)
        self.filter("")

    def filter(self, text: str) -> None:
        self.list.clear()
        titles = group_titles()
        for entry in self.entries:
            if matches(entry, text):
                item = QListWidgetItem(f"{entry.title}    {entry.symbol}  ·  {titles.get(entry.category, '')}")
                item.setData(Qt.ItemDataRole.UserRole, entry)
                item.setToolTip(entry.tooltip)
                self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def visible_entries(self) -> list:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def choose_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            entry = item.data(Qt.ItemDataRole.UserRole)
            self.hide()
            self.entry_chosen.emit(entry)

    def eventFilter(self, obj, event) -> bool:
        # Up/Down in the search field move through the list
        if obj is self.search and event.type() == event.Type.KeyPress and event.key() in (Qt.Key.Key_Up,
                                                                                            Qt.Key.Key_Down):
            row = self.list.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)
            self.list.setCurrentRow(max(0, min(self.list.count() - 1, row)))
            return True
        return super().eventFilter(obj, event)

    def popup_at(self, global_pos) -> None:
        self.search.clear()
        self.filter("")
        self.move(global_pos)
        self.show()
        self.search.setFocus()
