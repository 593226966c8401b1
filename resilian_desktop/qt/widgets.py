"""Small widgets and helpers shared by the forms (also used as Designer custom widgets)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCalendarWidget,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSizePolicy,
    QTableView,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from resilian_desktop.domain.errors import FieldProblem, ValidationError
from resilian_desktop.domain.formats import short_date
from resilian_desktop.domain.validation import parse_date
from resilian_desktop.qt.labels import label, problem_text
from resilian_desktop.qt.screen import fit_to_screen

DATE_FORMAT = "%d/%m/%Y"
ERROR_COLOUR = "#b00020"
LATE_COLOUR = QColor("#b00020")
MUTED_COLOUR = QColor("#6b6b6b")


def format_date(value: dt.date | None) -> str:
    """dd/mm/yyyy, as typed in the date fields (domain.formats.short_date)."""
    return short_date(value)


def format_time(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value else ""


class DateField(QWidget):
    """A date typed as dd/mm/yyyy or picked from a calendar; may stay empty.

    QDateEdit cannot be empty, and many dates here are optional. The text goes
    to the service as typed, so its validation message names the field.
    """

    textChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("date_text")
        self.edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.edit.setMaxLength(10)
        # Room for "00/00/0000" and the clear button, the same with or without a date.
        self.edit.setFixedWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 40)
        self.edit.setClearButtonEnabled(True)
        self.button = QToolButton(self)
        self.button.setObjectName("calendar_button")
        self.button.setText("▾")
        self.button.setToolTip(self.tr("Choose from a calendar"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self._show_calendar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.button)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self.textChanged)

    def text(self) -> str:
        return self.edit.text().strip()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def date(self) -> dt.date | None:
        """The date typed, or None when empty or not a date."""
        try:
            return parse_date(self.text())
        except ValidationError:
            return None

    def set_date(self, value: dt.date | None) -> None:
        self.edit.setText(format_date(value))

    def _show_calendar(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setGridVisible(True)
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        current = self.date() or dt.date.today()
        calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def chosen(day: QDate) -> None:
            self.set_date(dt.date(day.year(), day.month(), day.day()))
            menu.close()

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)
        menu.popup(self.mapToGlobal(self.rect().bottomLeft()))


def setup_form(ui: Any, widget: QWidget) -> None:
    """Build *widget* from a compiled Designer form.

    uic generates setupUi without annotations; calling it through Any keeps
    the calling code fully typed without silencing the check there.
    """
    ui.setupUi(widget)
    title = getattr(ui, "title_label", None)
    if isinstance(title, QLabel):
        # A long meeting title wraps instead of widening the window past the screen.
        title.setWordWrap(True)
        title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        top = widget.layout()
        row = find_layout(top, title) if top is not None else None
        if isinstance(row, QBoxLayout):
            row.setStretchFactor(title, 1)  # the room beside the summary, before wrapping
    if widget.isWindow():
        fit_to_screen(widget, widget.width(), widget.height())


def fill_codes(combo: QComboBox, codes: Iterable[str], *, empty: str | None = None) -> None:
    """Offer *codes* in *combo* under their translated words; the code is the item data."""
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    for code in codes:
        combo.addItem(label(code), code)


def select_data(combo: QComboBox, value: object) -> None:
    """Select the item whose data is *value* (the first item when none is)."""
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def fill_checklist(
    widget: QListWidget, items: Sequence[tuple[int, str]], checked: Iterable[str | int]
) -> None:
    """Checkable (id, name) items; those whose id or name is in *checked* are ticked."""
    ticked = set(checked)
    widget.clear()
    for item_id, name in items:
        item = QListWidgetItem(name, widget)
        item.setData(Qt.ItemDataRole.UserRole, item_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        is_ticked = item_id in ticked or name in ticked
        item.setCheckState(Qt.CheckState.Checked if is_ticked else Qt.CheckState.Unchecked)


def checked_ids(widget: QListWidget) -> tuple[int, ...]:
    return tuple(
        int(widget.item(i).data(Qt.ItemDataRole.UserRole))
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    )


def setup_table(table: QTableView, *, multi: bool = False) -> None:
    """A read-only table of whole rows with fixed row heights (no measuring)."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    rows = table.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 10)
    rows.hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setHighlightSections(False)


def size_columns(
    table: QTableView,
    chars: Sequence[int],
    *,
    stretch: int | None = None,
    elide: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
) -> None:
    """Column widths from typical contents in characters, without measuring rows.

    Each column is at least as wide as its title; column *stretch* (the main
    text, by default the widest) takes the room left, so a number column stays
    narrow and a title is not cut while space goes unused. Cut texts end
    with "…" (*elide*: in the middle where the end matters, as a meeting's
    number) and show whole in their tooltip; right-clicking the titles hides
    and shows columns.
    """
    header = table.horizontalHeader()
    model = table.model()
    char = table.fontMetrics().horizontalAdvance("n")
    title_metrics = header.fontMetrics()
    if stretch is None and chars:
        stretch = max(range(len(chars)), key=lambda c: chars[c])
    header.setStretchLastSection(False)
    for column, width in enumerate(chars):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "") if model else ""
        needed = max(width * char + 16, title_metrics.horizontalAdvance(title) + 28)
        header.resizeSection(column, needed)
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    table.setTextElideMode(elide)
    allow_hiding_columns(table)


def allow_hiding_columns(table: QTableView) -> None:
    """A menu on the column titles to hide and show columns (kept with the header's state)."""
    header = table.horizontalHeader()
    if header.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu:
        return
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show_menu(position: Any) -> None:
        model = table.model()
        menu = QMenu(header)
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        for column in range(header.count()):
            action = menu.addAction(str(model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            # The last visible column stays: a table without columns shows nothing.
            action.setEnabled(shown != [column])
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
        menu.exec(header.mapToGlobal(position))

    header.customContextMenuRequested.connect(show_menu)


def find_layout(layout: QLayout, widget: QWidget) -> QLayout | None:
    """The layout that directly holds *widget*, searched under *layout*."""
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        if item.widget() is widget:
            return layout
        child = item.layout()
        if child is not None:
            found = find_layout(child, widget)
            if found is not None:
                return found
    return None


class FieldErrors:
    """Problems shown next to the fields they are about.

    An error label is placed under each field (a hidden row of its form
    layout); problems about fields without a widget go to *general*.
    """

    def __init__(
        self, root: QWidget, fields: Mapping[str, QWidget], general: QLabel | None = None
    ) -> None:
        self.fields = dict(fields)
        self.general = general
        self.labels: dict[str, QLabel] = {}
        self._rows: dict[str, tuple[QFormLayout, QLabel]] = {}
        self._shown: dict[str, str] = {}
        for name, widget in self.fields.items():
            self.labels[name] = self._attach(root, name, widget)
        if general is not None:
            self._style(general)
            general.hide()

    @staticmethod
    def _style(error_label: QLabel) -> None:
        show_as_error(error_label)

    def _attach(self, root: QWidget, name: str, widget: QWidget) -> QLabel:
        error_label = QLabel(widget.parentWidget() or root)
        error_label.setObjectName(f"{name}_error")
        self._style(error_label)
        error_label.hide()
        parent = widget.parentWidget()
        parent_layout = parent.layout() if parent is not None else None
        holder = find_layout(parent_layout, widget) if parent_layout is not None else None
        if isinstance(holder, QFormLayout):
            # PySide returns (row, role) here; its stubs say "object".
            row, _role = cast(tuple[int, Any], holder.getWidgetPosition(widget))
            holder.insertRow(row + 1, QLabel(""), error_label)
            holder.setRowVisible(error_label, False)
            self._rows[name] = (holder, error_label)
        elif isinstance(holder, QBoxLayout):
            holder.insertWidget(holder.indexOf(widget) + 1, error_label)
        return error_label

    def _set_visible(self, name: str, visible: bool) -> None:
        row = self._rows.get(name)
        if row is not None:
            row[0].setRowVisible(row[1], visible)
        self.labels[name].setVisible(visible)

    def clear(self) -> None:
        self._shown.clear()
        for name in self.labels:
            self._set_visible(name, False)
            self.labels[name].clear()
            self.fields[name].setToolTip("")
        if self.general is not None:
            self.general.hide()
            self.general.clear()

    def clear_field(self, name: str) -> None:
        """Hide the problem shown for field *name* (the user changed what it was about)."""
        self._shown.pop(name, None)
        self._set_visible(name, False)
        self.labels[name].clear()
        self.fields[name].setToolTip("")

    def show(self, problems: Sequence[FieldProblem]) -> QWidget | None:
        """Show each problem next to its field; returns the first field concerned."""
        self.clear()
        first: QWidget | None = None
        general: list[str] = []
        messages: dict[str, list[str]] = {}
        for problem in problems:
            if problem.field in self.labels:
                messages.setdefault(problem.field, []).append(problem_text(problem))
                self.fields[problem.field].setToolTip(problem.message)
                first = first or self.fields[problem.field]
            else:
                general.append(problem_text(problem))
        for name, texts in messages.items():
            self._shown[name] = "\n".join(texts)
            self.labels[name].setText(self._shown[name])
            self._set_visible(name, True)
        if general and self.general is not None:
            self.general.setText("\n".join(general))
            self.general.show()
        return first

    def show_and_focus(self, problems: Sequence[FieldProblem]) -> None:
        """Show the problems and put the cursor in the first field concerned."""
        first = self.show(problems)
        if first is not None:
            first.setFocus()

    def message(self, name: str) -> str:
        """The text shown for field *name* ("" when it has no problem)."""
        return self._shown.get(name, "")


def show_as_error(error_label: QLabel) -> None:
    """The look of a problem: red, wrapped, selectable (to copy it into a message)."""
    error_label.setWordWrap(True)
    palette = error_label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(ERROR_COLOUR))
    error_label.setPalette(palette)
    error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


def muted(widget: QWidget) -> None:
    """Grey secondary text (hints, empty states)."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, MUTED_COLOUR)
    widget.setPalette(palette)
