# Two commands: `make run` serves the demo site, `make test` runs every check and test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run test lint format messages compilemessages gettext bench clean

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
	$(MANAGE) compilemessages --ignore=.venv -v 0

run: $(VENV)/.installed compilemessages
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) create_local_admin --base-url http://127.0.0.1:$(PORT)
	@# The worker sends queued contact-form emails; it stops when runserver does.
	$(MANAGE) db_worker --backend mail --no-reload & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(MANAGE) runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed-dev compilemessages
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MAKE) --no-print-directory lint
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	git ls-files -co --exclude-standard 'templates/*.html' '*/templates/*.html' | xargs -r $(BIN)/djhtml --check

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	git ls-files -co --exclude-standard 'templates/*.html' '*/templates/*.html' | xargs -r $(BIN)/djhtml

messages:
	$(MANAGE) makemessages -l zh_Hans --ignore=.venv --ignore=bench --no-obsolete

bench: $(VENV)/.installed-dev
	$(BIN)/python bench/routing.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
