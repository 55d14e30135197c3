# Two commands do all the set-up: `make console` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: console run sandbox test lint bench clean lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Exactly the versions tested, each checked against its hash (requirements-dev.lock),
# then the project itself without resolving anything again.
$(STAMP): requirements-dev.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# After changing a dependency in pyproject.toml: both lock files, for every platform and
# Python 3.11+ (the image installs requirements.lock, make and CI requirements-dev.lock).
LOCK := $(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes --quiet
lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet uv
	$(LOCK) -o requirements.lock
	$(LOCK) --extra dev -o requirements-dev.lock

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
	$(BIN)/python -m bench.statement
	$(BIN)/python -m bench.export
	$(BIN)/python -m bench.reports

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache .hypothesis
