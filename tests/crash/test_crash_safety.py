"""SIGKILL at several points of real work; every kill must leave sound files.

RESILIAN_CRASH_POINTS sets the number of points per scenario (default 4 in
the suite; run `python -m tests.crash.harness --points 40` for a long run).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.crash.harness import SCENARIOS

POINTS = int(os.environ.get("RESILIAN_CRASH_POINTS", "4"))

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_killed_work_leaves_all_or_nothing(scenario: str, tmp_path: Path) -> None:
    outcome = SCENARIOS[scenario](POINTS, tmp_path)
    assert outcome.failures == []
    assert outcome.tried == POINTS
    # At least one kill really interrupted the command, or the test proves nothing.
    assert outcome.interrupted >= 1
