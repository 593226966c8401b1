"""Qt fixtures: an application in French, as the officer sees it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from resilian_desktop.app import install_translators


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path, qapp: QApplication) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """QSettings go to a scratch folder, never the developer's own."""
    QCoreApplication.setOrganizationName("RESILIAN-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield


@pytest.fixture
def french(qapp: QApplication) -> Iterator[list[QTranslator]]:
    translators = install_translators(qapp, "fr")
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
