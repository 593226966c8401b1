"""An empty database opens on the welcome page; Help > Guide opens the guide."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from resilian_desktop.db.engine import Database
from resilian_desktop.qt.main_window import MainWindow
from resilian_desktop.services import first_run, programmes
from tests import factories as f
from tests.qt.helpers import with_modal


def test_an_empty_database_opens_on_the_welcome_page(window: MainWindow, db: Database) -> None:
    welcome: Any = window.welcome
    assert welcome is not None and window.stack.currentWidget() is welcome
    assert welcome.done_labels["topics"].text() == ""
    kinds: list[str] = []
    with_modal(
        welcome.topics_button.click,
        lambda dialog: (kinds.append(type(dialog).__name__), dialog.reject()),
    )
    assert kinds == ["TopicsDialog"]
    assert [t.name for t in programmes.list_topics(db)] == list(first_run.DEFAULT_TOPICS["en"])
    assert welcome.done_labels["topics"].text() == first_run_done()
    welcome.dashboard_button.click()
    assert window.stack.currentWidget() is window.pages["dashboard"]


def first_run_done() -> str:
    from resilian_desktop.qt.welcome import DONE

    return DONE


def test_a_database_with_records_opens_on_its_pages(qtbot: Any, db: Database) -> None:
    f.programme(db)
    main = MainWindow(db)
    qtbot.addWidget(main)
    assert main.welcome is None
    assert main.stack.currentWidget() is main.pages["dashboard"]
    if main.dashboard is not None:
        main.dashboard.wait()


def test_the_guide_opens_in_the_interface_language(french: Any, window: MainWindow) -> None:
    seen: list[tuple[str, bool]] = []

    def look(dialog: Any) -> None:
        document = dialog.browser.document()
        picture = document.resource(
            QTextDocument.ResourceType.ImageResource, QUrl("images/fr-welcome.png")
        )
        seen.append(
            (
                document.metaInformation(QTextDocument.MetaInformation.DocumentTitle),
                picture is not None and not picture.isNull(),
            )
        )
        dialog.reject()

    with_modal(window.guide_action.trigger, look)
    assert seen == [("Guide de RESILIAN Desktop", True)]
