"""The Nu Html Checker on every public page of a live demo, Lighthouse mobile on four; one table.

Usage: .venv/bin/python bench/validate.py   (`make validate`; needs Java, node_modules, chromium)
Serves a fresh demo (SQLite in a temporary folder, DEBUG off) on a free loopback port, reads its
pages from the sitemap (plus contact), and stops the server when done.
"""

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_PAGES = ("news/stem-cells-depression/", "news/", "", "contact/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


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


def public_pages(base):
    """Every URL of the sitemap, and the contact page in each language."""
    sitemap = urllib.request.urlopen(f"{base}/sitemap.xml").read().decode()
    urls = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    urls = [re.sub(r"^https?://[^/]+", base, url) for url in urls]
    urls += [f"{base}/{language}/contact/" for language in ("zh-hans", "en")]
    return sorted(set(urls))


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
        url: sum(1 for m in messages if m["type"] == "error" and m.get("url") == url)
        for url in urls
    }


def lighthouse(url):
    """Lighthouse's mobile scores (0–100) in each category."""
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
        check=True,
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
    )
    report = json.loads(result.stdout)["categories"]
    return [round(report[name]["score"] * 100) for name in CATEGORIES]


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
            errors = nu_errors(urls)
            print("| page | Nu errors | performance | accessibility | best practices | SEO |")
            print("| --- | ---: | ---: | ---: | ---: | ---: |")
            for url in urls:
                path = url.removeprefix(base)
                scores = ["", "", "", ""]
                if re.sub(r"^/(zh-hans|en)/", "", path) in LIGHTHOUSE_PAGES:
                    scores = lighthouse(url)
                print(f"| {path} | {errors[url]} | " + " | ".join(map(str, scores)) + " |")
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
