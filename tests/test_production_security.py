"""Production passes Django's deployment checklist; its dependencies are pinned for the audit."""

import json
import os

import pytest
from django.conf import settings
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.test_foundation import run_python

PRODUCTION = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "production-test-" + "k3Y-" * 12,
}
DEPLOY_CHECK = (
    "from django.core.management import execute_from_command_line; "
    "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])"
)
SECURITY_SETTINGS = [
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_SAMESITE",
    "LANGUAGE_COOKIE_SECURE",
    "LANGUAGE_COOKIE_SAMESITE",
    "LANGUAGE_COOKIE_HTTPONLY",
    "RATELIMIT_IP_META_KEY",
    "AXES_CLIENT_IP_CALLABLE",
    "TRUSTED_PROXIES",
]


def production_settings(**env):
    """The security settings production ends up with under `env`."""
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {SECURITY_SETTINGS!r}}}))"
    )
    result = run_python(code, {**PRODUCTION, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("preload", ["0", "1"])
def test_the_deployment_checklist_has_no_warning(preload):
    result = run_python(DEPLOY_CHECK, {**PRODUCTION, "SECURE_HSTS_PRELOAD": preload})

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_https_is_enforced_for_a_year_and_every_cookie_is_secure_and_same_site():
    values = production_settings()

    assert values["SECURE_HSTS_SECONDS"] == 31_536_000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_HSTS_PRELOAD"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    for cookie in ("SESSION", "CSRF", "LANGUAGE"):
        assert values[f"{cookie}_COOKIE_SECURE"] is True, cookie
        assert values[f"{cookie}_COOKIE_SAMESITE"] == "Lax", cookie
    assert values["LANGUAGE_COOKIE_HTTPONLY"] is True


def test_preloading_is_switched_on_by_the_environment():
    assert production_settings(SECURE_HSTS_PRELOAD="1")["SECURE_HSTS_PRELOAD"] is True


def test_the_sign_in_lockout_counts_the_address_the_rate_limit_counts():
    values = production_settings(TRUSTED_PROXIES="10.0.0.2")

    assert values["AXES_CLIENT_IP_CALLABLE"] == values["RATELIMIT_IP_META_KEY"]
    assert values["TRUSTED_PROXIES"] == ["10.0.0.2"]


def read_requirements(name):
    """The requirements listed in a requirements file, without comments or options."""
    lines = (settings.BASE_DIR / name).read_text().splitlines()
    return [Requirement(line.split("#")[0]) for line in lines if line.split("#")[0].strip()]


def test_the_lock_pins_an_allowed_version_of_every_runtime_requirement():
    """`make lock` was run after the last change to requirements.txt; pip-audit reads the lock."""
    locked = {canonicalize_name(req.name): req for req in read_requirements("requirements.lock")}

    for req in locked.values():
        assert len(req.specifier) == 1
        assert next(iter(req.specifier)).operator == "=="
    for req in read_requirements("requirements.txt"):
        pin = locked.get(canonicalize_name(req.name))
        assert pin is not None, f"{req.name} is not in requirements.lock"
        assert req.specifier.contains(next(iter(pin.specifier)).version), (req, pin)
