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

# Headless Chromium for the page test (tests/io/test_page.py) and a font with Chinese glyphs for
# the page (without one every character is a box), from Debian's chromium and fonts-wqy-microhei
# packages when missing; the test skips with the reason when Chromium still cannot be found.
browser:
	@missing=""; test -x /usr/bin/chromium || missing="chromium"; \
	fc-list :lang=zh 2>/dev/null | grep -q . || missing="$$missing fonts-wqy-microhei"; \
	if [ -n "$$missing" ]; then { apt-get update && apt-get install -y $$missing; } \
		|| echo "make browser: could not install$$missing (the browser test will be skipped;" \
		        "without a CJK font the page's Chinese shows as boxes)"; fi

lint: $(STAMP)
	$(BIN)/ruff check lawgov_ie tests benchmarks
	$(BIN)/mypy

test: model lint browser
	$(BIN)/python -m pytest -q

# The seed gold always; the development set only when it is there (DEVSET: a folder with gold/
# and docs/, see docs/evaluation.md), otherwise a line saying what it needs.
DEVSET ?= ../shared/devset
eval: model
	$(BIN)/lawgov-ie eval corpus/gold
	@if [ -d "$(DEVSET)/gold" ] && [ -d "$(DEVSET)/docs" ]; then \
		$(BIN)/lawgov-ie eval "$(DEVSET)/gold" --docs "$(DEVSET)/docs"; \
	else \
		echo "make eval: no development set in $(DEVSET) (it needs gold/NNN.json and"\
		     "docs/NNN.json, docs/evaluation.md); only the seed gold was scored."\
		     "Point DEVSET=DIR at one to score it too."; \
	fi

bench: model
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
