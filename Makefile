# AntarKerja. `make run` and `make test` set everything up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
PROD_STAMP := $(VENV)/.installed-prod
DEV := DEBUG=1

.PHONY: run serve serve-worker test lint worker beat bench load venv venv-prod browser clean

# Development (`make venv`, and what run, test, lint, worker and bench need): requirements-dev.txt,
# the runtime packages plus the test, lint and benchmark tools.
$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

# Production (`make venv-prod`, and what serve, serve-worker and beat need): requirements.txt only.
$(PROD_STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(PROD_STAMP)

venv: $(STAMP)

venv-prod: $(PROD_STAMP)

# Debian's chromium for the browser tests (no browser download works on these machines).
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium; fi; }

# DejaVu Sans, embedded in the card and letter PDFs (placement/fonts.py): Debian's fonts-dejavu-core.
fonts:
	@test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq fonts-dejavu-core; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq fonts-dejavu-core; fi; }

run: $(STAMP) fonts
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py load_reference_data
	$(DEV) $(BIN)/python manage.py build_occupation_index
	$(DEV) $(BIN)/python manage.py seed_demo --if-empty
	$(DEV) $(BIN)/python manage.py run_matching
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Production: gunicorn with deploy/gunicorn.conf.py; static files (hashed, compressed) served by
# WhiteNoise. Needs the production environment (DEBUG=0, SECRET_KEY, DATABASE_URL, REDIS_URL...,
# see deploy/env.example); run `manage.py migrate` after each upgrade (README "Production").
# The web and worker processes of one host add up their metrics in one folder (the systemd units
# use /run/antarkerja/metrics); by default here a folder in VAR_DIR.
METRICS_DIR = $${PROMETHEUS_MULTIPROC_DIR:-$${VAR_DIR:-var}/metrics}
serve: $(PROD_STAMP)
	$(BIN)/python manage.py collectstatic --noinput -v0
	mkdir -p $(METRICS_DIR)
	PROMETHEUS_MULTIPROC_DIR=$(METRICS_DIR) exec $(BIN)/gunicorn --config deploy/gunicorn.conf.py

# One process by default: under `-n 2 --dist loadgroup` the browser tests and the fault tests
# (which drop and recreate their own databases) were seen running on both workers at once in CI and
# breaking each other. `make test PYTEST_XDIST="-n 2 --dist loadgroup"` runs two workers (about
# 2.5x faster without the browser and fault tests) until the grouping is fixed.
PYTEST_XDIST ?=
test: $(STAMP) browser fonts
	$(DEV) $(BIN)/python -m pytest $(PYTEST_XDIST) $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(DEV) $(BIN)/python manage.py makemigrations --check --dry-run
	DEBUG=0 SECRET_KEY=lint-only-$$(head -c 48 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9') \
	  ALLOWED_HOSTS=antarkerja.example $(BIN)/python manage.py check --deploy --fail-level WARNING

# Development: a worker with the scheduler (beat) inside it.
worker: $(STAMP)
	@test -n "$$REDIS_URL" || { echo "Set REDIS_URL (e.g. redis://127.0.0.1:6379/0) to run a worker."; exit 1; }
	mkdir -p $${VAR_DIR:-var}
	OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 $(BIN)/celery -A placement worker --beat -l info \
	  --concurrency 2 --schedule $${VAR_DIR:-var}/celerybeat-schedule

# Production splits the scheduler from the workers: `make serve-worker` (as many as wanted) and
# exactly one `make beat` per installation (what the systemd units run).
serve-worker: $(PROD_STAMP)
	@test -n "$$REDIS_URL" || { echo "Set REDIS_URL to run a worker."; exit 1; }
	mkdir -p $(METRICS_DIR)
	PROMETHEUS_MULTIPROC_DIR=$(METRICS_DIR) OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 \
	  exec $(BIN)/celery -A placement worker -l info --concurrency 2

beat: $(PROD_STAMP)
	@test -n "$$REDIS_URL" || { echo "Set REDIS_URL to run beat."; exit 1; }
	$(BIN)/celery -A placement beat -l info --schedule $${VAR_DIR:-var}/celerybeat-schedule

# The engine benchmark, then the end-to-end run through PostgreSQL when DATABASE_URL points there;
# the last line is one JSON object with both.
bench: $(STAMP)
	mkdir -p var
	set -o pipefail; OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 $(BIN)/python \
	  benchmarks/bench_matching.py $(BENCH_ARGS) | tee var/bench_matching.log
	$(DEV) $(BIN)/python benchmarks/bench_e2e.py --merge var/bench_matching.log
	@if [[ "$$DATABASE_URL" == postgres* ]]; then $(MAKE) --no-print-directory load; \
	  else echo "load: skipped (set DATABASE_URL to PostgreSQL)"; fi

# The Monday-morning load mix (benchmarks/load/locustfile.py) against gunicorn on 127.0.0.1:
# 1 minute, 50 users by default; LOAD_ARGS="--users 50 --minutes 10 --nightly" for the full run.
load: $(STAMP)
	mkdir -p var
	$(BIN)/python benchmarks/load/run_load.py $${LOAD_ARGS:---users 50 --minutes 1}

clean:
	rm -rf $(VENV) var/*.sqlite3*
