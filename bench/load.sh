#!/usr/bin/env bash
# Load test on loopback: gunicorn (production settings, SQLite demo database) under wrk.
# Usage: bash bench/load.sh [seconds] [connections]   (needs Debian's wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-10}"
CONNECTIONS="${2:-8}"
PORT="${BENCH_PORT:-8765}"
WORK="$(mktemp -d)"
trap 'kill "$GUNICORN_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT

export DJANGO_SETTINGS_MODULE=cms.settings.production
export SECRET_KEY="bench-only-$RANDOM$RANDOM"
export DATABASE_URL="${DATABASE_URL:-sqlite:///$WORK/bench.sqlite3}"
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0 MEDIA_ROOT="$WORK/media"

.venv/bin/python manage.py migrate --noinput -v 0 >/dev/null
.venv/bin/python manage.py load_demo >/dev/null
.venv/bin/python manage.py collectstatic --noinput -v 0
.venv/bin/gunicorn cms.wsgi --bind "127.0.0.1:$PORT" --workers 2 --log-level warning &
GUNICORN_PID=$!
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/zh-hans/" && break; sleep 0.2; done

for path in /zh-hans/news/stem-cells-depression/ /en/news/stem-cells-depression/ /zh-hans/news/ \
    "/zh-hans/search/?q=%E5%B9%B2%E7%BB%86%E8%83%9E"; do
    echo "== GET $path (${SECONDS_TO_RUN}s, $CONNECTIONS connections, 2 workers)"
    wrk -t 2 -c "$CONNECTIONS" -d "${SECONDS_TO_RUN}s" --latency "http://127.0.0.1:$PORT$path" \
        | grep -E "Requests/sec|Latency|50%|99%|Non-2xx"
done
