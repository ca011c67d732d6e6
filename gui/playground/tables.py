"""Read-only result tables shared by the playground panels."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem


def make_table(headers: list[str], parent=None) -> QTableWidget:
    """A compact read-only table: no row numbers, the last column takes the spare width."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    return table


def fill(table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
    """Replace the table's rows with text rows and fit the columns to them."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()
