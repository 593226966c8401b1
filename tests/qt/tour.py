"""A walk through every page, tab and dialog of the window, as the officer meets them.

``tour(qtbot, window, visit)`` shows each screen in turn and calls
``visit(name, widget)`` while it is on screen: the size and translation tests
check each one, and ``scripts/screenshots.py`` saves a picture of each. Modal
dialogs are opened by their real buttons and menu entries, looked at inside
their event loop, then closed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMenu, QTabWidget, QWidget

from tests.qt.helpers import with_modal

Visit = Callable[[str, QWidget], None]

# The most common laptop screen; a 40-pixel task bar and a 30-pixel title bar
# leave 698 pixels for a window's contents.
LAPTOP = QSize(1366, 768)
LAPTOP_CONTENTS = QSize(1366, 768 - 40 - 30)


def first_id(window: Any, list_name: str, accept: Callable[[Any, int], bool] | None = None) -> int:
    """The id of the first record of a list (or the first one *accept* takes)."""
    page = window.list_page(list_name)
    model = page.model
    for row in range(model.rowCount()):
        if accept is None or accept(model, row):
            return int(model.open_id(row))
    raise AssertionError(f"no record in {list_name}")


def _held_with_attendance(model: Any, row: int) -> bool:
    keys = [column.key for column in model.spec.columns]
    present = model.index(row, keys.index("present")).data()
    return bool(present) and str(present) not in {"0", ""}


def _look(name: str, visit: Visit) -> Callable[[Any], None]:
    def handler(dialog: Any) -> None:
        QApplication.processEvents()
        visit(name, dialog)
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()

    return handler


def _click(form: Any, tab: QWidget | None, button: QAbstractButton) -> Callable[[], None]:
    def run() -> None:
        if tab is not None:
            form.ui.tabs.setCurrentWidget(tab)
        QApplication.processEvents()
        assert button.isVisible() and button.isEnabled(), button.objectName()
        button.click()

    return run


def tour_tabs(name: str, form: QWidget, visit: Visit) -> None:
    """Each tab of every tab widget of *form*, in turn."""
    for tabs in form.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
            visit(f"{name} › {tabs.tabText(index).replace('&', '')}", form)
        tabs.setCurrentIndex(0)


def tour_menus(window: Any, visit: Visit) -> None:
    """The menu bar's menus, each opened (visit gets the QMenu)."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            menu.aboutToShow.emit()
            visit(f"menu {action.text().replace('&', '')}", menu)
            for sub in menu.actions():
                if isinstance(sub.menu(), QMenu):
                    sub.menu().aboutToShow.emit()  # type: ignore[union-attr]
                    visit(f"menu {sub.text().replace('&', '')}", sub.menu())  # type: ignore[arg-type]


def tour(window: Any, visit: Visit) -> None:
    """Every page of *window* (on a database with the demo network), every tab of
    each record window, and every dialog they open."""
    for row, page_name in enumerate(window.PAGES):
        window.show_page(row)
        QApplication.processEvents()
        if page_name == "dashboard":
            window.dashboard.wait()
            QApplication.processEvents()
        visit(f"main window › {window.titles[page_name]}", window)
    tour_menus(window, visit)

    # The dashboard's figures open the records behind them.
    window.go_to("dashboard")
    for figure in ("meetings_held", "participations", "actions_late"):
        records = window.dashboard.show_records(figure, figure)
        _look(f"records behind a figure ({figure})", visit)(records)

    # The main window's dialogs.
    with_modal(window.programmes_action.trigger, _look("programmes and funders", visit))

    def funder(dialog: Any) -> None:
        with_modal(dialog.ui.add_funder_button.click, _look("funder", visit))
        dialog.reject()

    with_modal(window.programmes_action.trigger, funder)
    with_modal(window.topics_action.trigger, _look("topics", visit))
    for action_name, name in (
        ("backups_action", "backups"),
        ("review_action", "contacts to review"),
    ):
        action = window.findChild(type(window.programmes_action), action_name)
        with_modal(action.trigger, _look(name, visit))
    if window.import_action is not None:
        with_modal(window.import_action.trigger, _look("import", visit))
    with_modal(window.guide_action.trigger, _look("guide", visit))

    # Record windows, tab by tab, and what they open.
    ids = {
        "organisation": first_id(window, "organisations"),
        "contact": first_id(window, "contacts"),
        "meeting": first_id(window, "meetings", _held_with_attendance),
        "taskforce": first_id(window, "taskforces"),
    }
    for kind, record_id in ids.items():
        form: Any = window.open_record(kind, record_id)
        QApplication.processEvents()
        tour_tabs(kind, form, visit)
        ui = form.ui
        openers: list[tuple[str, Callable[[], object]]] = []
        if kind == "organisation":
            openers = [("membership", _click(form, ui.programmes_tab, ui.add_membership_button))]
        elif kind == "meeting":
            ui.minutes_edit.setPlainText("- Consulter trois fournisseurs")
            openers = [
                ("walk-in", _click(form, ui.attendance_tab, ui.walk_in_button)),
                ("contacts picker", _click(form, ui.attendance_tab, ui.add_contacts_button)),
                (
                    "organisations picker",
                    _click(form, ui.attendance_tab, ui.add_organisations_button),
                ),
                (
                    "action from the minutes",
                    _click(form, ui.minutes_tab, ui.action_from_line_button),
                ),
                (
                    "registrations import",
                    _click(form, ui.attendance_tab, ui.import_registrations_button),
                ),
            ]
            openers.append(("attendance sheet preview", form.print_attendance_sheet))
        elif kind == "taskforce":
            openers = [
                ("roadmap action", _click(form, ui.roadmap_tab, ui.add_action_button)),
                ("actions import", _click(form, ui.roadmap_tab, ui.import_actions_button)),
            ]
            openers.append(("roadmap preview", form.print_roadmap))
        for name, trigger in openers:
            with_modal(trigger, _look(f"{kind} › {name}", visit))
        form._dirty = False
        form.close()


def visible_texts(widget: QWidget, rows: int = 5) -> set[str]:
    """The words a user reads on *widget*'s window (or menu): titles, labels,
    buttons, tabs, placeholders, column titles, choices, menu entries, and the
    cells of the first *rows* lines of each table."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QMenu,
        QTabWidget,
    )

    texts: set[str] = set()
    top = widget if isinstance(widget, QMenu) else widget.window()
    texts.add(top.windowTitle())
    if isinstance(top, QMenu):
        texts.update(action.text() for action in top.actions())
    for child in top.findChildren(QWidget):
        if not child.isVisible():
            continue
        if isinstance(child, QLabel | QAbstractButton):
            texts.add(child.text())
        elif isinstance(child, QGroupBox):
            texts.add(child.title())
        elif isinstance(child, QTabWidget):
            texts.update(child.tabText(i) for i in range(child.count()))
        elif isinstance(child, QLineEdit):
            texts.add(child.placeholderText())
        elif isinstance(child, QComboBox):
            texts.update(child.itemText(i) for i in range(child.count()))
        elif isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            try:
                columns = model.columnCount()
            except TypeError:  # a list model: columnCount is private
                columns = 1
            for column in range(columns):
                texts.add(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
                for row in range(min(rows, model.rowCount())):
                    texts.add(str(model.index(row, column).data() or ""))
    for action in top.actions():
        texts.add(action.text())
    return {plain(text) for text in texts} - {""}


def plain(text: str) -> str:
    """*text* without its access-key marks, unsaved mark and surrounding blanks."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").replace("[*]", "").strip()


def tour_first_run(window: Any, visit: Visit) -> None:
    """The welcome page of an empty database, and the dialogs of its first steps."""
    welcome = window.welcome
    assert welcome is not None and window.stack.currentWidget() is welcome
    visit("first run › welcome", window)
    with_modal(welcome.programme_button.click, _look("first run › programmes", visit))
    with_modal(welcome.topics_button.click, _look("first run › topics", visit))
    visit("first run › welcome, topics added", window)
