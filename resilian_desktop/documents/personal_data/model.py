"""Everything held about one person (RGPD access request), as plain JSON-ready data.

services.privacy.person_data builds it: a dict with "person", "organisation",
"attendance", "taskforces" ... and "exported_at". It stays a dict because the
JSON file is that very structure, written as it is.
"""

from __future__ import annotations

from typing import Any, TypeAlias

PersonalData: TypeAlias = dict[str, Any]
