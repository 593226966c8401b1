"""The main window: navigation between the dashboard and the network's lists, the
menus, the global search (Ctrl+K), the undo stack, and the record windows."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QByteArray, QLockFile, QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QToolBar,
    QWidget,
)

from resilian_desktop import __version__, paths
from resilian_desktop.db.backup import copy_database
from resilian_desktop.db.engine import Database
from resilian_desktop.domain.kinds import RecordKind
from resilian_desktop.qt.context import (
    CONTACT,
    MEETING,
    ORGANISATION,
    TASKFORCE,
    AppContext,
)
from resilian_desktop.qt.labels import language
from resilian_desktop.qt.list_page import ListPage
from resilian_desktop.qt.pickers import SearchCompleter
from resilian_desktop.qt.rights import DisabledLock, lock_action, refusal_text
from resilian_desktop.qt.screen import fit_to_screen
from resilian_desktop.services import listings
from resilian_desktop.services.search import SearchHit

if TYPE_CHECKING:
    # The record windows and undo commands are imported on first use:
    # start-up only needs the lists.
    from resilian_desktop.qt.dashboard import DashboardPage
    from resilian_desktop.qt.record_form import RecordForm

log = logging.getLogger(__name__)
APP_NAME = paths.APP_NAME
RECENT_KEPT = 8
LANGUAGES = (("fr", "Français"), ("en", "English"))
# A meeting's label in the search index: "Title (14/01/2027)".
_DATED_LABEL = re.compile(r"^(?P<title>.*) \((?P<date>\d\d/\d\d/\d{4})\)$")


class WindowHost(Protocol):
    """What a main window asks of the application that opened it (app.py).

    Passed in rather than imported: app.py builds the windows, so a window
    importing it back would make the two modules depend on each other.
    """

    def open_window(self, path: paths.DatabaseLocation) -> MainWindow | None:
        """Lock, open and show the database at *path* in a new window; None if refused."""

    def apply_language(self, code: str) -> None:
        """Install the translators of the language *code*."""

    def keep_window(self, window: MainWindow) -> None:
        """Keep *window* alive until it is destroyed."""

    def ensure_demo_database(self, path: Path) -> None:
        """Create the demo database at *path* when it does not exist yet."""


class MainWindow(QMainWindow):
    """Navigation on the left, the chosen page on the right, the database in the status bar."""

    PAGES = ("dashboard", "organisations", "contacts", "meetings", "taskforces")
    LISTS = ("organisations", "contacts", "meetings", "taskforces")

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        lock: QLockFile | None = None,
        host: WindowHost | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        # The application that opened the window (app.py) opens other windows
        # for it; a window without a host (tests, self-test) cannot.
        self.host = host
        # A window opened by app.open_window owns its database and lock and
        # releases them when it closes; tests pass their own database.
        self.lock = lock
        self.owns_database = lock is not None
        self.setObjectName("main_window")
        self.setWindowTitle(
            f"{APP_NAME} — {db.path.name if db.server is None else db.server.shown}"
        )
        fit_to_screen(self, 1280, 800)
        self.ctx = AppContext(db, self)
        self.ctx.opener = self.open_record
        self.ctx.creator = self.new_record
        self.ctx.set_dialog_parent(self)
        self.forms: list[RecordForm] = []

        self.titles = {
            "dashboard": self.tr("Dashboard"),
            "organisations": self.tr("Organisations"),
            "contacts": self.tr("Contacts"),
            "meetings": self.tr("Meetings"),
            "taskforces": self.tr("Taskforces"),
        }
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation_list")
        self.stack = QStackedWidget(self)
        # Pages are built when first shown: each list queries the database and
        # the dashboard loads QtCharts, which start-up does not need.
        self.pages: dict[str, QWidget] = {}
        self.dashboard: DashboardPage | None = None
        self._placeholders: dict[str, QWidget] = {}
        for name in self.PAGES:
            self.navigation.addItem(self.titles[name])
            placeholder = QWidget(self.stack)
            self._placeholders[name] = placeholder
            self.stack.addWidget(placeholder)
        self.navigation.currentRowChanged.connect(self.show_page)
        self.navigation.setMinimumWidth(150)
        self.navigation.setSpacing(2)
        font = self.navigation.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.navigation.setFont(font)

        self.splitter = QSplitter(self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([160, 1120])
        self.setCentralWidget(self.splitter)

        self.db_label = QLabel(str(db.location), self)
        self.db_label.setObjectName("database_label")
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.db_label)

        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        self.import_action: QAction | None = self._build_import_action()
        self._show_rights()
        self.ctx.undo_stack.indexChanged.connect(self._undo_changed)
        self._restore_settings()
        self.welcome: QWidget | None = None
        # On first use, like the pages: the window paints before the data layer loads.
        from resilian_desktop.services.first_run import is_new

        if is_new(db):
            self.show_welcome()

    # --- pages --------------------------------------------------------------

    def page(self, name: str) -> QWidget:
        """The page *name*, built on first use."""
        existing = self.pages.get(name)
        if existing is not None:
            return existing
        page: QWidget
        if name == "dashboard":
            # On first use: QtCharts is not needed to start.
            from resilian_desktop.qt.dashboard import DashboardPage

            dashboard = DashboardPage(self.ctx, self.stack)
            dashboard.setObjectName("dashboard_page")
            self.dashboard = page = dashboard
        else:
            list_page = ListPage(self.ctx, name, self.stack)
            list_page.record_activated.connect(self.open_record)
            list_page.new_requested.connect(lambda kind: self.new_record(kind))
            list_page.table.selectionModel().selectionChanged.connect(self._selection_changed)
            rights = self.ctx.rights
            refusal = (
                rights.network_refusal()
                if list_page.spec.opens in (ORGANISATION, CONTACT)
                else rights.programme_refusal()
            )
            if refusal is not None:
                DisabledLock(list_page).lock([list_page.new_button], refusal_text(refusal, rights))
            page = list_page
        placeholder = self._placeholders.pop(name)
        self.stack.insertWidget(self.stack.indexOf(placeholder), page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.pages[name] = page
        if self.dashboard is page:
            self.dashboard.refresh()
        return page

    def _show_rights(self) -> None:
        """On a team's server: who is connected, as what, in the status bar; what a
        reader may not do disabled, with the reason (an officer's depends on the record)."""
        rights = self.ctx.rights
        if rights.user is None:
            return
        roles = {
            "admin": self.tr("administrator"),
            "officer": self.tr("officer"),
            "reader": self.tr("reader"),
            "owner": self.tr("owner of the database"),
        }
        self.rights_label = QLabel(
            self.tr("{user}: {role}").format(user=rights.user, role=roles.get(rights.role, ""))
        )
        self.rights_label.setObjectName("rights_status_label")
        self.statusBar().addPermanentWidget(self.rights_label)
        refusal = rights.network_refusal()
        if refusal is not None:
            reason = refusal_text(refusal, rights)
            self.rights_label.setToolTip(reason)
            for action in (
                self.new_action,
                self.archive_action,
                self.delete_action,
                self.merge_action,
                self.import_action,
            ):
                if action is not None:
                    lock_action(action, reason)

    def list_page(self, name: str) -> ListPage:
        page = self.page(name)
        assert isinstance(page, ListPage)
        return page

    def show_welcome(self) -> QWidget:
        """The first steps of a new database, in place of the pages until one is chosen."""
        if self.welcome is None:
            # On first use: a new database only.
            from resilian_desktop.qt.welcome import WelcomePage

            steps = {
                "import": lambda: self.import_action.trigger() if self.import_action else None,
                "demo": self.open_demo,
                "guide": self.show_guide,
                "dashboard": lambda: self.show_page(0),
            }
            self.welcome = WelcomePage(self.ctx, steps, self.stack)
            self.stack.addWidget(self.welcome)
        self.stack.setCurrentWidget(self.welcome)
        self.navigation.blockSignals(True)
        self.navigation.setCurrentRow(-1)
        self.navigation.blockSignals(False)
        # Focus on the first step: a list getting the focus with no current
        # row makes its first one current, which would leave this page.
        self.welcome.programme_button.setFocus()  # type: ignore[attr-defined]
        return self.welcome

    def show_page(self, row: int) -> None:
        if not 0 <= row < len(self.PAGES):
            return
        name = self.PAGES[row]
        page = self.page(name)
        self.stack.setCurrentWidget(page)
        if self.navigation.currentRow() != row:
            self.navigation.setCurrentRow(row)
        self._selection_changed()

    def go_to(self, name: str) -> QWidget:
        self.show_page(self.PAGES.index(name))
        return self.pages[name]

    def current_name(self) -> str:
        row = self.navigation.currentRow()
        return self.PAGES[row] if 0 <= row < len(self.PAGES) else "dashboard"

    def current_page(self) -> QWidget:
        return self.page(self.current_name())

    def current_list(self) -> ListPage | None:
        page = self.pages.get(self.current_name())
        return page if isinstance(page, ListPage) else None

    # --- actions, toolbar, menus --------------------------------------------

    def _action(
        self, text: str, slot: Any, shortcut: Any = None, name: str = "", icon: Any = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        key = QKeySequence.StandardKey
        self.new_database_action = self._action(
            self.tr("&New database…"), self.new_database, name="new_database_action"
        )
        self.open_database_action = self._action(
            self.tr("&Open database…"),
            self.choose_database,
            key.Open,
            "open_database_action",
            sp.SP_DialogOpenButton,
        )
        self.open_server_action = self._action(
            self.tr("Open a server &database…"),
            self.choose_server_database,
            name="open_server_action",
        )
        self.save_copy_action = self._action(
            self.tr("Save a &copy…"), self.save_copy, key.SaveAs, "save_copy_action"
        )
        if self.db.server is not None:
            # The file copies of a laptop's database; a server's are pg_dump's.
            self.save_copy_action.setEnabled(False)
            self.save_copy_action.setStatusTip(
                self.tr(
                    "A server database is copied with the copy-to command and backed up "
                    "by pg_dump (backup -o), not from the window"
                )
            )
        self.quit_action = self._action(self.tr("&Quit"), self.close, key.Quit, "quit_action")
        self.undo_action = self.ctx.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence(key.Undo))
        self.undo_action.setIcon(self.style().standardIcon(sp.SP_ArrowBack))
        self.redo_action = self.ctx.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence(key.Redo))
        self.redo_action.setIcon(self.style().standardIcon(sp.SP_ArrowForward))
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.new_action = self._action(
            self.tr("&New record"), self.new_of_current, key.New, "new_action", sp.SP_FileIcon
        )
        self.open_action = self._action(
            self.tr("&Open the selected record"), self.open_selected, None, "open_action"
        )
        self.archive_action = self._action(
            self.tr("&Archive the selected record"),
            self.archive_selected,
            key.Delete,
            "archive_action",
            sp.SP_TrashIcon,
        )
        self.delete_action = self._action(
            self.tr("&Delete the selected record…"),
            self.delete_selected,
            QKeySequence("Shift+Del"),
            "delete_action",
        )
        self.merge_action = self._action(
            self.tr("&Merge with a duplicate…"), self.merge_selected, None, "merge_action"
        )
        self.find_action = self._action(
            self.tr("&Filter the list"), self.focus_filter, key.Find, "find_action"
        )
        self.search_action = self._action(
            self.tr("&Search everything"), self.focus_search, "Ctrl+K", "search_action"
        )
        self.refresh_action = self._action(
            self.tr("&Refresh"), self.refresh, key.Refresh, "refresh_action"
        )
        self.about_action = self._action(self.tr("&About"), self.show_about, None, "about_action")
        self.log_action = self._action(
            self.tr("Open the &log folder"), self.open_log_folder, None, "log_action"
        )
        # The View menu's entries carry access keys; the navigation list does not.
        menu_titles = {
            "dashboard": self.tr("&Dashboard"),
            "organisations": self.tr("&Organisations"),
            "contacts": self.tr("&Contacts"),
            "meetings": self.tr("&Meetings"),
            "taskforces": self.tr("&Taskforces"),
        }
        self.page_actions = [
            self._action(
                menu_titles[name],
                lambda r=row: self.show_page(r),
                f"Ctrl+{row + 1}",
                f"page_{name}_action",
            )
            for row, name in enumerate(self.PAGES)
        ]

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # Short words beside the icons; the menus keep the full sentences.
        self.new_action.setIconText(self.tr("New"))
        self.archive_action.setIconText(self.tr("Archive"))
        self.undo_action.setIconText(self.tr("Undo"))
        self.redo_action.setIconText(self.tr("Redo"))
        toolbar.addAction(self.new_action)
        toolbar.addAction(self.archive_action)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.search_edit = QLineEdit(toolbar)
        self.search_edit.setObjectName("global_search_edit")
        self.search_edit.setPlaceholderText(
            self.tr("Search organisations, contacts, meetings, taskforces (Ctrl+K)")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(420)
        toolbar.addWidget(self.search_edit)
        self.search = SearchCompleter(
            self.search_edit, lambda text: listings.find(self.db, text), self._describe_hit
        )
        self.search.chosen.connect(
            lambda kind, record_id, _label: self._search_chosen(kind, record_id)
        )
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _describe_hit(self, hit: SearchHit) -> str:
        kinds: dict[str, str] = {
            ORGANISATION: self.tr("Organisation"),
            CONTACT: self.tr("Contact"),
            MEETING: self.tr("Meeting"),
            TASKFORCE: self.tr("Taskforce"),
        }
        label = hit.label
        dated = _DATED_LABEL.match(label) if hit.type == MEETING else None
        if dated:  # the date first: a long title would hide it at the end
            label = f"{dated['date']} — {dated['title']}"
        text = f"{kinds.get(hit.type, hit.type)} — {label}"
        return f"{text}  ·  {hit.context}" if hit.context else text

    def _search_chosen(self, kind: str, record_id: int) -> None:
        self.search_edit.clear()
        self.open_record(kind, record_id)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_database_action)
        file_menu.addAction(self.open_database_action)
        file_menu.addAction(self.open_server_action)
        self.recent_menu = file_menu.addMenu(self.tr("&Recent databases"))
        self.recent_menu.setObjectName("recent_menu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(self.save_copy_action)
        backups_action = file_menu.addAction(self.tr("&Backups…"))
        backups_action.setObjectName("backups_action")
        backups_action.triggered.connect(self.show_backups)
        if self.db.server is not None:
            backups_action.setEnabled(False)
            backups_action.setStatusTip(self.save_copy_action.statusTip())
        review_action = file_menu.addAction(self.tr("Contacts to re&view (personal data)…"))
        review_action.setObjectName("review_action")
        review_action.triggered.connect(self.show_inactive_contacts)
        self.file_menu = file_menu
        file_menu.addSeparator()
        self._file_end = file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.new_action)
        edit_menu.addAction(self.open_action)
        edit_menu.addAction(self.archive_action)
        edit_menu.addAction(self.delete_action)
        edit_menu.addAction(self.merge_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.search_action)

        network_menu = bar.addMenu(self.tr("&Network"))
        network_menu.setObjectName("network_menu")
        self.programmes_action = network_menu.addAction(self.tr("&Programmes and funders…"))
        self.programmes_action.setObjectName("programmes_action")
        self.programmes_action.setStatusTip(
            self.tr("The collective approaches, their funders, logos and funding mentions")
        )
        self.programmes_action.triggered.connect(self.show_programmes)
        self.topics_action = network_menu.addAction(self.tr("&Topics…"))
        self.topics_action.setObjectName("topics_action")
        self.topics_action.setStatusTip(self.tr("The topics of exchange, in their order"))
        self.topics_action.triggered.connect(self.show_topics)

        view_menu = bar.addMenu(self.tr("&View"))
        for action in self.page_actions:
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.refresh_action)
        language_menu = view_menu.addMenu(self.tr("&Language"))
        language_menu.setObjectName("language_menu")
        group = QActionGroup(self)
        current = current_language()
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES:
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setObjectName(f"language_{code}_action")
            action.triggered.connect(lambda _c=False, c=code: self.set_language(c))
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action

        help_menu = bar.addMenu(self.tr("&Help"))
        self.guide_action = help_menu.addAction(self.tr("&Guide"))
        self.guide_action.setObjectName("guide_action")
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.triggered.connect(self.show_guide)
        self.addAction(self.guide_action)
        help_menu.addAction(self.about_action)
        help_menu.addAction(self.log_action)

    def add_file_action(self, action: QAction) -> None:
        """Put a document action (import, export) in the File menu, before Quit."""
        self.file_menu.insertAction(self._file_end, action)

    def _build_import_action(self) -> QAction:
        action = QAction(self.tr("&Import from a spreadsheet…"), self)
        action.setObjectName("import_action")
        action.setShortcut(QKeySequence("Ctrl+I"))
        action.triggered.connect(lambda _checked=False: self.import_file())
        self.addAction(action)
        self.add_file_action(action)
        return action

    def import_file(self) -> object:
        """File > Import…: organisations, contacts, meetings or actions from a spreadsheet."""
        # On first use: the import dialog loads the spreadsheet readers.
        from resilian_desktop.qt.import_dialog import run_import_dialog

        result = run_import_dialog(self.db, self)
        if result is not None:
            self.ctx.notify(ORGANISATION, CONTACT, MEETING, TASKFORCE)
        return result

    def _undo_changed(self, _index: int) -> None:
        self._selection_changed()

    def _selection_changed(self, *_args: object) -> None:
        page = self.current_list()
        row = page.selected_row() if page is not None else -1
        self.open_action.setEnabled(row >= 0)
        self.archive_action.setEnabled(row >= 0)
        self.delete_action.setEnabled(row >= 0)
        self.merge_action.setEnabled(
            row >= 0 and page is not None and page.spec.opens in (ORGANISATION, CONTACT)
        )
        if page is not None and row >= 0 and page.model.is_archived(row):
            self.archive_action.setText(self.tr("Res&tore the selected record"))
        else:
            self.archive_action.setText(self.tr("&Archive the selected record"))
        self.find_action.setEnabled(page is not None)

    # --- what the actions do ------------------------------------------------

    def focus_filter(self) -> None:
        page = self.current_list()
        if page is not None:
            page.filter_edit.setFocus()
            page.filter_edit.selectAll()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def refresh(self) -> None:
        for page in self.pages.values():
            if isinstance(page, ListPage):
                page.reload(keep_selection=True)
        if self.dashboard is not None:
            self.dashboard.refresh()

    def new_of_current(self) -> RecordForm | None:
        page = self.current_list()
        kind = page.spec.opens if page is not None else MEETING
        return self.new_record(kind)

    def open_selected(self) -> None:
        page = self.current_list()
        if page is not None and page.selected_row() >= 0:
            page.activate_row(page.selected_row())

    def delete_selected(self) -> bool:
        """Delete the selected record if it has no history, after a confirmation
        that says what goes with it; otherwise say why and offer nothing."""
        # On first use: not needed to start (start-up time).
        from resilian_desktop.qt.undo import ENTITY_OF_KIND, DeleteCommand
        from resilian_desktop.services.archive import preview_deletion

        page = self.current_list()
        if page is None or page.selected_row() < 0:
            return False
        record_id = page.model.record_id(page.selected_row())
        kind = page.spec.opens
        preview = preview_deletion(self.db, ENTITY_OF_KIND[kind], record_id)
        if not preview.can_delete:
            history = ", ".join(f"{name}: {n}" for name, n in preview.history.items())
            QMessageBox.information(
                self,
                self.tr("Delete"),
                self.tr(
                    "“{label}” has history ({history}) and cannot be deleted: "
                    "archive it instead, it stays in past meetings and reports."
                ).format(label=preview.label, history=history),
            )
            return False
        goes_with = ", ".join(f"{n} {name}" for name, n in preview.goes_with.items())
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            self.tr(
                "Delete “{label}”{with_}? Ctrl+Z puts it back while the window is open."
            ).format(
                label=preview.label,
                with_=self.tr(" with {rows}").format(rows=goes_with) if goes_with else "",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self.ctx.execute(DeleteCommand(self.ctx, kind, record_id, preview.label))

    def merge_selected(self) -> bool:
        """Merge a duplicate into the selected organisation or contact (one undo step)."""
        # On first use, like the undo commands: the merge dialog and its
        # services are not needed to start (start-up time).
        from resilian_desktop.qt.merge_dialog import MergeDialog
        from resilian_desktop.qt.undo import ENTITY_OF_KIND

        page = self.current_list()
        if (
            page is None
            or page.selected_row() < 0
            or page.spec.opens not in (ORGANISATION, CONTACT)
        ):
            return False
        row = page.selected_row()
        kind = ENTITY_OF_KIND[page.spec.opens]
        label = str(page.model.index(row, 0).data())
        if kind is RecordKind.CONTACT:
            label = f"{page.model.index(row, 1).data()} {label}"
        dialog = MergeDialog(self.ctx, kind, page.model.record_id(row), label, self)
        if dialog.exec() != MergeDialog.DialogCode.Accepted:
            return False
        command = dialog.command()
        return command is not None and self.ctx.execute(command)

    def archive_selected(self) -> None:
        """Archive the selected record after a confirmation, or restore an archived one."""
        # On first use: not needed to start (start-up time).
        from resilian_desktop.qt.undo import ArchiveCommand

        page = self.current_list()
        if page is None:
            return
        row = page.selected_row()
        if row < 0:
            return
        record_id = page.model.record_id(row)
        label = page.model.index(row, 0).data()
        if page.list_name == "contacts":
            label = f"{page.model.index(row, 1).data()} {label}"
        elif page.list_name == "meetings":
            label = page.model.index(row, 2).data()
        archived = page.model.is_archived(row)
        # The Delete key is easily pressed by mistake: archiving is confirmed
        # (bringing a record back is not).
        if not archived:
            answer = QMessageBox.question(
                self,
                self.tr("Archive"),
                self.tr(
                    "Archive “{label}”? It leaves the everyday lists and stays in past "
                    "meetings and reports; Ctrl+Z or “Show archived” brings it back."
                ).format(label=label),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.Yes,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.ctx.execute(
            ArchiveCommand(self.ctx, page.spec.opens, record_id, str(label), archived=not archived)
        )

    # --- record windows -----------------------------------------------------

    def _form_class(self, kind: str) -> type[RecordForm]:
        # Imported on first use: start-up only needs the lists.
        # Each record window's module loads when the first such window opens:
        # the main window paints without them (start-up time).
        if kind == ORGANISATION:
            from resilian_desktop.qt.organisation_form import OrganisationForm

            return OrganisationForm
        if kind == CONTACT:
            from resilian_desktop.qt.contact_form import ContactForm

            return ContactForm
        if kind == MEETING:
            from resilian_desktop.qt.meeting_form import MeetingForm

            return MeetingForm
        from resilian_desktop.qt.taskforce_form import TaskforceForm

        return TaskforceForm

    def _track(self, form: RecordForm) -> RecordForm:
        self.forms.append(form)
        form.closed.connect(lambda f=form: self._forget(f))
        form.destroyed.connect(lambda _obj=None, f=form: self._forget(f))
        form.show()
        form.raise_()
        form.activateWindow()
        return form

    def _forget(self, form: RecordForm) -> None:
        if form in self.forms:
            self.forms.remove(form)

    def open_record(self, kind: str, record_id: int) -> RecordForm:
        """Open the window of a record, or bring it to the front if it is open."""
        for form in self.forms:
            if kind == form.KIND and form.record_id == record_id:
                form.showNormal()
                form.raise_()
                form.activateWindow()
                return form
        form = self._form_class(kind)(self.ctx, record_id, self)
        return self._track(form)

    def new_record(self, record_kind: str, **prefill: Any) -> RecordForm:
        """Open the window of a new record of *record_kind*, with *prefill* in its fields."""
        form = self._form_class(record_kind)(self.ctx, None, self, prefill=prefill)
        return self._track(form)

    def close_forms(self) -> bool:
        """Close every record window; False when one has unsaved changes the user kept."""
        for form in list(self.forms):
            if not form.close():
                form.raise_()
                return False
        return True

    # --- databases ----------------------------------------------------------

    def _folder(self, key: str) -> str:
        return str(QSettings().value(f"folders/{key}", str(self.db.path.parent)))

    def _remember_folder(self, key: str, path: Path) -> None:
        QSettings().setValue(f"folders/{key}", str(path.parent))

    def new_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New database"),
            str(Path(self._folder("database")) / "reseau.sqlite"),
            self.tr("RESILIAN databases (*.sqlite)"),
        )
        if name:
            path = Path(name)
            if path.suffix != ".sqlite":
                path = path.with_suffix(".sqlite")
            self.open_database_file(path)

    def choose_database(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a database"),
            self._folder("database"),
            self.tr("RESILIAN databases (*.sqlite);;All files (*)"),
        )
        if name:
            self.open_database_file(Path(name))

    def choose_server_database(self) -> QMainWindow | None:
        """Ask for a PostgreSQL URL and open that database in place of this one.

        The last URL is offered again, without its password (which the URL
        need not hold: libpq's PGPASSWORD or ~/.pgpass, else a prompt)."""
        settings = QSettings()
        url, given = QInputDialog.getText(
            self,
            self.tr("Open a server database"),
            self.tr(
                "PostgreSQL database (postgresql://user@server:5432/database); "
                "the password is asked for if the server needs one:"
            ),
            text=str(settings.value("server/last_url", "postgresql://")),
        )
        if not given or not url.strip():
            return None
        try:
            location = paths.database_location(url.strip())
        except paths.UnsupportedDatabaseError as error:
            QMessageBox.warning(self, APP_NAME, str(error))
            return None
        if isinstance(location, paths.ServerDatabase):
            settings.setValue("server/last_url", location.shown)
        return self.open_database_file(location)

    def open_database_file(self, path: paths.DatabaseLocation) -> QMainWindow | None:
        """Open *path* in a new window in place of this one; None when it was refused."""
        if path == (self.db.server or self.db.path) or (
            isinstance(path, Path)
            and self.db.server is None
            and path.resolve() == self.db.path.resolve()
        ):
            return self
        if self.host is None or not self.close_forms():
            return None
        window = self.host.open_window(path)
        if window is None:
            return None
        if isinstance(path, Path):
            self._remember_folder("database", path)
        self.close()
        return window

    def save_copy(self) -> Path | None:
        stem = self.db.path.stem
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save a copy of the database"),
            str(Path(self._folder("copies")) / f"{stem}-copie.sqlite"),
            self.tr("RESILIAN databases (*.sqlite)"),
        )
        if not name:
            return None
        target = Path(name)
        if target.resolve() == self.db.path.resolve():
            QMessageBox.warning(
                self, APP_NAME, self.tr("Choose another file than the open database.")
            )
            return None
        try:
            copy_database(self.db.path, target)
        except OSError as error:
            log.error("copy of %s to %s failed: %s", self.db.path, target, error)
            QMessageBox.critical(
                self, APP_NAME, self.tr("The copy failed: {error}").format(error=error)
            )
            return None
        self._remember_folder("copies", target)
        self.statusBar().showMessage(self.tr("Copy saved: {path}").format(path=target), 8000)
        return target

    def show_backups(self) -> None:
        # On first use: dialogs are not needed to start.
        from resilian_desktop.qt.safety import BackupsDialog

        BackupsDialog(self).exec()

    def show_programmes(self) -> None:
        # On first use: dialogs are not needed to start.
        from resilian_desktop.qt.network import ProgrammesDialog

        ProgrammesDialog(self.ctx, self).exec()

    def show_topics(self) -> None:
        # On first use: dialogs are not needed to start.
        from resilian_desktop.qt.network import TopicsDialog

        TopicsDialog(self.ctx, self).exec()

    def show_inactive_contacts(self) -> None:
        # On first use: dialogs are not needed to start.
        from resilian_desktop.qt.safety import InactiveContactsDialog

        InactiveContactsDialog(self).exec()

    def restore_backup(self, backup: Path) -> bool:
        """Replace the open database by *backup* and reopen the window on it.

        The database is closed first (a restore writes every page); the
        current one is saved in the backups folder before it is replaced. A
        refused file leaves it as it was, and the window reopens on it.
        """
        # On first use: restoring is rare (start-up time).
        from resilian_desktop.services.backups import RestoreRefused, restore

        if self.host is None or not self.close_forms():
            return False
        path = self.db.path
        self.save_settings()
        self.db.dispose()
        if self.lock is not None:
            self.lock.unlock()
        self.owns_database = False
        restored = True
        try:
            restore(path, backup, paths.backup_dir())
        except (RestoreRefused, OSError) as error:
            restored = False
            QMessageBox.critical(self, APP_NAME, str(error))
        window = self.host.open_window(path)
        self.close()
        if window is not None and restored:
            window.statusBar().showMessage(
                self.tr("Restored from {path}").format(path=backup), 10000
            )
        return restored and window is not None

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = [p for p in recent_databases() if Path(p) != self.db.path]
        if not recent:
            empty = self.recent_menu.addAction(self.tr("No other database opened yet"))
            empty.setEnabled(False)
            return
        for path in recent:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_database_file(Path(p)))

    # --- language -----------------------------------------------------------

    def set_language(self, code: str) -> QMainWindow | None:
        """Switch the interface language: the window is rebuilt in the new language."""
        if code == current_language():
            return self
        if self.host is None or not self.close_forms():
            self.language_actions[current_language()].setChecked(True)
            return None
        QSettings().setValue("language", code)
        self.host.apply_language(code)
        window = MainWindow(self.db, lock=self.lock, host=self.host)
        # The new window takes over the database and its lock.
        window.owns_database = self.owns_database
        self.owns_database = False
        self.lock = None
        window.show()
        self.close()
        self.host.keep_window(window)
        return window

    # --- help ---------------------------------------------------------------

    def about_text(self) -> str:
        return self.tr(
            "{app} {version}\n\nThe network's organisations, contacts, meetings with attendance, "
            "and taskforces with their roadmaps.\n\nDatabase: {path}\nLog files: {logs}"
        ).format(app=APP_NAME, version=__version__, path=self.db.location, logs=paths.log_dir())

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About {app}").format(app=APP_NAME), self.about_text())

    def show_guide(self) -> None:
        # On first use: dialogs are not needed to start.
        from resilian_desktop.qt.help import GuideDialog

        GuideDialog(self).exec()

    def open_demo(self) -> QMainWindow | None:
        """The demo network (created on first use) in a window of its own database."""
        if self.host is None:
            return None
        path = paths.demo_database_path()
        self.host.ensure_demo_database(path)
        return self.open_database_file(path)

    def open_log_folder(self) -> None:
        folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # --- settings -----------------------------------------------------------

    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        splitter = settings.value("main_window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        page = str(settings.value("main_window/page", "dashboard"))
        self.show_page(self.PAGES.index(page) if page in self.PAGES else 0)
        if self.db.server is None:  # a server's URL is typed again (File > Open a server database)
            remember_database(self.db.path)

    def save_settings(self) -> None:
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/splitter", self.splitter.saveState())
        settings.setValue("main_window/page", self.current_name())
        for page in self.pages.values():
            if isinstance(page, ListPage):
                page.save_state()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.close_forms():
            event.ignore()
            return
        self.save_settings()
        if self.dashboard is not None:
            self.dashboard.wait()
        if self.owns_database:
            self.db.dispose()
            if self.lock is not None:
                self.lock.unlock()
            self.owns_database = False
        super().closeEvent(event)


def current_language() -> str:
    """The interface's language, "fr" or "en": the locale the translators set
    (app.install_translators), read here rather than asked of app.py."""
    return language()


def recent_databases() -> list[str]:
    value = QSettings().value("recent_databases", [])
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


def remember_database(path: Path) -> None:
    entries = [str(path)] + [p for p in recent_databases() if p != str(path)]
    QSettings().setValue("recent_databases", entries[:RECENT_KEPT])
