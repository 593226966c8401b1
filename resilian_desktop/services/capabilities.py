"""What the connected user may do, read from the server, so that the window can
show as disabled, with the reason, what the server would refuse.

The server enforces the rules (db.team_rules); this only foresees them. On a
local SQLite file, and for the owner of a team's tables (who is in none of
the team's groups), everything is allowed. Reasons are codes: the Qt layer
turns them into words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select, text

from resilian_desktop.db.models import TeamMember
from resilian_desktop.db.team_rules import ROLES, TeamNameError, TeamRoles

if TYPE_CHECKING:
    from resilian_desktop.db.engine import Database

# Reasons a change is refused (None: allowed).
READER = "reader"  # the user reads only
NOT_THEIR_PROGRAMME = "not_their_programme"  # an officer, another programme's record
ADMIN_ONLY = "admin_only"  # programmes, funders and users: admins only


@dataclass(frozen=True)
class Capabilities:
    """The connected user's role and programmes."""

    user: str | None  # the database user; None on a local file
    role: str  # "local", "owner", "admin", "officer" or "reader"
    programme_ids: frozenset[int] = frozenset()

    @property
    def unrestricted(self) -> bool:
        return self.role in ("local", "owner", "admin")

    def network_refusal(self) -> str | None:
        """Why the user may not change organisations, contacts, memberships and topics."""
        return READER if self.role == "reader" else None

    def programme_refusal(self, programme_id: int | None = None) -> str | None:
        """Why the user may not change meetings, attendance, taskforces and actions of
        *programme_id* (None: of any programme, e.g. a new record not yet placed)."""
        if self.unrestricted:
            return None
        if self.role == "reader":
            return READER
        if programme_id is None:
            return None if self.programme_ids else NOT_THEIR_PROGRAMME
        return None if programme_id in self.programme_ids else NOT_THEIR_PROGRAMME

    def admin_refusal(self) -> str | None:
        """Why the user may not change programmes, funders and users."""
        if self.unrestricted:
            return None
        return READER if self.role == "reader" else ADMIN_ONLY


LOCAL = Capabilities(user=None, role="local")


def capabilities(db: Database) -> Capabilities:
    """The connected user's capabilities, read from the server (everything on SQLite)."""
    if db.engine.dialect.name != "postgresql":
        return LOCAL
    with db.read() as session:
        user = str(session.execute(text("SELECT current_user")).scalar())
        try:
            roles = TeamRoles(str(session.execute(text("SELECT current_database()")).scalar()))
        except TeamNameError:
            return Capabilities(user=user, role="owner")  # no team can exist on that database
        held = set(
            session.execute(
                text(
                    "SELECT rolname FROM pg_roles WHERE rolname = ANY(:groups) "
                    "AND pg_has_role(current_user, oid, 'MEMBER')"
                ),
                {"groups": list(roles.all_groups())},
            ).scalars()
        )
        role = next((r for r in ROLES if roles.group(r) in held), "owner")
        programmes = frozenset(
            session.scalars(select(TeamMember.programme_id).where(TeamMember.db_user == user))
        )
    return Capabilities(user=user, role=role, programme_ids=programmes)
