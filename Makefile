# Two commands: `make demo` (set up, then extract the bundled corpus) and `make test`.
# Both create .venv when needed, install the package and fetch the pkuseg model once.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup model browser demo test lint eval bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

model: $(STAMP)
	$(BIN)/python -m lawgov_ie.text.pkuseg_model

demo: model
	$(BIN)/lawgov-ie extract corpus/raw --format table

# Headless Chromium for the page test (tests/test_show.py), from Debian's chromium package when
# missing; the test skips with the reason when it still cannot be found.
browser:
	@test -x /usr/bin/chromium || { apt-get update && apt-get install -y chromium; } \
		|| echo "make browser: chromium could not be installed; the browser test will be skipped"

lint: $(STAMP)
	$(BIN)/ruff check lawgov_ie tests benchmarks
	$(BIN)/mypy

test: model lint browser
	$(BIN)/python -m pytest -q

eval: model
	$(BIN)/lawgov-ie eval corpus/gold
	$(BIN)/lawgov-ie eval ../shared/devset/gold --docs ../shared/devset/docs

bench: model
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
