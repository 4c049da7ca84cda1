"""`make run` prints a line per step, the site and admin addresses once, and logs the rest."""

import re
import shutil
import subprocess

import pytest
from django.conf import settings

RUN_LOG = ".local/make-run.log"
# Commands that print only what the person running `make run` needs.
SHOWN = ("compilemessages --ignore=.venv -v 0", "create_local_admin")

MAKE = shutil.which("make")

pytestmark = pytest.mark.skipif(MAKE is None, reason="needs GNU make")


@pytest.fixture(scope="module")
def commands():
    """The shell commands `make run` would run, one per manage.py call."""
    dry_run = subprocess.run(  # noqa: S603 (GNU make, fixed arguments)
        [MAKE, "--no-print-directory", "-n", "run", "PORT=8123"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return re.findall(r"manage\.py (.+?)(?: && \\|; \\|$)", dry_run, flags=re.MULTILINE)


def test_every_step_sends_its_output_to_the_log(commands):
    logged = [command for command in commands if not command.startswith(SHOWN)]
    assert [command.split()[0] for command in logged] == [
        "migrate",
        "load_demo",
        "db_worker",
        "runserver",
    ]
    for command in logged:
        assert f">>{RUN_LOG}" in command, command


def test_the_admin_login_is_printed_once(commands):
    assert sum(command.startswith("create_local_admin") for command in commands) == 1


def test_load_demo_never_waits_for_an_answer(commands):
    assert any(command.startswith("load_demo --noinput") for command in commands)
