# Two commands: `make run` serves the demo site, `make test` runs every check and test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
# One test process per core. xdist's default scheduling keeps pytest-django's order, in which the
# tests that commit (and so empty the database after them) come last in every process.
PYTEST_FLAGS ?= -n auto

.PHONY: run test lint format messages compilemessages gettext bench bench-deps clean deploy-check audit lock \
	test-deps readme-screenshot validate

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

gettext:
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext) \
		|| (echo "GNU gettext (msgfmt) is needed: install the 'gettext' package." && exit 1)

compilemessages: gettext
	@$(MANAGE) compilemessages --ignore=.venv -v 0

# `make run` prints one line per step; each step's full output (migrate prints SQL) goes here.
RUN_LOG := .local/make-run.log
LOGGED = >>$(RUN_LOG) 2>&1 || { echo "Failed. The end of $(RUN_LOG):"; tail -n 30 $(RUN_LOG); exit 1; }

run: $(VENV)/.installed compilemessages
	@mkdir -p .local && : >$(RUN_LOG)
	@echo "Database: applying migrations (full output in $(RUN_LOG))"
	@$(MANAGE) migrate --noinput $(LOGGED)
	@echo "Demo content: creating what is missing"
	@$(MANAGE) load_demo --noinput $(LOGGED)
	@tail -n 1 $(RUN_LOG)
	@# The worker sends queued contact-form emails; it stops when runserver does. Requests and
	@# errors still show here (stderr); the server's banner goes to the log.
	@$(MANAGE) db_worker --backend mail --no-reload >>$(RUN_LOG) 2>&1 & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(MANAGE) create_local_admin --base-url http://127.0.0.1:$(PORT) && \
		$(MANAGE) runserver 127.0.0.1:$(PORT) >>$(RUN_LOG)

# The browser tests drive Debian's chromium (Playwright never downloads one); CJK fonts so that
# Chinese pages and their screenshots show characters, not boxes; varnishtest (Debian's varnish)
# runs the project's VCL against its scripted test.
test-deps:
	@(test -x /usr/bin/chromium && fc-list :lang=zh-cn | grep -q . && test -x /usr/bin/varnishtest) \
		|| (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			chromium fonts-noto-cjk varnish) \
		|| (echo "Debian's chromium, fonts-noto-cjk and varnish are needed: install those packages." \
			&& exit 1)

# axe-core for the browser tests, the Nu checker and Lighthouse for `make validate`, as locked.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

test: $(VENV)/.installed-dev compilemessages test-deps node_modules/.installed
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MAKE) --no-print-directory lint
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemigrations --check --dry-run
	$(MAKE) --no-print-directory deploy-check audit
	$(BIN)/pytest $(PYTEST_FLAGS) --ignore=tests/browser
	@# One process: the journeys share one browser and one live server.
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -p no:xdist tests/browser

# The Nu checker on every public page of a live demo and Lighthouse mobile on four; one table.
validate: $(VENV)/.installed-dev compilemessages test-deps node_modules/.installed
	$(BIN)/python bench/validate.py

# The README's screenshot, from the Chinese reader's journey of the last browser test run.
README_SHOT := .local/screenshots/reader-zh-hans/03-article-1280.png
$(README_SHOT):
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -p no:xdist -q tests/browser/test_reader_journey.py

readme-screenshot: $(README_SHOT)
	cp $(README_SHOT) docs/screenshot-article.png

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	git ls-files -co --exclude-standard 'templates/*.html' '*/templates/*.html' | xargs -r $(BIN)/djhtml --check

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	git ls-files -co --exclude-standard 'templates/*.html' '*/templates/*.html' | xargs -r $(BIN)/djhtml

messages:
	$(MANAGE) makemessages -l zh_Hans --ignore=.venv --ignore=bench --no-obsolete

# Where this branch left main (or OLD=<commit>) against this checkout, one table;
# QUICK=1: SQLite only, 3 s per page.
bench: $(VENV)/.installed-dev bench-deps
	$(BIN)/python bench/compare.py $(if $(OLD),--old $(OLD))

# The load generator of the benchmarks and Varnish for bench/stack.py (Debian's packages).
bench-deps:
	@(command -v wrk >/dev/null && command -v varnishd >/dev/null) \
		|| (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk varnish) \
		|| (echo "Debian's wrk and varnish are needed for the benchmarks: install those packages." \
			&& exit 1)

# Django's deployment checklist on the production settings, with a throwaway secret.
deploy-check: $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=cms.settings.production \
		SECRET_KEY=deploy-check-only-$$(printf '%064d' 0)-not-a-secret \
		$(MANAGE) check --deploy --fail-level WARNING

# Known vulnerabilities of the locked runtime packages, from PyPI's JSON API (no other service).
# Packages PyPI cannot answer for are listed as skipped; AUDIT_FLAGS=--strict fails on them.
AUDIT_FLAGS ?=
audit: $(VENV)/.installed-dev
	$(BIN)/pip-audit --requirement requirements.lock --no-deps --disable-pip \
		--vulnerability-service pypi --progress-spinner off $(AUDIT_FLAGS)

# Rewrite requirements.lock: requirements.txt resolved to exact versions (kept where still allowed).
lock: $(VENV)/.installed-dev
	$(BIN)/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links \
		--output-file requirements.lock requirements.txt

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
