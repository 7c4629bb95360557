# Two commands do all the set-up on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench bench-quick clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,lint]'
	touch $(STAMP)

## run: the desktop app (offers the bundled sample archive when no library exists yet)
run: $(STAMP)
	$(BIN)/newsarchive gui

## test: the type and lint checks, then every test, headless
test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

## bench: every benchmark at the sizes docs/benchmarks.md reports (long; `make bench-quick` to check they run)
bench: $(STAMP)
	$(BIN)/python -m benchmarks.run_all

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis

bench-quick: $(STAMP)
	$(BIN)/python -m benchmarks.run_all --quick

## lint: mypy --strict on the core and ruff on everything (settings in pyproject.toml)
lint: $(STAMP)
	$(BIN)/mypy
	$(BIN)/ruff check src tests benchmarks tools
