"""`make run` shows the site's own error pages, yet still serves static files and uploads."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PROBE = (
    "import django; django.setup(); from django.conf import settings as s; "
    "from django.urls import resolve; "
    "print(s.DEBUG, s.WHITENOISE_USE_FINDERS, resolve('/media/images/x.png').func.__name__)"
)


def dev_settings(**env):
    """What cms.settings.dev decides, read in a fresh interpreter with `env` added."""
    environment = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    environment |= {"DJANGO_SETTINGS_MODULE": "cms.settings.dev", **env}
    result = subprocess.run(  # noqa: S603 (this interpreter, a fixed script)
        [sys.executable, "-c", PROBE],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.split()


@pytest.mark.parametrize(("env", "debug"), [({}, "False"), ({"DEBUG": "1"}, "True")])
def test_debug_is_off_unless_asked_for(env, debug):
    assert dev_settings(**env) == [debug, "True", "serve"]
