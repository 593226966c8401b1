"""Everything Qt: table models, dialogs, the main window. Thin over the services."""
