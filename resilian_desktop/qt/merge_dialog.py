"""“Merge…”: the officer picks the duplicate of the selected record and, field by
field, which of the two values the record kept takes (services.merging)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from resilian_desktop.domain.errors import ResilianError
from resilian_desktop.domain.formats import short_date
from resilian_desktop.domain.kinds import RecordKind
from resilian_desktop.qt.context import (
    CONTACT,
    ORGANISATION,
    AppContext,
    ServiceCommand,
    show_error,
)
from resilian_desktop.qt.labels import label
from resilian_desktop.qt.pickers import RecordLookup
from resilian_desktop.qt.screen import fit_to_screen
from resilian_desktop.services import organisations
from resilian_desktop.services.merging import (
    KEEP,
    OTHER,
    FieldChoice,
    MergeResult,
    merge_records,
    undo_merge,
)

# Field names as the window shows them (the services name fields in English
# codes); translated when shown, once the interface language is installed.
FIELD_LABELS: dict[str, Any] = {
    "name": QT_TRANSLATE_NOOP("MergeDialog", "Name"),
    "kind": QT_TRANSLATE_NOOP("MergeDialog", "Kind"),
    "siret": "SIRET",
    "naf_code": QT_TRANSLATE_NOOP("MergeDialog", "NAF code"),
    "sector": QT_TRANSLATE_NOOP("MergeDialog", "Sector"),
    "address": QT_TRANSLATE_NOOP("MergeDialog", "Address"),
    "postcode": QT_TRANSLATE_NOOP("MergeDialog", "Postcode"),
    "commune": QT_TRANSLATE_NOOP("MergeDialog", "Commune"),
    "country": QT_TRANSLATE_NOOP("MergeDialog", "Country"),
    "headcount": QT_TRANSLATE_NOOP("MergeDialog", "Headcount"),
    "website": QT_TRANSLATE_NOOP("MergeDialog", "Website"),
    "notes": QT_TRANSLATE_NOOP("MergeDialog", "Notes"),
    "civility": QT_TRANSLATE_NOOP("MergeDialog", "Civility"),
    "first_name": QT_TRANSLATE_NOOP("MergeDialog", "First name"),
    "last_name": QT_TRANSLATE_NOOP("MergeDialog", "Last name"),
    "job_title": QT_TRANSLATE_NOOP("MergeDialog", "Job title"),
    "organisation_id": QT_TRANSLATE_NOOP("MergeDialog", "Organisation"),
    "email": QT_TRANSLATE_NOOP("MergeDialog", "E-mail"),
    "phone": QT_TRANSLATE_NOOP("MergeDialog", "Phone"),
    "mobile": QT_TRANSLATE_NOOP("MergeDialog", "Mobile"),
    "is_elected_official": QT_TRANSLATE_NOOP("MergeDialog", "Elected official"),
    "mandate": QT_TRANSLATE_NOOP("MergeDialog", "Mandate"),
    "consent_basis": QT_TRANSLATE_NOOP("MergeDialog", "Legal basis"),
    "consent_date": QT_TRANSLATE_NOOP("MergeDialog", "Legal basis since"),
    "active": QT_TRANSLATE_NOOP("MergeDialog", "Active"),
}
# The window's kind of each record kind.
_LOOKUP_KIND = {RecordKind.ORGANISATION: ORGANISATION, RecordKind.CONTACT: CONTACT}


class MergeCommand(ServiceCommand):
    """A merge as one undo step: undo puts back every row the merge changed."""

    def __init__(
        self,
        ctx: AppContext,
        kind: RecordKind,
        keep_id: int,
        other_id: int,
        choose: dict[str, str],
        text: str,
    ) -> None:
        super().__init__(ctx, text, (_LOOKUP_KIND[kind],))
        self.kind = kind
        self.keep_id = keep_id
        self.other_id = other_id
        self.choose = choose
        self.result: MergeResult | None = None

    def apply(self) -> None:
        self.result = merge_records(
            self.ctx.db,
            self.kind,
            self.keep_id,
            self.other_id,
            choose=self.choose,
        )

    def revert(self) -> None:
        if self.result is not None:
            undo_merge(self.ctx.db, self.result)


class MergeDialog(QDialog):
    """Choose the duplicate of a record, then each field's value, side by side."""

    def __init__(
        self,
        ctx: AppContext,
        kind: RecordKind,
        keep_id: int,
        keep_label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("merge_dialog")
        self.ctx = ctx
        self.kind = kind
        self.keep_id = keep_id
        self.keep_label = keep_label
        self.preview: MergeResult | None = None
        self.groups: dict[str, QButtonGroup] = {}
        self.setWindowTitle(self.tr("Merge duplicates"))

        self.other_lookup = RecordLookup(self)
        self.other_lookup.setObjectName("other_lookup")
        self.other_lookup.configure(
            ctx.db, _LOOKUP_KIND[kind], self.tr("Type the name of the duplicate")
        )
        self.other_lookup.record_changed.connect(self._other_changed)
        form = QFormLayout()
        form.addRow(self.tr("Record kept:"), QLabel(keep_label))
        form.addRow(self.tr("Duplicate merged into it:"), self.other_lookup)

        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("fields_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Record kept"), self.tr("Duplicate")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.summary = QLabel(
            self.tr(
                "Everything linked to the duplicate (attendance, memberships, taskforces, "
                "actions, topics) moves to the record kept; the duplicate is archived and "
                "points to it. Ctrl+Z undoes the merge."
            )
        )
        self.summary.setObjectName("summary_label")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.merge_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.merge_button.setText(self.tr("&Merge"))
        self.merge_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 760, 560)

    # --- the duplicate and its fields ----------------------------------------

    def choose_other(self, other_id: int, text: str = "") -> None:
        """Name the duplicate (as choosing it in the lookup does)."""
        self.other_lookup.set_record(other_id, text)

    def _other_changed(self, other_id: int | None) -> None:
        self.table.setRowCount(0)
        self.groups.clear()
        self.preview = None
        self.merge_button.setEnabled(False)
        if other_id is None:
            return
        try:
            self.preview = merge_records(
                self.ctx.db, self.kind, self.keep_id, other_id, dry_run=True
            )
        except ResilianError as error:
            show_error(self, error)
            self.other_lookup.set_record(None)
            return
        for choice in self.preview.fields:
            self._add_row(choice)
        moved = sum(self.preview.moved.values()) + sum(self.preview.joined.values())
        self.summary.setText(
            self.tr(
                "Linked rows that move from the duplicate to the record kept: {count}. The "
                "duplicate is archived and points to it. Ctrl+Z undoes the merge."
            ).format(count=moved)
        )
        self.merge_button.setEnabled(True)

    def _shown(self, name: str, value: Any) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if isinstance(value, dt.date):
            return short_date(value)
        if name == "organisation_id":
            try:
                return organisations.get_organisation(self.ctx.db, int(value)).name
            except ResilianError:
                return str(value)
        if name in ("kind", "consent_basis"):
            return label(str(value))
        return str(value).replace("\n", " ⏎ ")

    def _add_row(self, choice: FieldChoice) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        source = FIELD_LABELS.get(choice.name, choice.name)
        self.table.setItem(
            row, 0, QTableWidgetItem(QCoreApplication.translate("MergeDialog", source))
        )
        group = QButtonGroup(self.table)
        for column, value in ((1, choice.keep_value), (2, choice.other_value)):
            shown = self._shown(choice.name, value)  # may read the organisation's name
            button: QAbstractButton = QRadioButton(shown)
            button.setObjectName(f"{choice.name}_{'keep' if column == 1 else 'other'}")
            button.setToolTip(shown)
            group.addButton(button, column)
            self.table.setCellWidget(row, column, button)
        takes_other = choice.chosen == choice.other_value and choice.chosen != choice.keep_value
        group.button(2 if takes_other else 1).setChecked(True)
        if choice.keep_value == choice.other_value:
            for button in group.buttons():
                button.setEnabled(False)  # nothing to choose
        elif choice.name == "notes" and choice.chosen not in (
            choice.keep_value,
            choice.other_value,
        ):
            # Both notes are kept, one after the other, unless one side is chosen.
            group.setExclusive(False)
            for button in group.buttons():
                button.setChecked(True)
            group.buttonClicked.connect(self._one_side_of_notes)
        self.groups[choice.name] = group
        self.table.setRowHeight(row, self.table.fontMetrics().height() + 12)

    def _one_side_of_notes(self, clicked: QAbstractButton) -> None:
        """A click on one side of the notes (both kept at first) keeps that side only."""
        group = self.groups["notes"]
        if not group.exclusive():
            for button in group.buttons():
                button.setChecked(button is clicked)
            group.setExclusive(True)

    # --- the answer ------------------------------------------------------------

    def other_id(self) -> int | None:
        return self.other_lookup.record_id

    def choices(self) -> dict[str, str]:
        """Field -> the side chosen; a field with both sides checked (notes) is not named."""
        chosen = {}
        for name, group in self.groups.items():
            keep, other = group.button(1).isChecked(), group.button(2).isChecked()
            if keep != other:
                chosen[name] = KEEP if keep else OTHER
        return chosen

    def command(self) -> MergeCommand | None:
        """The merge chosen, as an undoable command; None before a duplicate is chosen."""
        other_id = self.other_id()
        if other_id is None or self.preview is None:
            return None
        text = self.tr("Merge “{other}” into “{keep}”").format(
            other=self.preview.other_label, keep=self.keep_label
        )
        return MergeCommand(self.ctx, self.kind, self.keep_id, other_id, self.choices(), text)
