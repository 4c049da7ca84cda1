"""The Nu Html Checker on every public page of a live demo, Lighthouse mobile on four; one table.

Usage: .venv/bin/python bench/validate.py   (`make validate`; needs Java, node_modules, chromium)
Serves a fresh demo (SQLite in a temporary folder, DEBUG off) on a free loopback port, reads its
pages from the sitemap (plus contact, search results, a 404 and the contact form's thank-you
page), and stops the server when done. With FEEDVALIDATOR set to a checkout of
github.com/w3c/feedvalidator (and FEEDVALIDATOR_PYTHON to a Python with its requirements), every
feed the pages link to is checked by the W3C feed validator at the online service's level ("AA").
"""

import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_PAGES = ("news/stem-cells-depression/", "news/", "", "contact/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LANGUAGES = ("zh-hans", "en")
SEARCHES = {"zh-hans": "干细胞", "en": "stem cells"}
FEED_LINK = re.compile(
    r'<link rel="alternate" type="application/(?:rss|atom)\+xml"[^>]* href="([^"]+)"'
)
# The W3C validator's own command-line driver, at the level of its online service.
FEED_CHECK = """
import json
import sys
import urllib.request  # validateURL needs it imported
sys.path.insert(0, sys.argv[1] + "/src")
import feedvalidator
from feedvalidator import compatibility
from feedvalidator.formatter.text_plain import Formatter
for url in sys.argv[2:]:
    try:
        events = feedvalidator.validateURL(url, firstOccurrenceOnly=1)["loggedEvents"]
    except feedvalidator.logging.ValidationFailure as failure:
        events = [failure.event]
    print(json.dumps([url, list(Formatter(compatibility.AA(events)))]))
"""


def free_port():
    """A loopback port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(env, port):
    """Migrate, load the demo and start runserver; return the process once it answers."""
    for command in (["migrate", "--noinput"], ["load_demo", "--noinput"]):
        subprocess.run(
            [PYTHON, "manage.py", *command],
            env=env,
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    server = subprocess.Popen(
        [PYTHON, "manage.py", "runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(60):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2)
            return server
        except OSError:
            time.sleep(0.5)
    server.kill()
    sys.exit("the demo server did not start")


def on_server(base, url):
    """`url` (absolute on the demo's canonical host) on the local server."""
    return re.sub(r"^https?://[^/]+", base, url)


def sitemap_urls(base, url):
    """The <loc>s of a sitemap, following a sitemap index to its sitemaps."""
    sitemap = urllib.request.urlopen(on_server(base, url)).read().decode()
    locations = [on_server(base, loc) for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    if "<sitemapindex" not in sitemap:
        return locations
    return [page for location in locations for page in sitemap_urls(base, location)]


def public_pages(base):
    """Every URL of the sitemap, and contact and search results in each language."""
    urls = sitemap_urls(base, f"{base}/sitemap.xml")
    for language in LANGUAGES:
        query = urllib.parse.urlencode({"q": SEARCHES[language]})
        urls += [f"{base}/{language}/contact/", f"{base}/{language}/search/?{query}"]
    return sorted(set(urls))


def saved_page(folder, name, html):
    """`html` written to a file of `folder`, for the checker to read."""
    path = Path(folder) / f"{name}.html"
    path.write_bytes(html)
    return str(path)


def not_found_page(base, folder, language):
    """The 404 page in `language`, saved (the checker does not read error responses)."""
    try:
        urllib.request.urlopen(f"{base}/{language}/no-such-page/")
    except urllib.error.HTTPError as error:
        return saved_page(folder, f"404-{language}", error.read())
    sys.exit("/no-such-page/ did not answer 404")


def thank_you_page(base, folder, language):
    """The contact form sent as a visitor would; the thank-you page it answers, saved."""
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    url = f"{base}/{language}/contact/"
    form = opener.open(url).read().decode()
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)"[^>]* value="([^"]*)"', form))
    fields |= {"name": "Validator", "phone_or_email": "validator@example.com"}
    fields |= {"message": "Nu Html Checker run", "consent": "on", "whf_name": ""}
    time.sleep(3)  # wagtail-honeypot drops forms sent faster than a person could.
    request = urllib.request.Request(
        url, data=urllib.parse.urlencode(fields).encode(), headers={"Referer": url}
    )
    html = opener.open(request).read()
    if b"contact-details" not in html and "谢".encode() not in html and b"Thank" not in html:
        sys.exit("the contact form did not answer its thank-you page")
    return saved_page(folder, f"thank-you-{language}", html)


def feeds(urls):
    """Every feed the pages link to."""
    found = set()
    for url in urls:
        if url.startswith("http"):
            html = urllib.request.urlopen(url).read().decode()
            found |= {urllib.parse.urljoin(url, href) for href in FEED_LINK.findall(html)}
    return sorted(found)


def feed_problems(urls):
    """The W3C feed validator's errors and warnings per feed, or None without a validator."""
    checkout = os.environ.get("FEEDVALIDATOR")
    if not checkout:
        return None
    python = os.environ.get("FEEDVALIDATOR_PYTHON", sys.executable)
    result = subprocess.run(
        [python, "-c", FEED_CHECK, checkout, *urls], capture_output=True, text=True, check=True
    )
    return dict(json.loads(line) for line in result.stdout.splitlines())


def nu_errors(urls):
    """Nu checker errors per URL."""
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *urls],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return {
        url: sum(
            1 for m in messages if m["type"] == "error" and m.get("url") in (url, f"file:{url}")
        )
        for url in urls
    }


def lighthouse(url, attempts=3):
    """Lighthouse's mobile scores (0–100) in each category."""
    for attempt in range(1, attempts + 1):
        result = subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--output=json",
                "--quiet",
                "--form-factor=mobile",
                "--chrome-flags=--headless=new --no-sandbox",
            ],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        )
        # Lighthouse sometimes loses the trace of a load ("NO_NAVSTART"): that run has no scores.
        if result.returncode == 0:
            report = json.loads(result.stdout)["categories"]
            return [round(report[name]["score"] * 100) for name in CATEGORIES]
        print(
            f"Lighthouse failed on {url} (try {attempt}): {result.stderr.strip()[-300:]}",
            file=sys.stderr,
        )
    sys.exit(f"Lighthouse failed {attempts} times on {url}")


def main():
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": f"sqlite:///{folder}/validate.sqlite3",
            "MEDIA_ROOT": f"{folder}/media",
            "PAGE_CACHE": "0",
        }
        server = serve(env, port)
        try:
            urls = public_pages(base)
            for language in LANGUAGES:
                urls.append(not_found_page(base, folder, language))
                urls.append(thank_you_page(base, folder, language))
            errors = nu_errors(urls)
            print("| page | Nu errors | performance | accessibility | best practices | SEO |")
            print("| --- | ---: | ---: | ---: | ---: | ---: |")
            for url in urls:
                path = url.removeprefix(base) if url.startswith(base) else Path(url).name
                scores = ["", "", "", ""]
                if re.sub(r"^/(zh-hans|en)/", "", path) in LIGHTHOUSE_PAGES:
                    scores = lighthouse(url)
                print(f"| {path} | {errors[url]} | " + " | ".join(map(str, scores)) + " |")
            problems = feed_problems(feeds(urls))
            if problems is not None:
                print("\n| feed | W3C feed validator errors and warnings |\n| --- | --- |")
                for url, messages in problems.items():
                    print(f"| {url.removeprefix(base)} | {len(messages)} {'; '.join(messages)} |")
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
