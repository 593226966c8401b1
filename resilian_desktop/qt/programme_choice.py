"""The programme chooser of the meeting and taskforce forms, which can create one:
an empty database has no programme, and a meeting or taskforce needs one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QInputDialog, QWidget

from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.qt.context import PROGRAMME, AppContext, show_error
from resilian_desktop.qt.widgets import select_data
from resilian_desktop.services import programmes

NEW_PROGRAMME = -1


class ProgrammeChoice:
    """Fills *combo* with the programmes and a last entry "New programme…"."""

    def __init__(self, ctx: AppContext, combo: QComboBox, parent: QWidget) -> None:
        self.ctx = ctx
        self.combo = combo
        self.parent = parent
        self._previous: object = None
        self.fill()
        combo.currentIndexChanged.connect(self._chosen)

    def fill(self, selected: object = None) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        choices = programmes.list_programmes(self.ctx.db)
        if not choices:
            # A new database: something to leave, so that choosing "New
            # programme…" is a change the combo reports; it says where the
            # remedy is, since "required" alone under the field does not.
            self.combo.addItem(
                QCoreApplication.translate(
                    "ProgrammeChoice", "No programme yet: open this list, choose “New programme…”"
                ),
                None,
            )
        self.combo.setToolTip(
            QCoreApplication.translate(
                "ProgrammeChoice",
                "The collective approach this belongs to; programmes are kept in "
                "Network > Programmes and funders",
            )
        )
        for programme in choices:
            self.combo.addItem(programme.name, programme.id)
        self.combo.addItem(
            QCoreApplication.translate("ProgrammeChoice", "New programme…"), NEW_PROGRAMME
        )
        select_data(self.combo, selected)
        self.combo.blockSignals(False)
        self._previous = self.combo.currentData()

    def select(self, programme_id: int | None) -> None:
        """Select *programme_id*, or the first programme when None."""
        self.combo.blockSignals(True)
        select_data(
            self.combo, programme_id if programme_id is not None else self.combo.itemData(0)
        )
        self.combo.blockSignals(False)
        self._previous = self.combo.currentData()

    def programme_id(self) -> int | None:
        data = self.combo.currentData()
        return None if data in (None, NEW_PROGRAMME) else int(data)

    def _chosen(self, _index: int) -> None:
        if self.combo.currentData() != NEW_PROGRAMME:
            self._previous = self.combo.currentData()
            return
        name, ok = QInputDialog.getText(
            self.parent,
            QCoreApplication.translate("ProgrammeChoice", "New programme"),
            QCoreApplication.translate(
                "ProgrammeChoice",
                "Name of the collective approach (e.g. RESILIAN - Alsace du Nord):",
            ),
        )
        selected = self._previous
        if ok and name.strip():
            try:
                selected = programmes.create_programme(
                    self.ctx.db, programmes.ProgrammeDraft(name=name)
                ).id
            except ResilianError as error:
                show_error(self.parent, error)
            else:
                # The other windows' choosers and filters show it too.
                self.ctx.notify(PROGRAMME)
        self.fill(selected)
