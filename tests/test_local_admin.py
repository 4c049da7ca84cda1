"""`make run` creates a local admin whose password is generated once and printed."""

import re
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


def run_command(**options):
    """Run create_local_admin and return what it printed."""
    out = StringIO()
    call_command("create_local_admin", stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def local_dir(settings, tmp_path):
    """Keep the generated password out of the checkout."""
    settings.BASE_DIR = tmp_path
    return tmp_path / ".local"


def printed_password(output):
    """The password in the command's login line."""
    return re.search(r"password: (\S+)", output).group(1)


def test_first_run_creates_a_superuser_with_a_printed_password(local_dir):
    output = run_command(base_url="http://127.0.0.1:8123")
    assert "http://127.0.0.1:8123/admin/" in output
    # django-axes counts sign-ins per request, so authenticating needs one.
    sign_in = RequestFactory().post("/admin/login/")
    user = authenticate(sign_in, username="admin", password=printed_password(output))
    assert user is not None
    assert user.is_superuser
    assert (local_dir / "admin_password").stat().st_mode & 0o777 == 0o600


def test_second_run_prints_the_same_password_and_creates_nobody(local_dir, django_user_model):
    first = printed_password(run_command())
    second = printed_password(run_command())
    assert first == second
    assert django_user_model.objects.count() == 1


def test_each_checkout_gets_its_own_password(local_dir, django_user_model):
    first = printed_password(run_command())
    django_user_model.objects.all().delete()
    (local_dir / "admin_password").unlink()
    assert printed_password(run_command()) != first


def test_a_password_changed_by_hand_is_not_printed(local_dir, django_user_model):
    run_command()
    user = django_user_model.objects.get(username="admin")
    user.set_password("chosen-by-the-editor")
    user.save()
    output = run_command()
    assert "password:" not in output
    assert "changed by hand" in output
