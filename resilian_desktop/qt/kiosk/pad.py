"""The box a participant signs in, with a mouse, a finger or a pen.

Points are kept as the pen gave them (pad pixels, milliseconds since the first
point, pressure when a pen gives it); they are drawn with the same smoothing as
the stored image (domain.ink), so what is signed is what is kept.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QPointF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPointingDevice,
    QTabletEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from resilian_desktop.domain import ink

PAPER = QColor("#ffffff")
BORDER = QColor("#8a94a6")
BASELINE = QColor("#c5ccd8")
INK = QColor(*ink.INK)
PEN_WIDTH = 3.5  # on screen, at pressure 1


class SignaturePad(QWidget):
    """Collects strokes; `changed` is emitted after each stroke and on clear()."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(420, 180)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        # Touch arrives as mouse events (Qt synthesises them); a pen as tablet
        # events, handled first for their pressure.
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, False)
        self.strokes: list[list[list[float]]] = []
        self._drawing = False
        self._clock = QElapsedTimer()

    # --- what was signed ------------------------------------------------------

    def clear(self) -> None:
        self.strokes = []
        self._drawing = False
        self.update()
        self.changed.emit()

    def is_signed(self) -> bool:
        return ink.is_signature(self.strokes)

    # --- input ----------------------------------------------------------------

    def _point(self, position: QPointF, pressure: float | None) -> list[float]:
        if not self._clock.isValid():
            self._clock.start()
        point = [round(position.x(), 1), round(position.y(), 1), float(self._clock.elapsed())]
        if pressure is not None:
            point.append(round(max(0.05, min(pressure, 1.0)), 2))
        return point

    def _press(self, position: QPointF, pressure: float | None) -> None:
        self._drawing = True
        self.strokes.append([self._point(position, pressure)])
        self.update()

    def _move(self, position: QPointF, pressure: float | None) -> None:
        if not self._drawing:
            return
        last = self.strokes[-1][-1]
        # Mice report sub-pixel jitter: a point less than a pixel away adds nothing.
        if abs(position.x() - last[0]) < 1 and abs(position.y() - last[1]) < 1:
            return
        self.strokes[-1].append(self._point(position, pressure))
        self.update()

    def _release(self, position: QPointF, pressure: float | None) -> None:
        if not self._drawing:
            return
        self._move(position, pressure)
        self._drawing = False
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press(event.position(), None)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._move(event.position(), None)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._release(event.position(), None)
        event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        # A pen's eraser end clears, as people expect of it.
        if event.pointerType() == QPointingDevice.PointerType.Eraser:
            if event.type() == QTabletEvent.Type.TabletPress:
                self.clear()
            event.accept()
            return
        pressure = event.pressure()
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._press(event.position(), pressure)
        elif kind == QTabletEvent.Type.TabletMove:
            self._move(event.position(), pressure)
        elif kind == QTabletEvent.Type.TabletRelease:
            self._release(event.position(), pressure)
        # Accepted: Qt then sends no mouse event for it, so no point twice.
        event.accept()

    # --- drawing ----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self.rect().adjusted(1, 1, -2, -2)
        painter.fillRect(self.rect(), PAPER)
        painter.setPen(QPen(BORDER, 2))
        painter.drawRoundedRect(area, 8, 8)
        # A line to sign on, a quarter from the bottom, as on a paper form.
        baseline = area.bottom() - area.height() // 4
        painter.setPen(QPen(BASELINE, 2, Qt.PenStyle.DashLine))
        painter.drawLine(area.left() + 24, baseline, area.right() - 24, baseline)
        for stroke in self.strokes:
            pressures = [ink.pressure_of(p) for p in stroke]
            for index, (start, control, end) in enumerate(ink.smooth_segments(stroke)):
                width = PEN_WIDTH * (0.45 + 0.55 * pressures[min(index + 1, len(pressures) - 1)])
                pen = QPen(
                    INK,
                    width,
                    Qt.PenStyle.SolidLine,
                    Qt.PenCapStyle.RoundCap,
                    Qt.PenJoinStyle.RoundJoin,
                )
                painter.setPen(pen)
                path = QPainterPath(QPointF(*start))
                if start == end:  # a dot
                    path.lineTo(QPointF(start[0] + 0.01, start[1]))
                else:
                    path.quadTo(QPointF(*control), QPointF(*end))
                painter.drawPath(path)
        painter.end()
