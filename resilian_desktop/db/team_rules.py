"""The team's rules as PostgreSQL objects: group roles, grants, row-level security.

``team init`` (services.team) runs :func:`init_statements` on a PostgreSQL
database, as its owner, in one transaction; every statement can run again
(roles created when missing, grants revoked then given, policies, functions
and triggers replaced), so running it twice, or after an upgrade that added a
table, is safe. Nothing here runs on SQLite: a local file has one user.

Three group roles per database, named after it (``<database>_admin``,
``<database>_officer``, ``<database>_reader``): roles belong to the whole
server, and a server that holds two databases (two agencies, a test copy)
must not let an officer of one act in the other through a shared group. The
database's CONNECT is taken from PUBLIC and given to the three groups, so a
login of the server that is no member cannot even connect.

The rules (README, "Team database"):

- the *network* tables (organisations, contacts, memberships, topics, the
  erasure register): everyone reads, officers and admins write;
- the *programme* tables (meetings, taskforces and what hangs from them:
  attendance, topics of a meeting, signatures, attachments, roadmap actions,
  taskforce members and origins): admins read and write all; officers read
  all (the networks overlap) and write those of their own programmes; readers
  read those of their own programmes;
- programmes and funders: everyone reads (names shown beside any
  organisation's memberships), admins write;
- the team's own table: admins read and write; each other user reads only
  their own rows;
- any other table (one a later version adds before ``team init`` runs again):
  everyone reads, admins write.

Row-level security decides which rows a user sees and which rows an officer
may create (WITH CHECK). PostgreSQL *skips* without a word the rows an UPDATE
or DELETE policy excludes, so an officer's change to another programme's
meeting would "succeed" having changed nothing; a trigger before UPDATE and
DELETE refuses it instead with SQLSTATE 42501 (insufficient_privilege), the
code the application turns into one line (db.access).
"""

from __future__ import annotations

from dataclasses import dataclass

# Tables whose rows belong to a programme, and how: the column holding the
# programme, or the meeting or taskforce that does.
PROGRAMME_COLUMN = {"meeting": "programme_id", "taskforce": "programme_id"}
THROUGH_MEETING = ("attendance", "meeting_topic", "signature", "meeting_attachment")
THROUGH_TASKFORCE = ("roadmap_action", "taskforce_origin", "taskforce_member")
NETWORK_TABLES = (
    "organisation",
    "person",
    "membership",
    "organisation_topic",
    "topic",
    "erasure_record",
)
ADMIN_TABLES = ("programme", "programme_funder", "team_member")
# Kept in step with the other tables by every write (db.search_index): who
# writes a record writes its index row.
SEARCH_TABLE = "search_index"
READ_ONLY_TABLES = ("alembic_version",)

ROLES = ("admin", "officer", "reader")


def classified_tables() -> frozenset[str]:
    """Every table these rules name; any other is read by all and written by admins."""
    return frozenset(
        {
            *PROGRAMME_COLUMN,
            *THROUGH_MEETING,
            *THROUGH_TASKFORCE,
            *NETWORK_TABLES,
            *ADMIN_TABLES,
            *READ_ONLY_TABLES,
            SEARCH_TABLE,
        }
    )


WRITES = "SELECT, INSERT, UPDATE, DELETE"
MAX_IDENTIFIER = 63  # PostgreSQL cuts longer names without an error


class TeamNameError(ValueError):
    """A database or user name that cannot name PostgreSQL roles safely."""


def quote(name: str) -> str:
    """*name* as a PostgreSQL identifier, always quoted."""
    if not name or "\x00" in name:
        raise TeamNameError("an empty name, or one with a NUL character")
    return '"' + name.replace('"', '""') + '"'


def literal(text: str) -> str:
    """*text* as a PostgreSQL string literal (standard_conforming_strings is on)."""
    if "\x00" in text:
        raise TeamNameError("a NUL character")
    return "'" + text.replace("'", "''") + "'"


@dataclass(frozen=True)
class TeamRoles:
    """The three group roles of one database."""

    database: str

    def __post_init__(self) -> None:
        if len(self.group("officer").encode()) > MAX_IDENTIFIER:
            raise TeamNameError(
                f"the database name {self.database!r} is too long to name its roles "
                f"({MAX_IDENTIFIER - len('_officer')} bytes at most)"
            )

    def group(self, role: str) -> str:
        if role not in ROLES:
            raise ValueError(role)
        return f"{self.database}_{role}"

    def all_groups(self) -> tuple[str, ...]:
        return tuple(self.group(r) for r in ROLES)


def _mine() -> str:
    # The programmes of the connected user, read by each policy; the team
    # table's own policy lets every user read their rows.
    return "(SELECT programme_id FROM team_member WHERE db_user = current_user)"


def _readable_meetings() -> str:
    # A subquery on meeting is itself held by meeting's policies: the rows
    # hanging from a meeting are visible exactly when the meeting is.
    return "(SELECT id FROM meeting)"


def _writable(link: str) -> str:
    """The condition an officer's new or changed row must meet, by its link column."""
    if link == "programme_id":
        return f"programme_id IN {_mine()}"
    if link == "meeting_id":
        return f"meeting_id IN (SELECT id FROM meeting WHERE programme_id IN {_mine()})"
    return f"taskforce_id IN (SELECT id FROM taskforce WHERE programme_id IN {_mine()})"


def _readable_by_reader(link: str) -> str:
    if link == "programme_id":
        return f"programme_id IN {_mine()}"
    if link == "meeting_id":
        return f"meeting_id IN {_readable_meetings()}"
    return "taskforce_id IN (SELECT id FROM taskforce)"


def _policy(
    table: str,
    name: str,
    command: str,
    *roles: str,
    using: str | None,
    check: str | None,
) -> list[str]:
    to = ", ".join(quote(r) for r in roles)
    parts = [f"CREATE POLICY {quote(name)} ON {quote(table)} FOR {command} TO {to}"]
    if using is not None:
        parts.append(f"USING ({using})")
    if check is not None:
        parts.append(f"WITH CHECK ({check})")
    return [f"DROP POLICY IF EXISTS {quote(name)} ON {quote(table)}", " ".join(parts)]


def _programme_links() -> dict[str, str]:
    links = dict(PROGRAMME_COLUMN)
    links.update(dict.fromkeys(THROUGH_MEETING, "meeting_id"))
    links.update(dict.fromkeys(THROUGH_TASKFORCE, "taskforce_id"))
    return links


def guard_function(roles: TeamRoles) -> str:
    """The trigger function that refuses an officer's change to a row of another programme."""
    admin, officer = literal(roles.group("admin")), literal(roles.group("officer"))
    return f"""
CREATE OR REPLACE FUNCTION resilian_team_guard() RETURNS trigger
LANGUAGE plpgsql AS $guard$
DECLARE
    link text := TG_ARGV[0];
    linked bigint := (to_jsonb(OLD) ->> link)::bigint;
    programme bigint;
BEGIN
    -- Admins (and superusers, members of every role) pass; only officers
    -- hold write grants on these tables besides them.
    IF pg_has_role(current_user, {admin}, 'MEMBER')
       OR NOT pg_has_role(current_user, {officer}, 'MEMBER') THEN
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    IF link = 'programme_id' THEN
        programme := linked;
    ELSIF link = 'meeting_id' THEN
        SELECT m.programme_id INTO programme FROM meeting m WHERE m.id = linked;
    ELSE
        SELECT t.programme_id INTO programme FROM taskforce t WHERE t.id = linked;
    END IF;
    IF programme IS NULL OR programme NOT IN {_mine()} THEN
        RAISE EXCEPTION USING
            ERRCODE = 'insufficient_privilege',
            MESSAGE = format(
                'user %s may not change %s rows of programme %s (%s), not one of their programmes',
                current_user, TG_TABLE_NAME, programme,
                (SELECT p.name FROM programme p WHERE p.id = programme)
            );
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$guard$"""


def init_statements(roles: TeamRoles, tables: set[str], schema: str = "public") -> list[str]:
    """Every statement of ``team init`` for a database holding *tables*, in order.

    Run by the tables' owner: row-level security and policies are the
    owner's to set. The owner is not held by them (it is not in the groups),
    which is how migrations keep working.
    """
    admin, officer, reader = (roles.group(r) for r in ROLES)
    groups = ", ".join(quote(g) for g in roles.all_groups())
    database = quote(roles.database)
    statements: list[str] = []
    for group in roles.all_groups():
        statements.append(
            "DO $create$ BEGIN "
            f"IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {literal(group)}) THEN "
            f"CREATE ROLE {quote(group)} NOLOGIN; END IF; END $create$"
        )
    statements += [
        f"REVOKE CONNECT, TEMPORARY ON DATABASE {database} FROM PUBLIC",
        f"GRANT CONNECT ON DATABASE {database} TO {groups}",
        f"REVOKE CREATE ON SCHEMA {quote(schema)} FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA {quote(schema)} TO {groups}",
        # Start from nothing, so that running init again after a table moved
        # category leaves no old grant behind.
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {quote(schema)} FROM {groups}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {quote(schema)} FROM {groups}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {quote(schema)} TO {quote(officer)}",
        # Admins also move sequences past ids written as they are (copy-to, the demo).
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {quote(schema)} TO {quote(admin)}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {quote(schema)} TO {groups}",
    ]
    links = _programme_links()
    for table in sorted(tables):
        if table in READ_ONLY_TABLES:
            continue  # read by all (the schema's revision), written by the owner's migrations
        statements.append(f"GRANT {WRITES} ON {quote(table)} TO {quote(admin)}")
        if table in NETWORK_TABLES or table in links or table == SEARCH_TABLE:
            statements.append(f"GRANT {WRITES} ON {quote(table)} TO {quote(officer)}")
    statements.append(guard_function(roles))
    for table, link in links.items():
        if table not in tables:
            continue
        statements += [
            f"ALTER TABLE {quote(table)} ENABLE ROW LEVEL SECURITY",
            *_policy(table, f"{table}_admin", "ALL", admin, using="true", check="true"),
            *_policy(table, f"{table}_officer_read", "SELECT", officer, using="true", check=None),
            *_policy(
                table,
                f"{table}_officer_insert",
                "INSERT",
                officer,
                using=None,
                check=_writable(link),
            ),
            # USING true: the row is reached and the guard trigger refuses it
            # with an error; a narrower USING would skip it silently.
            *_policy(
                table,
                f"{table}_officer_update",
                "UPDATE",
                officer,
                using="true",
                check=_writable(link),
            ),
            *_policy(table, f"{table}_officer_delete", "DELETE", officer, using="true", check=None),
            *_policy(
                table,
                f"{table}_reader_read",
                "SELECT",
                reader,
                using=_readable_by_reader(link),
                check=None,
            ),
            f"DROP TRIGGER IF EXISTS resilian_team_guard ON {quote(table)}",
            f"CREATE TRIGGER resilian_team_guard BEFORE UPDATE OR DELETE ON {quote(table)} "
            f"FOR EACH ROW EXECUTE FUNCTION resilian_team_guard({literal(link)})",
        ]
    # Programmes and funders: read by all (their names are shown beside the
    # memberships of any organisation; nothing in them is private), written
    # by admins through their grants alone. Policies left by an earlier
    # version of these rules go.
    if "programme" in tables:
        statements += [
            "ALTER TABLE programme DISABLE ROW LEVEL SECURITY",
            *(
                f"DROP POLICY IF EXISTS {quote(name)} ON programme"
                for name in ("programme_admin", "programme_officer_read", "programme_reader_read")
            ),
        ]
    if "team_member" in tables:
        statements += [
            "ALTER TABLE team_member ENABLE ROW LEVEL SECURITY",
            *_policy("team_member", "team_member_admin", "ALL", admin, using="true", check="true"),
            *_policy(
                "team_member",
                "team_member_own",
                "SELECT",
                officer,
                reader,
                using="db_user = current_user",
                check=None,
            ),
        ]
    if SEARCH_TABLE in tables:
        # No row-level security on the search index: any policy that is not
        # plainly true keeps the planner from using its full-text index for
        # the search's match (a non-leakproof operator may not run before the
        # policy), and a reader's search took 9 times as long at scale 20
        # (benchmarks/bench_team_rls.py). The search drops the hits of records
        # the user may not read (services.search); the index rows themselves
        # (names, titles and dates) stay readable by every team user.
        table = SEARCH_TABLE
        statements += [
            f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY",
            *(
                f"DROP POLICY IF EXISTS {quote(f'{table}_{name}')} ON {table}"
                for name in ("admin", "officer", "reader_read")
            ),
        ]
    return statements
