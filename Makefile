# The two commands of the README: `make run` and `make test`. Both set themselves up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist workers: the suite is split over the machine's cores.
TEST_WORKERS ?= auto

# Benchmarks run on PostgreSQL with the scale landlord (seeded once, then reused).
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/scrutiny_bench

.PHONY: install run test bench bench-load bench-demo lint migrate seed clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[dev]"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

migrate: install
	mkdir -p var
	$(PY) manage.py migrate --noinput

seed: migrate
	$(PY) manage.py seed_demo

run: seed
	@echo "Scrutiny is starting on http://$(HOST):$(PORT)/ (stop it with Ctrl+C)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

bench: install
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) -m bench $(BENCH_ARGS)

bench-load: install
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) -m bench.load $(BENCH_ARGS)

# The old crawl: every page two clicks from each role's home, on the demo data.
bench-demo: install
	$(PY) -m bench.demo_crawl

lint: install
	$(PY) -m ruff check .
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var staticfiles
