"""Qt-free storage: declarative models, the engine and its pragmas, migrations."""
