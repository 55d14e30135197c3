# Two commands do all the set-up: `make console` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: console run sandbox test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

console: $(STAMP)
	$(BIN)/python -m devtools console

run: $(STAMP)
	$(BIN)/python -m bot

sandbox: $(STAMP)
	$(BIN)/python -m devtools sandbox --port 8099

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	$(BIN)/pytest

# Figures, not assertions: see docs/BENCHMARK.md for the method, the latest and how to read them.
bench: $(STAMP)
	$(BIN)/python -m bench.topups
	$(BIN)/python -m bench.history

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache .hypothesis
