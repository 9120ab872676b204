"""Service-level tests: the Qt-free domain on a real database (SQLite, or PostgreSQL when
``STATION_DESK_TEST_PG`` is set)."""
