"""The main window: navigation between the network's lists, on one open database."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from resilian_desktop import __version__
from resilian_desktop.db.engine import Database
from resilian_desktop.paths import APP_NAME
from resilian_desktop.qt.labels import code_labels
from resilian_desktop.qt.list_model import LazyListModel
from resilian_desktop.services.listings import SPECS

FILTER_DELAY_MS = 250
COLUMN_CHARS = {
    "name": 36,
    "title": 48,
    "kind": 22,
    "commune": 20,
    "postcode": 9,
    "siret": 16,
    "headcount": 9,
    "last_name": 18,
    "first_name": 16,
    "organisation": 30,
    "job_title": 28,
    "email": 30,
    "phone": 16,
    "date": 11,
    "venue": 30,
    "status": 10,
    "invited": 8,
    "present": 8,
    "lead": 30,
    "start_date": 11,
}


class ListPage(QWidget):
    """A filter field, a count and a table of one list."""

    record_activated = Signal(str, int)

    def __init__(self, db: Database, list_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list_name = list_name
        self.model = LazyListModel(db, SPECS[list_name], code_labels(), self)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName(f"{list_name}_filter_edit")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Filter (accents and case ignored)…"))
        self.count_label = QLabel(self)
        self.table = QTableView(self)
        self.table.setObjectName(f"{list_name}_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSortIndicator(*self.model.default_sort())
        self.table.setSortingEnabled(True)
        header.setStretchLastSection(True)
        # Widths from typical contents, in characters: measuring 150,000 rows
        # with resizeColumnsToContents would take seconds.
        char = self.fontMetrics().horizontalAdvance("n")
        for column, spec in enumerate(SPECS[list_name].columns):
            header.resizeSection(column, COLUMN_CHARS.get(spec.key, 14) * char + 16)
        rows = self.table.verticalHeader()
        # Fixed heights: measuring rows to their contents costs seconds on big lists.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        rows.hide()
        self.table.doubleClicked.connect(
            lambda index: self.record_activated.emit(list_name, self.model.record_id(index.row()))
        )

        # Debounce: one SQL query when typing pauses, not one per keystroke.
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(self._filter_timer.start)

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.model.modelReset.connect(self._show_count)
        self._show_count()

    def apply_filter(self) -> None:
        self.model.set_filter(self.filter_edit.text())

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("%n record(s)", "", self.model.total))


class MainWindow(QMainWindow):
    """Navigation on the left, the chosen list on the right, the database in the status bar."""

    PAGES = ("organisations", "contacts", "meetings", "taskforces")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setObjectName("main_window")
        self.setWindowTitle(f"{APP_NAME} — {db.path.name}")
        self.resize(1200, 760)

        titles = {
            "organisations": self.tr("Organisations"),
            "contacts": self.tr("Contacts"),
            "meetings": self.tr("Meetings"),
            "taskforces": self.tr("Taskforces"),
        }
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation_list")
        self.stack = QStackedWidget(self)
        self.pages: dict[str, ListPage] = {}
        for name in self.PAGES:
            self.navigation.addItem(titles[name])
            page = ListPage(db, name, self.stack)
            self.pages[name] = page
            self.stack.addWidget(page)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        self.navigation.setMinimumWidth(140)

        self.splitter = QSplitter(self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 1020])
        self.setCentralWidget(self.splitter)

        self.db_label = QLabel(str(db.path), self)
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.db_label)
        self._build_menus()
        self._restore_settings()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for row in range(len(self.PAGES)):
            action = QAction(self.navigation.item(row).text(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _=False, r=row: self.navigation.setCurrentRow(r))
            view_menu.addAction(action)
        find_action = QAction(self.tr("&Filter the list"), self)
        find_action.setShortcut(QKeySequence.StandardKey.Find)
        find_action.triggered.connect(self.focus_filter)
        view_menu.addAction(find_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About"), self)
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)

    def current_page(self) -> ListPage:
        return self.pages[self.PAGES[self.stack.currentIndex()]]

    def focus_filter(self) -> None:
        self.current_page().filter_edit.setFocus()
        self.current_page().filter_edit.selectAll()

    def about_text(self) -> str:
        return self.tr("{app} {version}\n\nDatabase: {path}").format(
            app=APP_NAME, version=__version__, path=self.db.path
        )

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About {app}").format(app=APP_NAME), self.about_text())

    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = settings.value("main_window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/splitter", self.splitter.saveState())
        super().closeEvent(event)
