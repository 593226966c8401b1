"""The programme chooser of the meeting and taskforce forms, which can create one:
an empty database has no programme, and a meeting or taskforce needs one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QComboBox, QInputDialog, QWidget

from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.qt.context import PROGRAMME, AppContext, show_error
from resilian_desktop.qt.rights import disable_item, refusal_text
from resilian_desktop.qt.widgets import select_data
from resilian_desktop.services import programmes
from resilian_desktop.services.programmes import ProgrammeRow

NEW_PROGRAMME = -1


class ProgrammeChoice:
    """Fills *combo* with the programmes and a last entry "New programme…"."""

    def __init__(
        self,
        ctx: AppContext,
        combo: QComboBox,
        parent: QWidget,
        *,
        remember_as: str | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.ctx = ctx
        self.combo = combo
        self.parent = parent
        self.remember_as = remember_as
        self.today = today
        self._previous: object = None
        self._choices: list[ProgrammeRow] = []
        self.fill()
        combo.currentIndexChanged.connect(self._chosen)

    def fill(self, selected: object = None) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        choices = self._choices = programmes.list_programmes(self.ctx.db)
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
        rights = self.ctx.rights
        for programme in choices:
            self.combo.addItem(programme.name, programme.id)
            # On a team's server, an officer places records in their own
            # programmes only: the others are shown, not offered.
            refusal = rights.programme_refusal(programme.id)
            if refusal is not None:
                disable_item(self.combo, self.combo.count() - 1, refusal_text(refusal, rights))
        if rights.admin_refusal() is None:
            self.combo.addItem(
                QCoreApplication.translate("ProgrammeChoice", "New programme…"), NEW_PROGRAMME
            )
        select_data(self.combo, selected)
        self.combo.blockSignals(False)
        self._previous = self.combo.currentData()

    def select(self, programme_id: int | None) -> None:
        """Select *programme_id*. When None: in a chooser that remembers
        (*remember_as*), the default (see :meth:`default_id`) or nothing, so that
        the user chooses (a wrong programme prints another programme's funders
        and operation on the documents); elsewhere the first programme."""
        if programme_id is None and self.remember_as is not None:
            programme_id = self.default_id()
        self.combo.blockSignals(True)
        if programme_id is None and self._choices and self.remember_as is not None:
            self.combo.setCurrentIndex(-1)
        else:
            select_data(
                self.combo, programme_id if programme_id is not None else self.combo.itemData(0)
            )
        self.combo.blockSignals(False)
        self._previous = self.combo.currentData()

    def default_id(self) -> int | None:
        """The programme used last in this kind of form, else the only active one."""
        known = {p.id for p in self._choices if self.ctx.rights.programme_refusal(p.id) is None}
        if self.remember_as is not None:
            last = QSettings().value(f"programmes/last_{self.remember_as}")
            try:
                last_id = int(str(last)) if last is not None else None
            except ValueError:
                last_id = None
            if last_id in known:
                return last_id
        today = self.today()
        active = [
            p.id
            for p in self._choices
            if p.id in known
            and (p.start_date is None or p.start_date <= today)
            and (p.end_date is None or p.end_date >= today)
        ]
        return active[0] if len(active) == 1 else None

    def remember(self, programme_id: int) -> None:
        """Note *programme_id* as the one used last (after a save)."""
        if self.remember_as is not None:
            QSettings().setValue(f"programmes/last_{self.remember_as}", programme_id)

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
