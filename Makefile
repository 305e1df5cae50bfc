# Two commands set up a fresh machine: `make run` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
CHROMIUM := /usr/bin/chromium

.PHONY: install run test lint lock chromium java pdf-libraries clean

install: $(VENV)/.installed node_modules/.installed pdf-libraries

$(VENV)/.installed: requirements.lock
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --requirement requirements.lock
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## Install, load the demo minutes and serve the app on SQLite at http://127.0.0.1:8000/, with a worker sending its email
run: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py loaddemo
	@# A worker beside the server sends the email that pages queue (to the console in development); it stops with it.
	$(PY) manage.py db_worker --no-reload & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

## Install and run the whole test suite (set DATABASE_URL to run it on PostgreSQL)
test: install chromium java
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pytest

lint: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Browser tests drive Debian's Chromium; Playwright's own browser download is not used.
chromium:
	@test -x $(CHROMIUM) || { apt-get update -qq && apt-get install -y -qq chromium; }

# The Nu Html Checker (node_modules/vnu-jar), which the tests run over the public pages, is a Java program.
java:
	@command -v java >/dev/null || { apt-get update -qq && apt-get install -y -qq default-jre-headless; }

# WeasyPrint lays out the minutes' PDF with Debian's Pango, in fonts that have Arial's metrics and
# cover Arabic, other scripts and emoji.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation fonts-dejavu-core fonts-noto-color-emoji
pdf-libraries:
	@dpkg -s $(PDF_PACKAGES) >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq $(PDF_PACKAGES); }

lock:
	$(VENV)/bin/pip freeze --exclude-editable | sed '1i # Exact versions of every Python package, direct and indirect. Regenerate with: make lock' > requirements.lock

clean:
	rm -rf $(VENV) node_modules staticfiles db.sqlite3
