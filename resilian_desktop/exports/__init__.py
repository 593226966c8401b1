"""Qt-free and database-free writers: rows in, .xlsx or .pdf out."""
