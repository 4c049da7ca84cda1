"""On SQLite, saves at the same time (a draft while autosave runs) queue instead of failing."""

import threading
import time

import pytest
from django.db import OperationalError, connections, transaction

from cms.settings.base import database_from_env

ALIAS = "concurrent_sqlite"
WRITERS = 2
SAVES = 12


@pytest.fixture
def file_database(tmp_path, django_db_blocker):
    """The settings' SQLite setup on a database file, with one counter row."""
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    configured = connections.configure_settings({"default": database_from_env(url)})
    connections.settings[ALIAS] = configured["default"]
    with django_db_blocker.unblock():
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("CREATE TABLE counter (value integer)")
            cursor.execute("INSERT INTO counter VALUES (0)")
        yield connections[ALIAS]
        connections[ALIAS].close()
    del connections[ALIAS]
    del connections.settings[ALIAS]


def read_then_write(start, errors):
    """What a save does: read the current state, then write, in one transaction, SAVES times."""
    for _ in range(SAVES):
        start.wait()
        try:
            with transaction.atomic(using=ALIAS), connections[ALIAS].cursor() as cursor:
                cursor.execute("SELECT value FROM counter")
                (value,) = cursor.fetchone()
                # Gives the other writer time to read too, as a slow save does.
                time.sleep(0.01)
                cursor.execute("UPDATE counter SET value = %s", [value + 1])
        except OperationalError as error:
            errors.append(str(error))
    connections[ALIAS].close()


def test_the_sqlite_database_uses_the_write_ahead_log(file_database):
    with file_database.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone() == ("wal",)


def test_overlapping_saves_from_two_threads_all_succeed(file_database):
    start = threading.Barrier(WRITERS)
    errors = []
    writers = [
        threading.Thread(target=read_then_write, args=(start, errors)) for _ in range(WRITERS)
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()

    assert errors == []
    with file_database.cursor() as cursor:
        cursor.execute("SELECT value FROM counter")
        assert cursor.fetchone() == (WRITERS * SAVES,)
