"""Regression: PySide6 6.12.0 on CPython 3.11 lost a reference to None on every
Python-side index.data() call that returned None, and aborted after a few
thousand ("none_dealloc"). The pin in pyproject.toml avoids it; this proves it."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt

from resilian_desktop.db.engine import Database
from resilian_desktop.qt.list_model import LazyListModel
from resilian_desktop.services.listings import SPECS
from tests import factories as f


def test_ten_thousand_data_calls_returning_none_keep_none_alive(db: Database) -> None:
    f.organisation(db)
    model = LazyListModel(db, SPECS["organisations"], {})
    index = model.index(0, 0)
    assert index.data(Qt.ItemDataRole.DecorationRole) is None
    before = sys.getrefcount(None)
    for _ in range(10_000):
        assert index.data(Qt.ItemDataRole.DecorationRole) is None
    after = sys.getrefcount(None)
    # Immortal on 3.12+; on 3.11 the bug shows as a drop of about 10,000.
    assert after >= before - 100
