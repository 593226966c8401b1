"""The page a new, empty database opens on: the first steps, each ticked when done."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from resilian_desktop.qt.context import CONTACT, ORGANISATION, PROGRAMME, TOPIC, AppContext
from resilian_desktop.qt.labels import language
from resilian_desktop.qt.network import ProgrammesDialog, TopicsDialog
from resilian_desktop.qt.widgets import muted
from resilian_desktop.services import first_run

DONE = "✓"


class WelcomePage(QWidget):
    """Create the first programme, add the usual topics, import the network from a
    spreadsheet, or look around the demo network first.

    *steps* gives what the window does for the steps it owns: "import",
    "demo", "guide" and "dashboard" (callables without arguments).
    """

    def __init__(
        self,
        ctx: AppContext,
        steps: Mapping[str, Callable[[], object]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("welcome_page")
        self.ctx = ctx
        self.steps = steps
        title = QLabel(self.tr("Welcome to RESILIAN Desktop"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "This database is empty. Four steps get the network going; each can be "
                "done later from the menus, and Help > Guide tells the rest."
            ),
            self,
        )
        intro.setWordWrap(True)

        self.programme_button = self._button(
            "programme_button", self.tr("Create the first &programme…"), self.create_programme
        )
        self.topics_button = self._button(
            "topics_button", self.tr("Add the usual &topics…"), self.add_topics
        )
        self.import_button = self._button(
            "import_button",
            self.tr("&Import organisations and contacts…"),
            lambda: self._run("import"),
        )
        self.demo_button = self._button(
            "demo_button", self.tr("Open the d&emo network"), lambda: self._run("demo")
        )
        explanations = [
            self.tr(
                "The collective approach you animate (e.g. RESILIAN - Alsace du Nord): its "
                "territory, its funders with their logos, the funding mention and the "
                "operation reference printed on every attendance sheet. "
                "(Network > Programmes and funders)"
            ),
            self.tr(
                "Lean, digitalisation, training, energy…: the subjects meetings are about and "
                "companies bring or need. Rename, reorder or remove them afterwards. "
                "(Network > Topics)"
            ),
            self.tr(
                "Your list of companies and people, from an Excel or CSV file: the columns "
                "are recognised and every row checked before anything is written. "
                "(File > Import from a spreadsheet)"
            ),
            self.tr(
                "A fictional network of thirty companies with two years of meetings and "
                "taskforces, in a separate database: to try everything without risk."
            ),
        ]
        self.done_labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(14)
        buttons = (self.programme_button, self.topics_button, self.import_button, self.demo_button)
        for row, (key, button, text) in enumerate(
            zip(("programme", "topics", "import", "demo"), buttons, explanations, strict=True)
        ):
            done = QLabel("", self)
            done.setObjectName(f"{key}_done_label")
            done.setMinimumWidth(done.fontMetrics().horizontalAdvance(DONE * 2))
            self.done_labels[key] = done
            explanation = QLabel(text, self)
            explanation.setWordWrap(True)
            muted(explanation)
            grid.addWidget(done, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(button, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(explanation, row, 2, Qt.AlignmentFlag.AlignTop)

        self.dashboard_button = self._button(
            "dashboard_button", self.tr("Go to the &dashboard"), lambda: self._run("dashboard")
        )
        self.guide_button = self._button(
            "guide_button", self.tr("Read the &guide"), lambda: self._run("guide")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addLayout(grid)
        layout.addSpacing(12)
        for button in (self.guide_button, self.dashboard_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        # A bound method: Qt disconnects it when the page goes.
        ctx.changed.connect(self._records_changed)
        self.refresh()

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _run(self, step: str) -> None:
        action = self.steps.get(step)
        if action is not None:
            action()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def _records_changed(self, _kinds: list[str]) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Tick the steps done (by this page or elsewhere)."""
        progress = first_run.progress(self.ctx.db)
        for key, done in (
            ("programme", progress.programmes),
            ("topics", progress.topics),
            ("import", progress.organisations),
        ):
            self.done_labels[key].setText(DONE if done else "")
            self.done_labels[key].setToolTip(self.tr("Done") if done else "")

    def create_programme(self) -> None:

        ProgrammesDialog(self.ctx, self).exec()
        self.ctx.notify(PROGRAMME)

    def add_topics(self) -> None:
        """The usual topics added, then shown in the topics dialog to edit."""
        first_run.add_default_topics(self.ctx.db, language())
        self.ctx.notify(TOPIC)
        TopicsDialog(self.ctx, self).exec()

    def imported(self) -> None:
        self.ctx.notify(ORGANISATION, CONTACT)
