"""What every record window shares: saving in one service call, problems shown
next to their fields, the duplicate warning, and never losing what was typed.

Subclasses build their widgets from a Designer form, declare their simple
fields once with ``bind()`` (see ``qt/bindings.py``: cleared, shown, read,
watched and given their problems here) and provide: ``fetch()`` (read the
record), ``show_row(row)`` and ``clear_fields(prefill)`` (the parts beyond the
bound fields), ``build_draft()`` (the service draft from ``self.binding.values()``
and those parts) and ``write(draft, allow_duplicate)`` (create or update
through the service).

Translations here use the explicit context "RecordForm": ``self.tr()`` in a
base class would look the text up under the subclass's name.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QTextEdit,
    QWidget,
)

from resilian_desktop.domain.errors import (
    FieldProblem,
    NotFoundError,
    ResilianError,
    StaleRecordError,
    ValidationError,
)
from resilian_desktop.qt.bindings import Binding, Field
from resilian_desktop.qt.context import AppContext, show_error
from resilian_desktop.qt.pickers import RecordLookup
from resilian_desktop.qt.rights import (
    DisabledLock,
    make_read_only,
    reason_label,
    refusal_text,
    show_reason,
)
from resilian_desktop.qt.stale_record import StaleChoice, StaleRecordBox, local_time
from resilian_desktop.qt.undo import ArchiveCommand
from resilian_desktop.qt.widgets import (
    DateField,
    FieldErrors,
    find_layout,
    format_date,
    format_time,
    muted,
)
from resilian_desktop.services.common import DuplicateError
from resilian_desktop.services.importing import ImportResult

log = logging.getLogger(__name__)


def ask_about_unsaved(parent: QWidget, title: str) -> QMessageBox.StandardButton:
    """Ask whether to save the changes made to *title*: Save, Discard or Cancel."""
    return QMessageBox.question(
        parent,
        QCoreApplication.translate("RecordForm", "Unsaved changes"),
        QCoreApplication.translate(
            "RecordForm", "“{title}” has changes that are not saved. Save them?"
        ).format(title=title),
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Save,
    )


def authors_text(row: Any) -> str:
    """When and by whom *row* was created and last changed, in one line (the
    author is unknown for records made before authors were recorded)."""

    def when(value: dt.datetime) -> tuple[str, str]:
        local = local_time(value)
        return format_date(local.date()), format_time(local.time())

    date, time = when(row.created_at)
    text = (
        QCoreApplication.translate("RecordForm", "Created on {date} at {time} by {who}").format(
            date=date, time=time, who=row.created_by
        )
        if row.created_by
        else QCoreApplication.translate("RecordForm", "Created on {date} at {time}").format(
            date=date, time=time
        )
    )
    if row.version > 1:  # changed since it was created
        date, time = when(row.updated_at)
        text += " · " + (
            QCoreApplication.translate("RecordForm", "changed on {date} at {time} by {who}").format(
                date=date, time=time, who=row.updated_by
            )
            if row.updated_by
            else QCoreApplication.translate("RecordForm", "changed on {date} at {time}").format(
                date=date, time=time
            )
        )
    return text


class RecordForm(QWidget):
    """A window showing one record (or a new one) of kind ``KIND``."""

    KIND = ""
    # Object names of the buttons (and choosers) that change the record or
    # what hangs from it, beyond save_button and archive_button: disabled,
    # with the reason, when the user may not change it (qt.rights).
    EDIT_WIDGETS: tuple[str, ...] = ()
    saved = Signal(int)
    closed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        record_id: int | None,
        parent: QWidget | None = None,
        prefill: Mapping[str, Any] | None = None,
    ) -> None:
        # prefill: values for the fields of a new record; subclasses pass it to load().
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self.db = ctx.db
        self.record_id = record_id
        self.row: Any = None
        self._dirty = False
        self._loading = False
        self.errors: FieldErrors | None = None
        self.binding = Binding(None, ())
        self._save_action = QAction(self)
        self._save_action.setShortcut(QKeySequence.StandardKey.Save)
        self._save_action.triggered.connect(self.save)
        self.addAction(self._save_action)
        close_action = QAction(self)
        close_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Close), QKeySequence("Esc")]
        )
        close_action.triggered.connect(self.close)
        self.addAction(close_action)
        ctx.changed.connect(self._records_changed)
        self._lock = DisabledLock(self)
        self.rights_label = reason_label(self)
        self.refused = False

    # --- to provide ---------------------------------------------------------

    def fetch(self) -> Any:
        raise NotImplementedError

    def show_row(self, row: Any) -> None:
        """Show what the bound fields do not (lists, header)."""

    def clear_fields(self, prefill: Mapping[str, Any]) -> None:
        """Empty what the bound fields do not, for a new record, with *prefill* applied."""

    def build_draft(self) -> Any:
        raise NotImplementedError

    def write(self, draft: Any, allow_duplicate: bool) -> Any:
        raise NotImplementedError

    def title_of(self, row: Any) -> str:
        raise NotImplementedError

    def new_title(self) -> str:
        raise NotImplementedError

    def refresh_related(self) -> None:
        """Reload the lists shown beside the fields (history, members...)."""

    def related_kinds(self) -> tuple[str, ...]:
        """Record kinds whose changes alter the related lists."""
        return ()

    def refusal_code(self) -> str | None:
        """Why the connected user may not change this record (services.capabilities), or None."""
        return None

    def rights_changed(self, refused: bool) -> None:
        """Called when the record turns out not to be changeable (for parts beyond widgets)."""

    # --- shared behaviour ---------------------------------------------------

    def bind(
        self,
        ui: object,
        fields: Iterable[Field],
        general: QLabel,
        *,
        watched: Iterable[QWidget] = (),
        problems: Mapping[str, QWidget] | None = None,
    ) -> None:
        """Declare the form's simple fields (attributes of ``ui``) once.

        *watched* and *problems*: the form's own widgets (lists, choosers) that
        also mark it changed, and that also show their field's problems.
        """
        self.binding = Binding(ui, fields)
        self.binding.connect(self.mark_dirty)
        self.watch(watched)
        self.errors = FieldErrors(
            self, {**self.binding.problem_widgets(), **(problems or {})}, general
        )
        # Who created the record and who changed it last, under the problems.
        self.authors_label = QLabel(self)
        self.authors_label.setObjectName("authors_label")
        muted(self.authors_label)
        self.authors_label.hide()
        parent = general.parentWidget()
        top = parent.layout() if parent is not None else None
        holder = find_layout(top, general) if top is not None else None
        if isinstance(holder, QBoxLayout):
            holder.insertWidget(holder.indexOf(general) + 1, self.authors_label)

    def watch(self, widgets: Iterable[QWidget]) -> None:
        """Mark the form changed when any of these widgets is edited."""
        for widget in widgets:
            if isinstance(widget, RecordLookup):
                widget.record_changed.connect(self.mark_dirty)
                widget.textEdited.connect(self.mark_dirty)
            elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
                widget.textChanged.connect(self.mark_dirty)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.mark_dirty)
            elif isinstance(widget, QCheckBox):
                widget.toggled.connect(self.mark_dirty)
            elif isinstance(widget, QSpinBox | QDoubleSpinBox):
                widget.valueChanged.connect(self.mark_dirty)
            elif isinstance(widget, DateField):
                widget.textChanged.connect(self.mark_dirty)
            elif isinstance(widget, QListWidget):
                widget.itemChanged.connect(self.mark_dirty)
            elif isinstance(widget, QAbstractButton):
                widget.toggled.connect(self.mark_dirty)

    def mark_dirty(self, *_args: object) -> None:
        if not self._loading and not self._dirty:
            self._dirty = True
            self.setWindowModified(True)

    def is_dirty(self) -> bool:
        return self._dirty

    def load(self, prefill: Mapping[str, Any] | None = None) -> None:
        """Fill the fields from the database (or empty ones for a new record)."""
        self._loading = True
        try:
            if self.record_id is None:
                self.binding.clear(prefill or {})
                self.clear_fields(prefill or {})
                self.row = None
                self.setWindowTitle(self.new_title() + "[*]")
            else:
                self.row = self.fetch()
                self.binding.show(self.row)
                self.show_row(self.row)
                self.setWindowTitle(self.title_of(self.row) + "[*]")
            if self.errors is not None:
                self.errors.clear()
            self.show_authors(self.row)
            # Long values are read from their start, not scrolled to their end.
            for edit in self.findChildren(QLineEdit):
                edit.setCursorPosition(0)
        finally:
            self._loading = False
        self._dirty = False
        self.setWindowModified(False)
        self.apply_rights()
        self.refresh_related()

    def show_authors(self, row: Any) -> None:
        """ "Created on … by …, changed on … by …" of the record shown."""
        label = getattr(self, "authors_label", None)
        if label is None:
            return
        if row is None or not hasattr(row, "created_by"):
            label.hide()
            return
        label.setText(authors_text(row))
        label.show()

    def apply_rights(self) -> None:
        """Show the record as it may be changed: when the user may not change it,
        its fields read-only and its buttons disabled, the reason above and on each."""
        code = self.refusal_code()
        if code is None or self.refused:
            return
        self.refused = True
        reason = refusal_text(code, self.ctx.rights)
        named = [
            w
            for name in ("save_button", "archive_button", *self.EDIT_WIDGETS)
            if (w := self.findChild(QWidget, name)) is not None
        ]
        choosers = [
            *self.findChildren(QComboBox),
            *self.findChildren(QCheckBox),
            *self.findChildren(QSpinBox),
            *self.findChildren(QDoubleSpinBox),
            *self.findChildren(DateField),
        ]
        self._lock.lock([*named, *choosers], reason)
        self._save_action.setEnabled(False)
        make_read_only(self)
        show_reason(self, self.rights_label, reason)
        self.rights_changed(True)

    def collect_problems(self) -> list[FieldProblem]:
        """Problems found before asking the service (a name typed but not chosen)."""
        return []

    def save(self) -> bool:
        """Validate and save through the service in one transaction; True when saved."""
        if self.refused:
            return False
        problems = self.collect_problems()
        if problems:
            self.show_problems(problems)
            return False
        try:
            draft = self.build_draft()
            row = self._write_asking(draft)
            if row is None:
                return False
        except ValidationError as error:
            self.show_problems(error.problems)
            return False
        except ResilianError as error:
            show_error(self, error)
            return False
        created = self.record_id is None
        self.record_id = row.id
        self.load()
        self.ctx.notify(self.KIND)
        self.saved.emit(row.id)
        log.info("%s %s %s", "created" if created else "saved", self.KIND, row.id)
        return True

    def _write_asking(self, draft: Any) -> Any:
        """write(), asking about a probable duplicate and about another user's
        save; the row saved, or None when the officer chose not to save."""
        while True:
            try:
                try:
                    return self.write(draft, False)
                except DuplicateError as duplicate:
                    if not self.confirm_duplicate(duplicate):
                        return None
                    return self.write(draft, True)
            except StaleRecordError as stale:
                if stale.current is None:  # deleted, or changed during the save: say so
                    raise
                choice = self.ask_about_stale(stale)
                log.info("%s %s changed by another user: %s", self.KIND, stale.record_id, choice)
                if choice is StaleChoice.RELOAD:
                    self.load()
                    return None
                if choice is StaleChoice.CANCEL:
                    return None
                # Saved over the version now stored, and only over that one.
                self.row = stale.current

    def ask_about_stale(self, stale: StaleRecordError) -> StaleChoice:
        box = StaleRecordBox(self, self.title_of(stale.current), stale, self.field_title)
        try:
            box.exec()
            return box.choice()
        finally:
            box.deleteLater()

    def field_title(self, field: str) -> str:
        """The words naming *field* in this form: its label in the form, else a
        shared word (the lists and links the forms show beside their fields)."""
        widgets = self.errors.fields if self.errors is not None else {}
        widget = widgets.get(field) or widgets.get(field.removesuffix("_name") + "_id")
        if widget is not None:
            for layout in self.findChildren(QFormLayout):
                title = layout.labelForField(widget)
                if isinstance(title, QLabel) and title.text():
                    return title.text().replace("&", "").rstrip(" :*")
        shared = {
            "topics": QCoreApplication.translate("RecordForm", "Topics"),
            "expertise_topics": QCoreApplication.translate("RecordForm", "Expertise"),
            "need_topics": QCoreApplication.translate("RecordForm", "Needs"),
            "memberships": QCoreApplication.translate("RecordForm", "Memberships"),
            "archived_at": QCoreApplication.translate("RecordForm", "Archived"),
            "erased_at": QCoreApplication.translate("RecordForm", "Erased"),
            "programme_name": QCoreApplication.translate("RecordForm", "Programme"),
        }
        return shared.get(field, field.replace("_", " "))

    def show_problems(self, problems: Iterable[FieldProblem]) -> None:
        if self.errors is None:
            return
        first = self.errors.show(list(problems))
        if first is not None:
            self.reveal(first)
            first.setFocus()

    def reveal(self, widget: QWidget) -> None:
        """Bring the tab holding *widget* to the front (overridden by tabbed forms)."""

    def confirm_duplicate(self, duplicate: DuplicateError) -> bool:
        listed = "\n".join(f"• {label}" for _id, label, _reason in duplicate.matches)
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("RecordForm", "Possible duplicate"),
            QCoreApplication.translate(
                "RecordForm",
                "This record looks like one that already exists:\n{matches}\n\nSave it anyway?",
            ).format(matches=listed),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Save

    def ensure_saved(self) -> bool:
        """Save a new or changed record before an action that needs it in the database."""
        if self.record_id is not None and not self._dirty:
            return True
        return self.save()

    def ensure_created(self, title: str, question: str) -> bool:
        """Before an action that writes beside the record (an import into it): a
        new record must exist first, so the user is asked to save it. Unsaved
        changes to an existing record are left as they are."""
        if self.record_id is not None:
            return True
        answer = QMessageBox.question(
            self,
            title,
            question,
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        return answer == QMessageBox.StandardButton.Save and self.save()

    def run_import(
        self,
        imported: Callable[[ImportResult, str], None],
        *,
        meeting_id: int | None = None,
        taskforce_id: int | None = None,
    ) -> ImportResult | None:
        """The import dialog preset on this record (its meeting or its taskforce).

        After each import the dialog makes (it may import several files) the
        related lists are read again, then *imported(result, file name)* runs.
        Returns the result of the last import, None when none was made.
        """
        # On first use: the import dialog loads the spreadsheet readers.
        from resilian_desktop.qt.import_dialog import ImportDialog

        results: list[ImportResult] = []
        dialog = ImportDialog(self.db, self, meeting_id=meeting_id, taskforce_id=taskforce_id)

        def done(result: ImportResult) -> None:
            results.append(result)
            self.refresh_related()
            imported(result, Path(dialog.path_edit.text()).name)

        dialog.imported.connect(done)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
        return results[-1] if results else None

    def ask_to_close(self) -> bool:
        """True when the window may close: nothing unsaved, or the user decided."""
        if not self._dirty:
            return True
        answer = ask_about_unsaved(self, self.windowTitle().replace("[*]", ""))
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def toggle_archive(self, name_of: Callable[[Any], str]) -> None:
        """Archive the record shown, or restore it when archived (undoable).

        Changes typed are saved first; *name_of(row)* names the record in the
        undo step.
        """
        if self.row is None:
            return
        archived = getattr(self.row, "archived_at", None) is not None
        if self._dirty and not self.save():
            return
        self.ctx.execute(
            ArchiveCommand(
                self.ctx, self.KIND, self.row.id, name_of(self.row), archived=not archived
            )
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.ask_to_close():
            event.ignore()
            return
        settings = QSettings()
        settings.setValue(f"forms/{type(self).__name__}/geometry", self.saveGeometry())
        for table in self._tables():  # the column widths the officer chose
            settings.setValue(self._header_key(table), table.horizontalHeader().saveState())
        self._dirty = False
        event.accept()
        self.closed.emit()

    def restore_geometry(self) -> None:
        """The window's size and place, and its tables' column widths, as last left."""
        settings = QSettings()
        geometry = settings.value(f"forms/{type(self).__name__}/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        for table in self._tables():
            state = settings.value(self._header_key(table))
            if isinstance(state, QByteArray):
                table.horizontalHeader().restoreState(state)

    def _tables(self) -> list[QTableView]:
        return [table for table in self.findChildren(QTableView) if table.objectName()]

    def _header_key(self, table: QTableView) -> str:
        return f"forms/{type(self).__name__}/{table.objectName()}/header"

    def _records_changed(self, kinds: list[str]) -> None:
        if self.record_id is None:
            return
        if self.KIND in kinds and not self._dirty:
            # Changed elsewhere (undo, another window): show what is stored now.
            try:
                self.load()
            except NotFoundError:
                self.close()
            return
        if set(kinds) & set(self.related_kinds()):
            self.refresh_related()
