# Two commands on a fresh machine: `make run` serves the API, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Branch coverage of service/ measured on the whole suite, less about a point of slack.
COVERAGE_FLOOR := 95

.PHONY: install run test lint format bench clean seed

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	OPENBLAS_NUM_THREADS=$${OPENBLAS_NUM_THREADS:-1} $(BIN)/gunicorn --config gunicorn.conf.py

test: lint
	$(BIN)/pytest --cov --cov-fail-under=$(COVERAGE_FLOOR)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

seed: $(STAMP)
	$(BIN)/claimdesk seed

bench: $(STAMP)
	$(BIN)/python bench/api.py
	$(BIN)/python bench/extraction_quality.py
	$(BIN)/python bench/extraction_speed.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .coverage *.egg-info
