"""Guessing admin passwords: five failures lock that username on that address for 15 minutes."""

import pytest

LOGIN_URL = "/admin/login/"
LOCKED_MESSAGE = "登录失败次数过多：该账户在此设备上已被锁定15分钟。请稍后再试，或请管理员解锁。"

pytestmark = pytest.mark.django_db


@pytest.fixture
def editors(django_user_model):
    """Two admin users with known passwords."""
    return [
        django_user_model.objects.create_superuser(name, f"{name}@example.com", "right-pw")
        for name in ("zhang", "li")
    ]


def sign_in(client, username, password, **headers):
    """Post the Wagtail admin sign-in form."""
    return client.post(LOGIN_URL, {"username": username, "password": password}, **headers)


def is_signed_in(client):
    """Whether the client's session belongs to a user."""
    return "_auth_user_id" in client.session


def fail(client, times, username="zhang", **headers):
    """Send `times` wrong passwords for `username`; return the last answer."""
    for _ in range(times):
        response = sign_in(client, username, "wrong-pw", **headers)
    return response


def test_four_wrong_passwords_only_show_the_usual_error(client, editors):
    response = fail(client, 4)

    assert response.status_code == 200
    assert LOCKED_MESSAGE not in response.text


def test_the_fifth_wrong_password_locks_with_a_chinese_message_on_the_sign_in_page(client, editors):
    response = fail(client, 5)

    assert response.status_code == 302
    assert response.url == LOGIN_URL
    page = client.get(LOGIN_URL)
    assert page.status_code == 200
    assert LOCKED_MESSAGE in page.text
    assert 'name="password"' in page.text


def test_the_right_password_is_refused_while_locked(client, editors):
    fail(client, 5)

    response = sign_in(client, "zhang", "right-pw")

    assert response.status_code == 302
    assert response.url == LOGIN_URL
    assert not is_signed_in(client)
    assert LOCKED_MESSAGE in client.get(LOGIN_URL).text


def test_other_users_still_sign_in_from_the_same_address(client, editors):
    fail(client, 5)

    response = sign_in(client, "li", "right-pw")

    assert response.status_code == 302
    assert response.url == "/admin/"
    assert is_signed_in(client)


def test_the_same_user_still_signs_in_from_another_address(client, editors):
    fail(client, 5)

    response = sign_in(client, "zhang", "right-pw", REMOTE_ADDR="198.51.100.7")

    assert response.url == "/admin/"
    assert is_signed_in(client)


def test_a_successful_sign_in_resets_the_count(client, editors):
    fail(client, 4)
    assert sign_in(client, "zhang", "right-pw").url == "/admin/"
    client.logout()

    response = fail(client, 4)

    assert response.status_code == 200
    assert sign_in(client, "zhang", "right-pw").url == "/admin/"


def test_behind_the_proxy_each_visitor_is_counted_by_the_address_it_reports(
    client, editors, settings
):
    """Behind a trusted proxy every visitor shares its REMOTE_ADDR; X-Real-IP tells them apart."""
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    fail(client, 5, HTTP_X_REAL_IP="203.0.113.5")

    locked = sign_in(client, "zhang", "right-pw", HTTP_X_REAL_IP="203.0.113.5")
    other_visitor = sign_in(client, "zhang", "right-pw", HTTP_X_REAL_IP="203.0.113.6")

    assert locked.url == LOGIN_URL
    assert other_visitor.url == "/admin/"
