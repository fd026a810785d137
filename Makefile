# Two commands: `make demo` (set up, then extract the bundled corpus) and `make test`.
# Both create .venv when needed, install the package and fetch the pkuseg model once.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup model demo test lint eval bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

model: $(STAMP)
	$(BIN)/python -m lawgov_ie.pkuseg_model

demo: model
	$(BIN)/lawgov-ie extract corpus/raw --format table

lint: $(STAMP)
	$(BIN)/ruff check lawgov_ie tests benchmarks
	$(BIN)/mypy

test: model lint
	$(BIN)/python -m pytest -q

eval: model
	$(BIN)/lawgov-ie eval corpus/gold
	$(BIN)/lawgov-ie eval ../shared/devset/gold --docs ../shared/devset/docs

bench: model
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
