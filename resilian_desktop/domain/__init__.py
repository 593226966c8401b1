"""Qt-free and database-free domain rules: vocabularies, validation, text normalisation."""
