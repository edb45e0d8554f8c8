# The two commands of the README: `make run` and `make test`. Both set themselves up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml uv.lock | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist workers: the suite is split over the machine's cores.
TEST_WORKERS ?= auto
# uv installs the exact versions of uv.lock (hashes checked) in seconds. It is used from the
# PATH when there, else fetched from PyPI into .tools/; pip is the fallback when neither works.
UV_VERSION := 0.13.9
UV ?= $(shell command -v uv 2>/dev/null)

# Benchmarks run on PostgreSQL with the scale landlord (seeded once, then reused).
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/scrutiny_bench

.PHONY: install run test bench bench-load bench-demo lint migrate seed clean messages compile-messages

$(STAMP): pyproject.toml uv.lock
	@set -e; uv="$(UV)"; \
	if [ -z "$$uv" ] && [ ! -x .tools/bin/uv ]; then \
		echo "Fetching uv $(UV_VERSION) from PyPI into .tools/"; \
		$(PYTHON) -m pip install --quiet --disable-pip-version-check --target .tools uv==$(UV_VERSION) \
			>/dev/null 2>&1 || rm -rf .tools; \
	fi; \
	if [ -z "$$uv" ] && [ -x .tools/bin/uv ]; then uv=.tools/bin/uv; fi; \
	if [ -n "$$uv" ]; then \
		echo "Installing the locked dependencies with uv"; \
		test -x $(PY) || $$uv venv --quiet --seed --python $(PYTHON) $(VENV); \
		$$uv sync --quiet --locked --inexact --extra dev; \
	else \
		echo "uv could not be had: installing with pip (slower, and only the direct pins are fixed)"; \
		test -x $(PY) || $(PYTHON) -m venv $(VENV); \
		$(PY) -m pip install --quiet --upgrade pip; \
		$(PY) -m pip install --quiet ".[dev]"; \
	fi
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# The Welsh catalogue (locale/cy/LC_MESSAGES/*.po) compiled for Django: GNU gettext's msgfmt
# through compilemessages, or polib where gettext is not installed.
compile-messages: install
	@if command -v msgfmt >/dev/null 2>&1; then \
		$(PY) manage.py compilemessages -l cy --ignore=.venv --ignore=node_modules --ignore=var >/dev/null; \
	else \
		echo "GNU gettext (msgfmt) is not installed: compiling the Welsh catalogue with polib instead"; \
		$(PY) -m scrutiny.catalogue compile; \
	fi

# After changing words in the code: brings the Welsh catalogue up to date (needs GNU gettext).
# New entries arrive untranslated, and the tests fail until each has its Welsh.
messages: install
	$(PY) -m scrutiny.catalogue

migrate: compile-messages
	mkdir -p var
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo

run: seed
	@echo "Scrutiny is starting on http://$(HOST):$(PORT)/ (stop it with Ctrl+C)"
	$(PY) manage.py runserver $(HOST):$(PORT)

# Bytecode in var/pycache even where PYTHONDONTWRITEBYTECODE is set (tests/conftest.py does the
# same for the processes the tests start): pytest's own start then reads it instead of compiling.
test: compile-messages
	PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(CURDIR)/var/pycache \
		$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

bench: install
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) -m bench $(BENCH_ARGS)

# Then every public page and open data file under wrk -c50, asked for with and without gzip,
# each beside the no-middleware view (bench/public_pages.py).
bench-load: install
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) -m bench.load $(BENCH_ARGS)
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) -m bench.public_pages --seconds 4 \
		--output bench/public-pages-results.json

# The old crawl: every page two clicks from each role's home, on the demo data.
bench-demo: install
	$(PY) -m bench.demo_crawl

# Also checks the apps' order (pyproject.toml's [tool.importlinter]) in imports, then in templates.
lint: install
	mkdir -p var
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports --no-cache
	$(PY) -m scrutiny.template_order
	$(PY) -m mypy
	$(VENV)/bin/uv lock --check --offline --quiet
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) .tools var staticfiles
