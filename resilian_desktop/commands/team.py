"""`team`: a team's database on a PostgreSQL server: prepare it, add, remove and list users."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from resilian_desktop import paths
from resilian_desktop.commands.common import opened_database, print_json
from resilian_desktop.domain.errors import ResilianError

# Where `team add-user` reads a new login's password when not from a prompt.
PASSWORD_ENV = "RESILIAN_USER_PASSWORD"
ROLE_CHOICES = ("admin", "officer", "reader")


def register(commands: Any) -> None:
    team: argparse.ArgumentParser = commands.add_parser(
        "team", help="users and roles of a team's PostgreSQL database"
    )
    actions = team.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init", help="create the team's roles, grants and row-level security (run again safely)"
    )
    init.set_defaults(handler=cmd_init)
    add = actions.add_parser(
        "add-user",
        help="create a login (password from a prompt, standard input or "
        f"${PASSWORD_ENV}) or give an existing one access",
    )
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=ROLE_CHOICES)
    add.add_argument(
        "--programme",
        type=int,
        action="append",
        default=[],
        metavar="ID",
        help="a programme the user writes (officer) or reads (reader); repeat for several",
    )
    add.set_defaults(handler=cmd_add_user)
    remove = actions.add_parser(
        "remove-user", help="take a user's access away; the rows they wrote stay"
    )
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(handler=cmd_remove_user)
    listing = actions.add_parser("list", help="the team's users, roles and programmes")
    listing.add_argument("--json", action="store_true", help="one JSON array on stdout")
    listing.set_defaults(handler=cmd_list)


def _refuse_local(args: argparse.Namespace) -> None:
    """Refuse a local file before anything is opened (or created)."""
    if not isinstance(paths.database_path(args.db), paths.ServerDatabase):
        raise ResilianError(
            "team commands need a PostgreSQL database (--db postgresql://…); "
            "a local SQLite file has one user, who may do everything"
        )


def cmd_init(args: argparse.Namespace) -> int:
    from resilian_desktop.services.team import init_team

    _refuse_local(args)
    with opened_database(args) as db:
        done = init_team(db)
    print(
        f"database {done.database} prepared for a team: roles {', '.join(done.groups)}; "
        f"grants and row-level security on its {done.tables} tables"
    )
    if done.unclassified:
        print(
            "read by every user, written by admins only (tables the rules do not name): "
            + ", ".join(done.unclassified)
        )
    return 0


def _password(name: str) -> str:
    """A new login's password: $RESILIAN_USER_PASSWORD, else asked twice on a
    terminal, else the first line of standard input. Never printed."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    if sys.stdin.isatty():
        first = getpass.getpass(f"password for {name}: ")
        if getpass.getpass(f"password for {name} again: ") != first:
            raise ResilianError("the two passwords differ; nothing was changed")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def cmd_add_user(args: argparse.Namespace) -> int:
    from resilian_desktop.services.team import add_user, login_exists

    _refuse_local(args)
    with opened_database(args) as db:
        password = None if login_exists(db, args.name) else _password(args.name)
        added = add_user(db, args.name, args.role, args.programme, password)
    user = added.user
    programmes = (
        f"programmes {', '.join(map(str, user.programme_ids))}"
        if user.programme_ids
        else "no programme"
    )
    how = "new login" if added.created else "existing login"
    print(f"{user.name}: {user.role}, {programmes} ({how})")
    return 0


def cmd_remove_user(args: argparse.Namespace) -> int:
    from resilian_desktop.services.team import remove_user

    _refuse_local(args)
    with opened_database(args) as db:
        removed = remove_user(db, args.name)
    login = "login dropped" if removed.login_dropped else f"login kept: {removed.kept_because}"
    print(
        f"{removed.name} removed (was {removed.role}); {login}; the rows {removed.name} "
        "created or changed stay as they are"
    )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from resilian_desktop.services.team import list_users

    _refuse_local(args)
    with opened_database(args) as db:
        users = list_users(db)
    if args.json:
        print_json(users)
    else:
        for user in users:
            programmes = ",".join(map(str, user.programme_ids))
            print(f"{user.name}\t{user.role}\t{programmes}\t{'login' if user.can_login else ''}")
    return 0
