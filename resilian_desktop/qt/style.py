"""The platform's style with one correction: capital accents on tabs.

Fusion (Linux) draws the tabs behind the current one two pixels lower and
clips their text, which cut the accent off "Émargement". With no vertical
shift the text stays whole; the current tab is still raised by its frame.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget


class ApplicationStyle(QProxyStyle):
    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric == QStyle.PixelMetric.PM_TabBarTabShiftVertical:
            return 0
        return super().pixelMetric(metric, option, widget)


def install_style(app: QApplication) -> None:
    """Wrap the style *app* chose (the platform's own) in ApplicationStyle."""
    if not isinstance(app.style(), ApplicationStyle):
        app.setStyle(ApplicationStyle(app.style().name()))
