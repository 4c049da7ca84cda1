"""How fast the site answers while Redis is stopped or frozen and while the mail server hangs.

Starts a private redis-server on a free port (never the shared one) and a mail server that
accepts connections and never answers, builds the demo-like site in a throwaway database, and
prints the slowest and total time of the home page, an article, the contact page and a contact
post in each state, plus the visitor's wait when posting the contact form with SMTP hanging.

    .venv/bin/python bench/outages.py
"""

import os
import socket
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/bench-outages.sqlite3")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from cms.models import ContactSubmission  # noqa: E402
from cms.settings.base import cache_from_env  # noqa: E402
from common import redis_circuit  # noqa: E402
from tests.factories import make_article, make_contact_page, make_image, make_site, post  # noqa: E402
from tests.redis_server import RedisServer  # noqa: E402

# The status of every contact post made, to compare with the enquiries stored.
POSTS = []
PAGES = ["/zh-hans/", "/zh-hans/news/article-1/", "/zh-hans/contact/"]


def timed(call):
    """The result of `call()` and the seconds it took."""
    start = time.perf_counter()
    result = call()
    return result, time.perf_counter() - start


def measure(client, label):
    """Print each page's status and time, and the contact post's, in one state of Redis."""
    cells = []
    for url in PAGES:
        response, seconds = timed(lambda url=url: client.get(url))
        cells.append(f"{url} {response.status_code} {seconds:.2f}s")
    response, seconds = timed(lambda: post(client))
    POSTS.append(response.status_code)
    cells.append(f"POST contact {response.status_code} {seconds:.2f}s")
    print(f"{label:<15}", " | ".join(cells))


def main():
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, keepdb=False)
    redis_server = RedisServer().start()
    os.environ["REDIS_URL"] = redis_server.url
    os.environ.pop("CACHE_URL", None)
    try:
        home, index = make_site()
        make_article(index, 1, lead_image=make_image())
        make_contact_page(home)
        client = Client()
        with override_settings(CACHES={"default": cache_from_env()}, RATELIMIT_ENABLE=False):
            measure(client, "Redis up")
            redis_server.stop()
            measure(client, "Redis stopped")
            redis_server.start()
            measure(client, "Redis restarted")  # the open circuit does not try it yet
            time.sleep(redis_circuit.RECOVERY + 1)
            measure(client, f"+{redis_circuit.RECOVERY + 1} s")
            redis_server.freeze()
            measure(client, "Redis frozen")
            measure(client, "still frozen")
            redis_server.thaw()
            time.sleep(redis_circuit.RECOVERY + 1)
            measure(client, "Redis thawed")
        smtp = socket.create_server(("127.0.0.1", 0))  # accepts, never answers
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=smtp.getsockname()[1],
        ):
            response, seconds = timed(lambda: post(client))
            POSTS.append(response.status_code)
        smtp.close()
        status = ContactSubmission.objects.latest("pk").delivery_status
        print(f"SMTP hanging   POST contact {response.status_code} {seconds:.2f}s ({status})")
        print(f"enquiries stored: {ContactSubmission.objects.count()} of {len(POSTS)} posts")
    finally:
        redis_server.stop()
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
