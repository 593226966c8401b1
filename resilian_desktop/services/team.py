"""A team's database on a PostgreSQL server: its users, their roles and programmes.

``init_team`` prepares the database (db.team_rules: group roles, grants,
row-level security); ``add_user``, ``remove_user`` and ``list_users`` manage
who may do what. Each call is one transaction: roles, grants and the team
table change together or not at all. The rules themselves are the server's,
so a user who connects with another client is held by them too.

Only on PostgreSQL: a local SQLite file has one user, who may do everything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from resilian_desktop.db.models import Programme, TeamMember
from resilian_desktop.db.team_rules import (
    MAX_IDENTIFIER,
    ROLES,
    TeamNameError,
    TeamRoles,
    classified_tables,
    init_statements,
    literal,
    quote,
)
from resilian_desktop.domain.errors import ResilianError

if TYPE_CHECKING:
    from resilian_desktop.db.engine import Database


class TeamError(ResilianError):
    """A team command that cannot be done as asked; nothing was changed."""


@dataclass(frozen=True)
class TeamInit:
    database: str
    groups: tuple[str, ...]
    tables: int
    # Tables the rules do not name (added by a later version): read by all, written by admins.
    unclassified: tuple[str, ...]


@dataclass(frozen=True)
class TeamUser:
    name: str
    role: str
    programme_ids: tuple[int, ...]
    can_login: bool


@dataclass(frozen=True)
class AddedUser:
    user: TeamUser
    created: bool  # a new login; False: an existing login given access


@dataclass(frozen=True)
class RemovedUser:
    name: str
    role: str
    login_dropped: bool
    kept_because: str  # why the login stays, when it does


def is_server(db: Database) -> bool:
    return db.engine.dialect.name == "postgresql"


def require_server(db: Database) -> None:
    if not is_server(db):
        raise TeamError(
            "team commands need a PostgreSQL database (--db postgresql://…); "
            "a local SQLite file has one user, who may do everything"
        )


def _run(session: Session, statement: str) -> None:
    """Run DDL composed here as it is: through the driver, whose statement
    without parameters is not scanned for placeholders (a password hash, a
    format string in a function body)."""
    driver: Any = session.connection().connection.driver_connection
    driver.execute(statement)


def _scalar(session: Session, sql: str, **params: Any) -> Any:
    return session.execute(text(sql), params).scalar()


def _roles(session: Session) -> TeamRoles:
    try:
        return TeamRoles(str(_scalar(session, "SELECT current_database()")))
    except TeamNameError as error:
        raise TeamError(str(error)) from None


def _tables(session: Session) -> set[str]:
    return set(
        session.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        ).scalars()
    )


def init_team(db: Database) -> TeamInit:
    """Create or refresh the team's roles, grants and policies; safe to run again."""
    require_server(db)
    with db.write() as session:
        roles = _roles(session)
        me = str(_scalar(session, "SELECT current_user"))
        foreign = list(
            session.execute(
                text(
                    "SELECT tablename, tableowner FROM pg_tables "
                    "WHERE schemaname = current_schema() AND tableowner <> current_user"
                )
            )
        )
        superuser = bool(
            _scalar(session, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        )
        if foreign and not superuser:
            table, owner = foreign[0]
            raise TeamError(
                f"team init must be run by the owner of the database's tables ({owner}, "
                f"who owns {table}); connected as {me}; nothing was changed"
            )
        may_create = _scalar(
            session,
            "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user",
        )
        if not may_create:
            raise TeamError(
                f"team init creates roles: {me} needs the CREATEROLE attribute "
                "(ALTER ROLE … CREATEROLE, by a superuser); nothing was changed"
            )
        tables = _tables(session)
        for statement in init_statements(roles, tables):
            _run(session, statement)
    return TeamInit(
        database=roles.database,
        groups=roles.all_groups(),
        tables=len(tables),
        unclassified=tuple(sorted(tables - classified_tables())),
    )


def _check_name(roles: TeamRoles, name: str) -> None:
    if not name or len(name.encode()) > MAX_IDENTIFIER or any(ord(c) < 32 for c in name):
        raise TeamError(
            f"{name!r} cannot be a database user name "
            f"(1 to {MAX_IDENTIFIER} bytes, no control characters)"
        )
    if name.startswith("pg_") or name in roles.all_groups():
        raise TeamError(f"{name!r} is a name PostgreSQL or the team's groups keep for themselves")


def _require_init(session: Session, roles: TeamRoles) -> None:
    found = set(
        session.execute(
            text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"),
            {"names": list(roles.all_groups())},
        ).scalars()
    )
    if len(found) < len(ROLES):
        raise TeamError(
            f"the database {roles.database} is not prepared for a team: "
            "run team init first (as the owner of its tables)"
        )


def _roles_held(session: Session, roles: TeamRoles, name: str) -> set[str]:
    """The team roles granted to *name* in this database (directly)."""
    groups = {roles.group(r): r for r in ROLES}
    held = session.execute(
        text(
            "SELECT g.rolname FROM pg_auth_members m "
            "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
            "WHERE u.rolname = :name AND g.rolname = ANY(:groups)"
        ),
        {"name": name, "groups": list(groups)},
    ).scalars()
    return {groups[g] for g in held}


def _widest(held: set[str]) -> str | None:
    # One role a user; if someone granted two by hand, the widest one speaks.
    return next((r for r in ROLES if r in held), None)


def _role_of(session: Session, roles: TeamRoles, name: str) -> str | None:
    """The team role *name* holds in this database, or None."""
    return _widest(_roles_held(session, roles, name))


def _programmes(session: Session, name: str) -> tuple[int, ...]:
    return tuple(
        session.scalars(
            select(TeamMember.programme_id)
            .where(TeamMember.db_user == name)
            .order_by(TeamMember.programme_id)
        )
    )


def add_user(
    db: Database,
    name: str,
    role: str,
    programme_ids: Iterable[int] = (),
    password: str | None = None,
) -> AddedUser:
    """Give *name* the team role *role* (admin, officer or reader) and these programmes.

    A login that does not exist yet is created with *password* (sent to the
    server already hashed with SCRAM-SHA-256, so the clear text is neither
    stored nor logged); an existing one keeps its password. Its programmes
    replace those it had.
    """
    require_server(db)
    if role not in ROLES:
        raise TeamError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    wanted = sorted(set(programme_ids))
    with db.write() as session:
        roles = _roles(session)
        _check_name(roles, name)
        _require_init(session, roles)
        missing = sorted(
            set(wanted) - set(session.scalars(select(Programme.id).where(Programme.id.in_(wanted))))
        )
        if missing:
            raise TeamError(
                f"programme {', '.join(map(str, missing))} does not exist; nothing was changed"
            )
        existing = session.execute(
            text("SELECT rolsuper, rolcanlogin FROM pg_roles WHERE rolname = :name"),
            {"name": name},
        ).first()
        if existing is not None and existing[0]:
            raise TeamError(
                f"{name} is a superuser of the server, whom no rule holds; "
                "give the team a login of its own"
            )
        if existing is None:
            if not password:
                raise TeamError(f"{name} is a new login: give a password; nothing was changed")
            _run(
                session,
                f"CREATE ROLE {quote(name)} LOGIN PASSWORD "
                f"{literal(_scram(session, name, password))}",
            )
        held = _roles_held(session, roles, name)
        previous = _widest(held)
        for other in held - {role}:
            _run(session, f"REVOKE {quote(roles.group(other))} FROM {quote(name)}")
        if role not in held:
            _run(session, f"GRANT {quote(roles.group(role))} TO {quote(name)}")
        # Admins manage the team's users: creating and dropping logins needs
        # CREATEROLE, an attribute of the login itself (attributes are not
        # inherited from a group).
        if role == "admin":
            _run(session, f"ALTER ROLE {quote(name)} CREATEROLE")
        elif previous == "admin":
            _run(session, f"ALTER ROLE {quote(name)} NOCREATEROLE")
        session.execute(delete(TeamMember).where(TeamMember.db_user == name))
        if wanted:
            session.execute(
                insert(TeamMember), [{"db_user": name, "programme_id": p} for p in wanted]
            )
        can_login = existing is None or bool(existing[1])
    return AddedUser(TeamUser(name, role, tuple(wanted), can_login), created=existing is None)


def _scram(session: Session, name: str, password: str) -> str:
    """*password* hashed by libpq for the server (SCRAM-SHA-256): never sent in clear."""
    driver: Any = session.connection().connection.driver_connection
    hashed: bytes = driver.pgconn.encrypt_password(
        password.encode(), name.encode(), b"scram-sha-256"
    )
    return hashed.decode("ascii")


def remove_user(db: Database, name: str) -> RemovedUser:
    """Take every team role and programme from *name*; drop the login when nothing else uses it.

    Rows the user created or changed are not touched: they stay, and their
    history keeps the user's name.
    """
    require_server(db)
    with db.write() as session:
        roles = _roles(session)
        _require_init(session, roles)
        role = _role_of(session, roles, name)
        if role is None and not _programmes(session, name):
            raise TeamError(f"{name} is not a user of the database {roles.database}")
        if name == _scalar(session, "SELECT current_user"):
            raise TeamError(f"{name} is the user connected: another admin must remove them")
        for held in _roles_held(session, roles, name):
            _run(session, f"REVOKE {quote(roles.group(held))} FROM {quote(name)}")
        session.execute(delete(TeamMember).where(TeamMember.db_user == name))
        kept_because = _why_login_stays(session, name)
        if not kept_because:
            try:
                with session.begin_nested():
                    _run(session, f"DROP ROLE {quote(name)}")
            except DBAPIError as error:
                # It owns objects or holds grants elsewhere on the server
                # (another database): its access here is gone all the same.
                kept_because = f"the server refused to drop it ({_first_line(error)})"
    return RemovedUser(name, role or "none", not kept_because, kept_because)


def _why_login_stays(session: Session, name: str) -> str:
    exists = _scalar(session, "SELECT 1 FROM pg_roles WHERE rolname = :name", name=name)
    if not exists:
        return "it no longer exists"
    others = list(
        session.execute(
            text(
                "SELECT g.rolname FROM pg_auth_members m "
                "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
                "WHERE u.rolname = :name ORDER BY 1"
            ),
            {"name": name},
        ).scalars()
    )
    if others:
        return f"it is still a member of {', '.join(others)} (another database or use)"
    return ""


def _first_line(error: BaseException) -> str:
    orig = getattr(error, "orig", error)
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__


def login_exists(db: Database, name: str) -> bool:
    """Whether the server has a role called *name* (so add-user needs no password)."""
    require_server(db)
    with db.read() as session:
        return bool(_scalar(session, "SELECT 1 FROM pg_roles WHERE rolname = :name", name=name))


def list_users(db: Database) -> list[TeamUser]:
    """The team's users, by name: role, programmes, whether the login may connect."""
    require_server(db)
    with db.read() as session:
        roles = _roles(session)
        groups = {roles.group(r): r for r in ROLES}
        rows = session.execute(
            text(
                "SELECT u.rolname, g.rolname, u.rolcanlogin FROM pg_auth_members m "
                "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
                "WHERE g.rolname = ANY(:groups) ORDER BY u.rolname"
            ),
            {"groups": list(groups)},
        ).all()
        by_user: dict[str, tuple[str, bool]] = {}
        for user, group, can_login in rows:
            role = groups[group]
            current = by_user.get(user)
            if current is None or ROLES.index(role) < ROLES.index(current[0]):
                by_user[user] = (role, bool(can_login))
        programmes: dict[str, list[int]] = {}
        for user, programme in session.execute(
            select(TeamMember.db_user, TeamMember.programme_id).order_by(TeamMember.programme_id)
        ):
            programmes.setdefault(user, []).append(programme)
    return [
        TeamUser(user, role, tuple(programmes.get(user, ())), can_login)
        for user, (role, can_login) in sorted(by_user.items())
    ]
