"""Kiosk mode: a full-screen page where the people expected at one half-day of a
meeting find their name, sign, and hand the computer to the next one.

Participants only ever see this window: it is modal to the whole application,
stays on top, ignores Escape and close requests (Alt+F4, the window manager),
and has no menu. The officer leaves it with Ctrl+Shift+L and then types a word,
so a click or two by a participant cannot open the database.

Each signature is one undoable step (qt.undo.SignatureCommand) on the
application's stack. Ctrl+Z does not reach it here, so a participant cannot
take back someone else's signature; the officer can, behind the same key
combination and word (someone signed under another's name), or later with
Ctrl+Z in the main window.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScroller,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from resilian_desktop.domain.errors import ResilianError, ValidationError
from resilian_desktop.domain.formats import contact_name, long_date
from resilian_desktop.domain.halfdays import AFTERNOON, MORNING, current_half_day
from resilian_desktop.domain.text import fold
from resilian_desktop.domain.vocab import AttendanceStatus
from resilian_desktop.qt.context import CONTACT, MEETING, AppContext
from resilian_desktop.qt.kiosk.pad import SignaturePad
from resilian_desktop.qt.labels import language, problem_text
from resilian_desktop.qt.undo import SignatureCommand
from resilian_desktop.services import attendance_tools, meetings, signatures
from resilian_desktop.services.common import DuplicateError
from resilian_desktop.services.contacts import ContactDraft
from resilian_desktop.services.signatures import SignerRow

log = logging.getLogger(__name__)

LEAVE_KEYS = "Ctrl+Shift+L"
SIGNED_COLOUR = QColor("#1b6e20")
CARD_COLOUR = QColor("#f3f5f9")
CARD_BORDER = QColor("#c5ccd8")
MUTED = QColor("#5b6472")
ERROR_COLOUR = "#b00020"
# How long the thank-you line stays, and the leave page waits for the word.
THANKS_MS = 6000
LEAVE_TIMEOUT_MS = 30000
# A page left half-done (someone walked away) goes back to the list after this.
IDLE_MS = 120_000
CONTACT_ROLE = Qt.ItemDataRole.UserRole
SIGNED_ROLE = Qt.ItemDataRole.UserRole + 1
ORGANISATION_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3


def ask_half_day(parent: QWidget, covered: tuple[str, ...], now: dt.time) -> str | None:
    """The half-day to sign for: asked when the meeting covers both (the current
    one by the clock is the default), None when the officer cancels."""
    default = current_half_day(covered, now)
    if len(covered) == 1:
        return default
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("KioskWindow", "Have participants sign"))
    box.setText(
        QCoreApplication.translate("KioskWindow", "Which half-day do participants sign for?")
    )
    morning = box.addButton(
        QCoreApplication.translate("KioskWindow", "Morning"), QMessageBox.ButtonRole.AcceptRole
    )
    afternoon = box.addButton(
        QCoreApplication.translate("KioskWindow", "Afternoon"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(morning if default == MORNING else afternoon)
    box.exec()
    clicked = box.clickedButton()
    if clicked is morning:
        return MORNING
    if clicked is afternoon:
        return AFTERNOON
    return None


class SignerDelegate(QStyledItemDelegate):
    """A person as a card: the name large, the organisation below, and, once
    signed, a green tick with the time."""

    def __init__(self, unit: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.unit = unit
        # The whole cell of the list's grid, set as the window is laid out.
        self.card_size = QSize(unit * 14, int(unit * 3.6))

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return self.card_size

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = option.rect.adjusted(6, 6, -6, -6)
        signed = index.data(SIGNED_ROLE)
        pressed = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(CARD_BORDER if not signed else SIGNED_COLOUR)
        painter.setBrush(QColor("#dfe7f5") if pressed else CARD_COLOUR)
        painter.drawRoundedRect(card, 10, 10)
        inner = card.adjusted(self.unit, self.unit // 3, -self.unit, -self.unit // 3)
        name_font = QFont(option.font)
        name_font.setPixelSize(int(self.unit * 1.15))
        name_font.setBold(True)
        small = QFont(option.font)
        small.setPixelSize(int(self.unit * 0.8))
        top = QRect(inner.left(), inner.top(), inner.width(), inner.height() // 2 + 4)
        bottom = QRect(inner.left(), top.bottom(), inner.width(), inner.height() - top.height())
        text = str(index.data(Qt.ItemDataRole.DisplayRole))
        # A long name is made smaller (to three quarters) before it is cut.
        while (
            QFontMetrics(name_font).horizontalAdvance(text) > top.width()
            and name_font.pixelSize() > self.unit * 0.85
        ):
            name_font.setPixelSize(name_font.pixelSize() - 1)
        painter.setFont(name_font)
        painter.setPen(MUTED if signed else QColor("#111111"))
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        name = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, top.width())
        painter.drawText(top, flags, name)
        painter.setFont(small)
        if signed:
            painter.setPen(SIGNED_COLOUR)
            below = str(signed)
        else:
            painter.setPen(MUTED)
            below = str(index.data(ORGANISATION_ROLE) or "")
        below = painter.fontMetrics().elidedText(below, Qt.TextElideMode.ElideRight, bottom.width())
        painter.drawText(bottom, flags, below)
        painter.restore()


class KioskWindow(QWidget):
    """The signing page for one half-day of one meeting."""

    # Emitted when the officer leaves kiosk mode, with the number of signatures given.
    left = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        meeting_id: int,
        half_day: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.ctx = ctx
        self.db = ctx.db
        self.meeting_id = meeting_id
        self.half_day = half_day
        self.meeting = meetings.get_meeting(self.db, meeting_id)
        self.signed_here = 0
        self.contact: SignerRow | None = None
        self.walk_in_person_id: int | None = None
        self._unlocked = False
        self._rows: dict[int, SignerRow] = {}
        self._news: set[str] = set()  # kinds of records changed, told on leaving
        # Where the undo stack stood after each signature given here (the commands
        # themselves belong to the stack: holding them here crashed at exit).
        self._pushed: list[int] = []
        self._duplicate_id: int | None = None
        # Seconds from "confirm" to the list shown again with the row stored (figures).
        self.last_confirm_seconds: float | None = None
        # Every mouse or finger move counts while people sign: Qt otherwise merges
        # moves that come faster than it paints, and a busy laptop lost up to half
        # the points of a stroke (its curves turned into corners). Put back on leaving.
        self._compressed = QCoreApplication.testAttribute(
            Qt.ApplicationAttribute.AA_CompressHighFrequencyEvents
        )
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_CompressHighFrequencyEvents, False)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowTitle(self.tr("Attendance — signing"))
        self.setObjectName("kiosk")
        screen = (parent.screen() if parent is not None else None) or QApplication.primaryScreen()
        height = screen.availableGeometry().height() if screen is not None else 768
        # One unit of text: 22 px on a 768-pixel-high laptop, larger on a large screen.
        self.unit = max(20, min(40, height // 35))
        self._build()
        QShortcut(QKeySequence(LEAVE_KEYS), self, self.ask_to_leave)
        self._thanks_timer = QTimer(self)
        self._thanks_timer.setSingleShot(True)
        self._thanks_timer.timeout.connect(lambda: self.thanks_label.setText(""))
        self._leave_timer = QTimer(self)
        self._leave_timer.setSingleShot(True)
        self._leave_timer.timeout.connect(self.show_list)
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.setInterval(IDLE_MS)
        self._idle_timer.timeout.connect(self.show_list)
        self.pad.changed.connect(self._still_there)
        for edit in (self.first_name_edit, self.last_name_edit, self.organisation_edit):
            edit.textEdited.connect(self._still_there)
        self.refresh()
        self.show_list()

    # --- layout -----------------------------------------------------------------

    def _font(self, scale: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(int(self.unit * scale))
        font.setBold(bold)
        return font

    def _button(
        self, text: str, handler: Callable[[], object], *, main: bool = False
    ) -> QPushButton:
        button = QPushButton(text)
        button.setFont(self._font(1.0, bold=main))
        button.setMinimumHeight(int(self.unit * 2.6))
        button.setMinimumWidth(self.unit * 8)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus if not main else Qt.FocusPolicy.StrongFocus)
        if main:
            button.setStyleSheet(
                "QPushButton { background: #1d4f91; color: white; border-radius: 8px;"
                f" padding: 0 {self.unit}px; }}"
                "QPushButton:disabled { background: #9aa7ba; color: #eef1f5; }"
            )
        button.clicked.connect(handler)
        return button

    def _label(self, scale: float, *, bold: bool = False, wrap: bool = True) -> QLabel:
        label = QLabel()
        label.setFont(self._font(scale, bold))
        label.setWordWrap(wrap)
        return label

    def _line_edit(self, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setFont(self._font(1.1))
        edit.setMinimumHeight(int(self.unit * 2.4))
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        return edit

    def _build(self) -> None:
        u = self.unit
        root = QVBoxLayout(self)
        root.setContentsMargins(u * 2, u, u * 2, u)
        root.setSpacing(u // 2)
        header = QHBoxLayout()
        self.title_label = self._label(1.05, bold=True)
        self.count_label = self._label(0.9, wrap=False)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.title_label, 1)
        header.addWidget(self.count_label)
        root.addLayout(header)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        root.addWidget(line)
        self.pages = QStackedWidget()
        root.addWidget(self.pages, 1)
        self.pages.addWidget(self._list_page())
        self.pages.addWidget(self._sign_page())
        self.pages.addWidget(self._walk_in_page())
        self.pages.addWidget(self._leave_page())
        self.title_label.setText(self._title())

    def _title(self) -> str:
        day = long_date(self.meeting.date, language())
        which = self.tr("morning") if self.half_day == MORNING else self.tr("afternoon")
        return self.tr("Attendance sheet — {title} — {day}, {half_day}").format(
            title=self.meeting.title, day=day, half_day=which
        )

    def _page(self) -> tuple[QWidget, QVBoxLayout]:
        """A page of the stack and its column, spaced to the screen's unit."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(self.unit // 2)
        return page, layout

    def _error_label(self) -> QLabel:
        label = self._label(1.0, bold=True)
        label.setStyleSheet(f"color: {ERROR_COLOUR};")
        return label

    def _list_page(self) -> QWidget:
        u = self.unit
        page, layout = self._page()
        self.invite_label = self._label(1.5, bold=True)
        self.invite_label.setText(self.tr("Tap your name to sign"))
        layout.addWidget(self.invite_label)
        self.search_edit = self._line_edit(self.tr("Type the first letters of your name…"))
        self.search_edit.textChanged.connect(self.apply_search)
        layout.addWidget(self.search_edit)
        self.contacts_list = QListWidget()
        self.contacts_list.setFont(self._font(1.0))
        self.contacts_list.setViewMode(QListWidget.ViewMode.IconMode)
        self.contacts_list.setFlow(QListWidget.Flow.LeftToRight)
        self.contacts_list.setWrapping(True)
        self.contacts_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.contacts_list.setMovement(QListWidget.Movement.Static)
        self.contacts_list.setUniformItemSizes(True)
        self.contacts_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.contacts_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.contacts_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.delegate = SignerDelegate(u, self.contacts_list)
        self.contacts_list.setItemDelegate(self.delegate)
        self.contacts_list.setFrameShape(QFrame.Shape.NoFrame)
        self.contacts_list.viewport().setAutoFillBackground(False)
        # Columns follow the list's own width, known only once it is laid out.
        self.contacts_list.viewport().installEventFilter(self)
        # A finger drags the list as on a phone.
        QScroller.grabGesture(
            self.contacts_list.viewport(), QScroller.ScrollerGestureType.TouchGesture
        )
        self.contacts_list.itemClicked.connect(self._contact_tapped)
        layout.addWidget(self.contacts_list, 1)
        self.empty_label = self._label(1.0)
        self.empty_label.setStyleSheet(f"color: {MUTED.name()};")
        layout.addWidget(self.empty_label)
        bottom = QHBoxLayout()
        self.thanks_label = self._label(1.1, bold=True)
        self.thanks_label.setStyleSheet(f"color: {SIGNED_COLOUR.name()};")
        bottom.addWidget(self.thanks_label, 1)
        self.walk_in_button = self._button(self.tr("I am not on the list"), self.show_walk_in)
        bottom.addWidget(self.walk_in_button)
        layout.addLayout(bottom)
        return page

    def _sign_page(self) -> QWidget:
        u = self.unit
        page, layout = self._page()
        self.signer_label = self._label(1.6, bold=True)
        self.statement_label = self._label(1.0)
        layout.addWidget(self.signer_label)
        layout.addWidget(self.statement_label)
        self.pad = SignaturePad()
        self.pad.changed.connect(self._pad_changed)
        layout.addWidget(self.pad, 1)
        self.sign_error_label = self._error_label()
        layout.addWidget(self.sign_error_label)
        buttons = QHBoxLayout()
        buttons.setSpacing(u)
        self.back_button = self._button(self.tr("Not me: back"), self.show_list)
        self.clear_button = self._button(self.tr("Clear and sign again"), self.pad.clear)
        self.confirm_button = self._button(self.tr("Confirm my signature"), self.confirm, main=True)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.confirm_button)
        layout.addLayout(buttons)
        return page

    def _walk_in_page(self) -> QWidget:
        page, layout = self._page()
        heading = self._label(1.5, bold=True)
        heading.setText(self.tr("Not on the list? Add yourself"))
        layout.addWidget(heading)
        self.first_name_edit = self._line_edit("")
        self.last_name_edit = self._line_edit("")
        self.organisation_edit = self._line_edit("")
        for edit, text in (
            (self.first_name_edit, self.tr("First name")),
            (self.last_name_edit, self.tr("Last name")),
            (self.organisation_edit, self.tr("Company or organisation")),
        ):
            caption = self._label(0.9, wrap=False)
            caption.setText(text)
            caption.setBuddy(edit)
            layout.addWidget(caption)
            layout.addWidget(edit)
            edit.returnPressed.connect(self.add_walk_in)
        self.walk_in_error_label = self._error_label()
        layout.addWidget(self.walk_in_error_label)
        # When the name is already in the directory: is it you?
        self.same_contact_button = self._button("", self._same_contact)
        self.other_contact_button = self._button(
            self.tr("No, I am someone else"), lambda: self.add_walk_in(allow_duplicate=True)
        )
        self.same_contact_button.hide()
        self.other_contact_button.hide()
        layout.addWidget(self.same_contact_button)
        layout.addWidget(self.other_contact_button)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self._button(self.tr("Back to the list"), self.show_list))
        buttons.addStretch(1)
        self.walk_in_continue_button = self._button(
            self.tr("Continue to sign"), self.add_walk_in, main=True
        )
        buttons.addWidget(self.walk_in_continue_button)
        layout.addLayout(buttons)
        return page

    def _leave_page(self) -> QWidget:
        page, layout = self._page()
        heading = self._label(1.5, bold=True)
        heading.setText(self.tr("Leave signing mode (organiser only)"))
        layout.addWidget(heading)
        explain = self._label(1.0)
        explain.setText(
            self.tr(
                "Type {word}, then press Enter to give the computer back to the organiser."
            ).format(word=self.leave_word())
        )
        layout.addWidget(explain)
        self.leave_edit = self._line_edit("")
        self.leave_edit.returnPressed.connect(self._try_leave)
        layout.addWidget(self.leave_edit)
        self.leave_error_label = self._error_label()
        layout.addWidget(self.leave_error_label)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self._button(self.tr("Back to signing"), self.show_list))
        buttons.addStretch(1)
        # Someone signed under another's name: the officer takes it back here,
        # with the same word, and the right person signs.
        self.take_back_button = self._button("", self.take_back_last_signature)
        buttons.addWidget(self.take_back_button)
        buttons.addWidget(self._button(self.tr("Leave"), self._try_leave, main=True))
        layout.addLayout(buttons)
        return page

    # --- the list ---------------------------------------------------------------

    def refresh(self) -> None:
        """Read who is expected and who signed again (after each signature)."""
        rows = signatures.signers(self.db, self.meeting_id, self.half_day)
        self.contacts_list.clear()
        for row in rows:
            name = contact_name(row.first_name, row.last_name)
            item = QListWidgetItem(name)
            item.setData(CONTACT_ROLE, row.person_id)
            item.setData(ORGANISATION_ROLE, row.organisation_name or "")
            item.setData(SEARCH_ROLE, fold(f"{name} {row.organisation_name or ''}"))
            if row.signed_at:
                at = dt.datetime.fromisoformat(row.signed_at).strftime("%H:%M")
                item.setData(SIGNED_ROLE, self.tr("✓ Signed at {time}").format(time=at))
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            else:
                item.setData(SIGNED_ROLE, None)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.contacts_list.addItem(item)
        self._rows = {r.person_id: r for r in rows}
        signed = sum(1 for r in rows if r.signed_at)
        self.count_label.setText(
            self.tr("{signed} of {expected} signed").format(signed=signed, expected=len(rows))
        )
        self._grid()
        self.apply_search(self.search_edit.text())

    def _grid(self) -> None:
        """As many columns of cards as the width allows (three on a laptop),
        each card as wide as its column, so that long names show whole."""
        width = self.contacts_list.viewport().width() or self.width()
        columns = max(1, min(4, width // (self.unit * 18)))
        cell = QSize(max(1, width // columns - 2), int(self.unit * 3.6))
        self.delegate.card_size = cell
        self.contacts_list.setGridSize(cell)
        self.contacts_list.doItemsLayout()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.contacts_list.viewport() and event.type() == QEvent.Type.Resize:
            self._grid()
        return super().eventFilter(watched, event)

    def apply_search(self, text: str) -> None:
        """Show the people whose name or organisation contains every word typed."""
        words = fold(text).split()
        shown = 0
        for index in range(self.contacts_list.count()):
            item = self.contacts_list.item(index)
            haystack = str(item.data(SEARCH_ROLE))
            hidden = not all(w in haystack for w in words)
            item.setHidden(hidden)
            shown += not hidden
        self.empty_label.setText(
            "" if shown else self.tr("No one by that name is expected: tap “I am not on the list”.")
        )

    def visible_names(self) -> list[str]:
        return [
            self.contacts_list.item(i).text()
            for i in range(self.contacts_list.count())
            if not self.contacts_list.item(i).isHidden()
        ]

    def _still_there(self) -> None:
        """Someone is signing or typing: the page stays a while longer."""
        if self.pages.currentIndex() in (1, 2):
            self._idle_timer.start()

    def show_list(self) -> None:
        self._leave_timer.stop()
        self._idle_timer.stop()
        self.contact = None
        self.pad.clear()
        self.pages.setCurrentIndex(0)
        self.search_edit.setFocus()

    def _contact_tapped(self, item: QListWidgetItem) -> None:
        if item.data(SIGNED_ROLE):
            return  # signed already: the card says so
        self.start_signing(int(item.data(CONTACT_ROLE)))

    # --- signing ----------------------------------------------------------------

    def start_signing(self, person_id: int) -> None:
        row = self._rows[person_id]
        self.contact = row
        self.pad.clear()
        name = contact_name(row.first_name, row.last_name)
        self.signer_label.setText(
            f"{name} — {row.organisation_name}" if row.organisation_name else name
        )
        day = long_date(self.meeting.date, language())
        statement = (
            self.tr("By signing, I certify that I attended the morning of {day}.")
            if self.half_day == MORNING
            else self.tr("By signing, I certify that I attended the afternoon of {day}.")
        )
        self.statement_label.setText(
            statement.format(day=day)
            + " "
            + self.tr("Sign in the box with your finger, a pen or the mouse.")
        )
        self.sign_error_label.setText("")
        self._pad_changed()
        self.pages.setCurrentIndex(1)
        self._idle_timer.start()

    def _pad_changed(self) -> None:
        self.confirm_button.setEnabled(self.pad.is_signed())

    def confirm(self) -> bool:
        """Record the signature drawn (one undoable step), then back to the list."""
        contact = self.contact
        if contact is None or not self.pad.is_signed():
            return False
        started = time.perf_counter()
        name = contact_name(contact.first_name, contact.last_name)
        command = SignatureCommand(
            self.ctx,
            self.tr("Signature of {name}").format(name=name),
            self.meeting_id,
            contact.person_id,
            self.half_day,
            [list(map(list, stroke)) for stroke in self.pad.strokes],
        )
        try:
            command.apply()
        except ResilianError as error:
            # A participant reads this: the reason goes to the log for the organiser.
            log.info("signature refused in kiosk mode: %s", error)
            self.sign_error_label.setText(
                self.tr("This signature could not be recorded: please call the organiser.")
            )
            self.refresh()
            return False
        # On the undo stack now, but the windows behind hear of it when the
        # officer leaves: reloading their lists after each signature cost more
        # than the signature itself on a large network (benchmarks/bench_kiosk.py).
        kinds, command.kinds = command.kinds, ()
        self.ctx.push_done(command)
        command.kinds = kinds
        self._news.update(kinds)
        self._pushed.append(self.ctx.undo_stack.index())
        self.signed_here += 1
        self.search_edit.setText("")  # not clear(): Ctrl+Z in the field would bring it back
        self.refresh()
        self.show_list()
        self.thanks_label.setText(
            self.tr("Thank you, {name}: your signature is recorded.").format(name=name)
        )
        self._thanks_timer.start(THANKS_MS)
        self.last_confirm_seconds = time.perf_counter() - started
        return True

    # --- walk-ins ---------------------------------------------------------------

    def show_walk_in(self) -> None:
        for edit in (self.first_name_edit, self.last_name_edit, self.organisation_edit):
            edit.clear()
        self._reset_duplicate()
        self.walk_in_error_label.setText("")
        self.pages.setCurrentIndex(2)
        self._idle_timer.start()
        self.first_name_edit.setFocus()

    def _reset_duplicate(self) -> None:
        self._duplicate_id = None
        self.same_contact_button.hide()
        self.other_contact_button.hide()
        self.walk_in_continue_button.show()

    def add_walk_in(self, allow_duplicate: bool = False) -> int | None:
        """Add the person typed to the meeting's list (as registered: signing
        makes them present), then let them sign; returns their id."""
        draft = ContactDraft(
            first_name=self.first_name_edit.text(), last_name=self.last_name_edit.text()
        )
        try:
            row = attendance_tools.add_walk_in(
                self.db,
                self.meeting_id,
                draft,
                status=AttendanceStatus.REGISTERED.value,
                allow_duplicate=allow_duplicate,
                organisation_of_the_day=self.organisation_edit.text(),
            )
        except DuplicateError as duplicate:
            self._offer_existing(duplicate)
            return None
        except ValidationError as error:
            self.walk_in_error_label.setText("\n".join(problem_text(p) for p in error.problems))
            return None
        except ResilianError as error:
            log.info("walk-in refused in kiosk mode: %s", error)
            self.walk_in_error_label.setText(
                self.tr("You could not be added: please call the organiser.")
            )
            return None
        self._news.update((MEETING, CONTACT))
        return self._sign_as(row.person_id)

    def _offer_existing(self, duplicate: DuplicateError) -> None:
        person_id, described, _reason = duplicate.matches[0]
        self._duplicate_id = int(person_id)
        self.walk_in_error_label.setText(self.tr("Someone of this name is already known."))
        self.same_contact_button.setText(self.tr("That is me: {contact}").format(contact=described))
        self.same_contact_button.show()
        self.other_contact_button.show()
        self.walk_in_continue_button.hide()

    def _same_contact(self) -> int | None:
        person_id = self._duplicate_id
        if person_id is None:
            return None
        if person_id not in self._rows:
            try:
                meetings.set_attendance(
                    self.db,
                    self.meeting_id,
                    [person_id],
                    status=AttendanceStatus.REGISTERED.value,
                )
            except ResilianError as error:
                log.info("walk-in refused in kiosk mode: %s", error)
                self.walk_in_error_label.setText(
                    self.tr("You could not be added: please call the organiser.")
                )
                return None
            self._news.update((MEETING, CONTACT))
        return self._sign_as(person_id)

    def _sign_as(self, person_id: int) -> int:
        self._reset_duplicate()
        self.refresh()
        if self._rows.get(person_id) is None or self._rows[person_id].signed_at:
            # Already signed for this half-day (they were on the list after all).
            self.show_list()
            self.search_edit.setText(self.last_name_edit.text())
            return person_id
        self.start_signing(person_id)
        return person_id

    # --- leaving ----------------------------------------------------------------

    def leave_word(self) -> str:
        return self.tr("LEAVE")

    def _last_signature_here(self) -> SignatureCommand | None:
        """The last signature given in this kiosk, while it is the last step on
        the undo stack (undo would take back something else otherwise)."""
        stack = self.ctx.undo_stack
        if not self._pushed or stack.index() != self._pushed[-1]:
            return None
        top = stack.command(stack.index() - 1)
        return top if isinstance(top, SignatureCommand) else None

    def take_back_last_signature(self) -> bool:
        """The officer's undo of the last signature (the word typed first)."""
        command = self._last_signature_here()
        if command is None or not self._word_typed():
            return False
        self.ctx.undo_stack.undo()
        self._pushed.pop()
        self.signed_here -= 1
        self.refresh()
        self.show_list()
        self.thanks_label.setText(
            self.tr("Taken back: {what}. The right person can sign now.").format(
                what=command.text()
            )
        )
        self._thanks_timer.start(THANKS_MS)
        return True

    def ask_to_leave(self) -> None:
        """The officer's key combination: the page asking for the word."""
        self.leave_edit.clear()
        self.leave_error_label.setText("")
        last = self._last_signature_here()
        self.take_back_button.setVisible(last is not None)
        if last is not None:
            self.take_back_button.setText(self.tr("Take back: {what}").format(what=last.text()))
        self.pages.setCurrentIndex(3)
        self._idle_timer.stop()
        self.leave_edit.setFocus()
        # Left open by mistake: back to the list after a while.
        self._leave_timer.start(LEAVE_TIMEOUT_MS)

    def _word_typed(self) -> bool:
        if fold(self.leave_edit.text()) == fold(self.leave_word()):
            return True
        self.leave_error_label.setText(self.tr("Type {word} first.").format(word=self.leave_word()))
        self.leave_edit.selectAll()
        self.leave_edit.setFocus()
        return False

    def _try_leave(self) -> bool:
        if not self._word_typed():
            return False
        self._unlocked = True
        self.close()
        return True

    def is_locked(self) -> bool:
        return not self._unlocked

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape leads nowhere; any other key the page does not take is dropped too.
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._unlocked:
            # Alt+F4, the window manager's close button, a stray close(): ignored.
            event.ignore()
            return
        self._idle_timer.stop()
        self._thanks_timer.stop()
        self._leave_timer.stop()
        if self._news:
            self.ctx.notify(*sorted(self._news))
        QCoreApplication.setAttribute(
            Qt.ApplicationAttribute.AA_CompressHighFrequencyEvents, self._compressed
        )
        event.accept()
        self.left.emit(self.signed_here)
