"""Who writes: the database user, recorded in created_by / updated_by.

On PostgreSQL that is the role the session runs as (``CURRENT_USER``, read by
the server, so it follows ``SET ROLE`` and cannot be claimed by the client);
SQLite has no users, so it is the login name of the operating system account
running the application (``paths.login_name()``).

``database_user()`` is a SQL expression, used as the columns' default and
onupdate: it is written inside each INSERT and UPDATE statement, ORM or not,
and costs nothing per row.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from resilian_desktop.paths import login_name


class database_user(FunctionElement[str]):
    """The database user, as an SQL expression."""

    type = String()
    name = "database_user"
    inherit_cache = True


@compiles(database_user)
def _current_user(_element: database_user, _compiler: Any, **_kw: Any) -> str:
    return "CURRENT_USER"


def os_user_literal() -> str:
    """The login name as an SQL string literal (quotes doubled)."""
    return "'" + login_name().replace("'", "''") + "'"


@compiles(database_user, "sqlite")
def _os_user(_element: database_user, _compiler: Any, **_kw: Any) -> str:
    # A literal: the same for the whole process, so cached statements stay right.
    return os_user_literal()
