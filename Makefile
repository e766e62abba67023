# The two commands that set up everything on a fresh machine:
#   make demo   — virtual environment, install, SQLite database, a generated county, serve on :8000
#   make test   — virtual environment, install (with test tools), the whole suite
# `make test` runs against DATABASE_URL when it is set (e.g. PostgreSQL), else SQLite.

PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_MEMBERS ?= 30000
DEMO_DATA ?= $(CURDIR)/data/demo

.PHONY: demo test install install-test lint chromium serve clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

demo: install
	DEBUG=1 GONGHUI_DATA_DIR=$(DEMO_DATA) $(BIN)/gonghui migrate --verbosity 0
	DEBUG=1 GONGHUI_DATA_DIR=$(DEMO_DATA) $(BIN)/gonghui demo --reset --members $(DEMO_MEMBERS)
	DEBUG=1 GONGHUI_DATA_DIR=$(DEMO_DATA) $(BIN)/gonghui runserver 127.0.0.1:8000

# Browser tests drive Debian's chromium, and their screenshots need CJK fonts to show the Chinese
# they test; install both when we may (root with apt), else the tests skip or draw boxes.
CHROMIUM_PACKAGES = $$(command -v chromium >/dev/null 2>&1 || echo chromium) \
	$$(dpkg -s fonts-noto-cjk >/dev/null 2>&1 || echo fonts-noto-cjk)
chromium:
	@missing="$(CHROMIUM_PACKAGES)"; [ -z "$$(echo $$missing)" ] || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "not installed: $$missing (browser tests may skip, screenshots lack CJK fonts)"; fi; }

test: install-test chromium
	$(BIN)/ruff check .
	$(BIN)/gonghui makemigrations --check --dry-run --settings=gonghui.settings_test
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check gonghui

clean:
	rm -rf $(VENV) data/demo .pytest_cache .hypothesis
