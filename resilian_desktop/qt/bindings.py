"""Each record form's simple fields, declared once.

A ``Field`` ties one attribute of the service's row and draft (also the name
its problems carry) to one widget of the form's Designer ``ui``. Its ``Kind``
knows how that sort of widget is emptied, shown a value, read and watched, so
the shared form code (``RecordForm``) clears, shows, builds the draft's simple
values, tracks changes and places problems from one table per form. Lists of
topics, memberships, attendance and other compound parts stay in the forms.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from resilian_desktop.qt.pickers import RecordLookup
from resilian_desktop.qt.widgets import DateField, format_time, select_data


def _text(value: object) -> str:
    return "" if value is None else str(value)


class Kind:
    """How one sort of widget is shown a value, read and watched."""

    def show(self, widget: Any, value: Any) -> None:
        raise NotImplementedError

    def read(self, widget: Any, default: Any) -> Any:
        raise NotImplementedError

    def connect(self, widget: Any, slot: Callable[..., None]) -> None:
        raise NotImplementedError


class _LineText(Kind):
    """A QLineEdit holding text; an empty field reads as the field's default."""

    def show(self, widget: QLineEdit, value: Any) -> None:
        widget.setText(_text(value))

    def read(self, widget: QLineEdit, default: Any) -> Any:
        return widget.text() or _text(default)

    def connect(self, widget: QLineEdit, slot: Callable[..., None]) -> None:
        widget.textChanged.connect(slot)


class _PlainText(Kind):
    def show(self, widget: QPlainTextEdit, value: Any) -> None:
        widget.setPlainText(_text(value))

    def read(self, widget: QPlainTextEdit, default: Any) -> Any:
        return widget.toPlainText()

    def connect(self, widget: QPlainTextEdit, slot: Callable[..., None]) -> None:
        widget.textChanged.connect(slot)


class _Code(Kind):
    """A combo box whose items carry codes; reads the chosen code as text."""

    def show(self, widget: QComboBox, value: Any) -> None:
        select_data(widget, value)

    def read(self, widget: QComboBox, default: Any) -> Any:
        return str(widget.currentData())

    def connect(self, widget: QComboBox, slot: Callable[..., None]) -> None:
        widget.currentIndexChanged.connect(slot)


class _OptionalCode(_Code):
    """A combo box whose first item is "none": reads None there."""

    def read(self, widget: QComboBox, default: Any) -> Any:
        return widget.currentData()


class _Date(Kind):
    """A DateField; the service parses the text, empty reads as None."""

    def show(self, widget: DateField, value: Any) -> None:
        widget.set_date(value)

    def read(self, widget: DateField, default: Any) -> Any:
        return widget.text() or None

    def connect(self, widget: DateField, slot: Callable[..., None]) -> None:
        widget.textChanged.connect(slot)


class _Time(Kind):
    """A QLineEdit holding a time as hh:mm; empty reads as None."""

    def show(self, widget: QLineEdit, value: Any) -> None:
        widget.setText(format_time(value))

    def read(self, widget: QLineEdit, default: Any) -> Any:
        return widget.text() or None

    def connect(self, widget: QLineEdit, slot: Callable[..., None]) -> None:
        widget.textChanged.connect(slot)


class _Check(Kind):
    def show(self, widget: QCheckBox, value: Any) -> None:
        widget.setChecked(bool(value))

    def read(self, widget: QCheckBox, default: Any) -> Any:
        return widget.isChecked()

    def connect(self, widget: QCheckBox, slot: Callable[..., None]) -> None:
        widget.toggled.connect(slot)


class _Spin(Kind):
    def show(self, widget: QSpinBox, value: Any) -> None:
        widget.setValue(widget.minimum() if value is None else int(value))

    def read(self, widget: QSpinBox, default: Any) -> Any:
        return widget.value()

    def connect(self, widget: QSpinBox, slot: Callable[..., None]) -> None:
        widget.valueChanged.connect(slot)


class _Lookup(Kind):
    """A RecordLookup: shown an (id, name) pair, reads the chosen record's id."""

    def show(self, widget: RecordLookup, value: Any) -> None:
        record_id, name = value
        widget.set_record(record_id, _text(name))

    def read(self, widget: RecordLookup, default: Any) -> Any:
        return widget.record_id

    def connect(self, widget: RecordLookup, slot: Callable[..., None]) -> None:
        widget.record_changed.connect(slot)
        widget.textEdited.connect(slot)


LINE = _LineText()
PLAIN = _PlainText()
CODE = _Code()
OPTIONAL_CODE = _OptionalCode()
DATE = _Date()
TIME = _Time()
CHECK = _Check()
SPIN = _Spin()
LOOKUP = _Lookup()


@dataclass(frozen=True)
class Field:
    """One attribute of the row and draft, shown by the widget ``ui.<widget>``.

    *default*: the value of a new record (a prefill of the same name wins).
    *label*: for a lookup, the attribute (of the row and the prefill) naming
    the record chosen. *shown*: turns the stored value into the text shown.
    *problems*: False for a field whose problems go to the general label.
    """

    name: str
    widget: str
    kind: Kind
    default: Any = None
    label: str | None = None
    shown: Callable[[Any], Any] | None = None
    problems: bool = True


class Binding:
    """The fields of one form bound to the widgets of its ``ui``."""

    def __init__(self, ui: object, fields: Iterable[Field]) -> None:
        self.fields = tuple(fields)
        self.widgets: dict[str, QWidget] = {f.name: getattr(ui, f.widget) for f in self.fields}

    def _show(self, field: Field, value: Any, label: Any) -> None:
        if field.shown is not None:
            value = field.shown(value)
        field.kind.show(self.widgets[field.name], (value, label) if field.label else value)

    def clear(self, prefill: Mapping[str, Any]) -> None:
        """Show a new record: each field's default, or its prefilled value."""
        for field in self.fields:
            label = prefill.get(field.label, "") if field.label else None
            self._show(field, prefill.get(field.name, field.default), label)

    def show(self, row: object) -> None:
        for field in self.fields:
            label = getattr(row, field.label) if field.label else None
            self._show(field, getattr(row, field.name), label)

    def values(self) -> dict[str, Any]:
        """The draft's values as typed, by attribute name."""
        return {
            field.name: field.kind.read(self.widgets[field.name], field.default)
            for field in self.fields
        }

    def connect(self, slot: Callable[..., None]) -> None:
        """Call *slot* whenever any bound field is edited."""
        for field in self.fields:
            field.kind.connect(self.widgets[field.name], slot)

    def problem_widgets(self) -> dict[str, QWidget]:
        """The widgets beside which each field's problems are shown."""
        return {f.name: self.widgets[f.name] for f in self.fields if f.problems}
