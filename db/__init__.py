"""Data layer: Peewee models, the database connection and its migrations (no Qt, no app/)."""
