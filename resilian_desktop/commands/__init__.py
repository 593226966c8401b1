"""Subcommands of the command line beyond the core ones in cli.py.

Each module has ``register(subparsers)``, which adds its parser(s) and sets
``handler`` (a function taking the parsed arguments and returning the exit
code) with ``parser.set_defaults(handler=...)``.
"""
