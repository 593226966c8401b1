"""A team database on the test PostgreSQL server, prepared by its owner, and its users."""

from __future__ import annotations

import re
from pathlib import Path

from resilian_desktop import paths
from resilian_desktop.db.engine import Database
from resilian_desktop.db.storage import open_database
from resilian_desktop.services import team
from tests import factories, postgres


def as_user(url: str, user: str) -> str:
    """The same database's URL for another login."""
    return re.sub(r"^postgresql://[^@/]*@", f"postgresql://{user}@", url)


class Team:
    """A prepared team database: programmes A and B, one meeting in each, and its users."""

    def __init__(
        self, owner: Database, url: str, server: postgres.TestServer, tmp_path: Path
    ) -> None:
        self.owner = owner
        self.url = url
        self.server = server
        self.tmp_path = tmp_path
        self.opened: list[Database] = []
        self.a = factories.programme(owner, "Programme A").id
        self.b = factories.programme(owner, "Programme B").id
        self.meeting_a = factories.meeting(owner, self.a, title="Business corner A").id
        self.meeting_b = factories.meeting(owner, self.b, title="Business corner B").id
        self.contact = factories.contact(owner).id
        team.init_team(owner)

    def user(self, prefix: str, role: str, programmes: list[int]) -> str:
        # Logins belong to the whole server: a name of its own for each test.
        name = self.server.new_name(prefix)
        team.add_user(self.owner, name, role, programmes, password="secret one")
        return name

    def connect(self, name: str) -> Database:
        database = open_database(
            paths.database_location(as_user(self.url, name)), backup_dir=self.tmp_path
        )
        self.opened.append(database)
        return database

    def server_db_name(self) -> str:
        return self.url.split("@/", 1)[1].split("?")[0]

    def close(self) -> None:
        for database in self.opened:
            database.dispose()
