# Two commands matter on a fresh machine: `make run` and `make test`. Both build .venv on demand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint bench eval ingest clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Re-install only when the package metadata changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Tests also need the [llm] extra: a real llama.cpp server (built once, ~6.5 min, then cached).
$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev,llm]'
	touch $(TEST_STAMP) $(STAMP)

run: $(STAMP)
	$(BIN)/rehearse ingest
	$(BIN)/rehearse

test: $(TEST_STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/rehearse ingest
	$(BIN)/rehearse eval all

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_retrieval.py
	$(BIN)/python benchmarks/bench_interview.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
