# One-command setup, demo and tests. Everything installs into ./.venv.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 120

.PHONY: setup demo test lint typecheck docs clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

## demo: run the main job on the bundled offline snapshot (data/demo)
demo: setup
	$(VENV)/bin/ldn-review run --offline --data-dir data/demo

## test: run the whole test suite
test: setup
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check src tests flows benchmarks

typecheck: setup
	$(VENV)/bin/mypy

## docs: regenerate the data dictionary from the schemas
docs: setup
	$(VENV)/bin/ldn-review schema --markdown --output docs/data_dictionary.md

clean:
	rm -rf data/demo/curated data/demo/.generations data/demo/reports .pytest_cache
