# Two entry points for a fresh machine: `make demo` and `make test` (each sets itself up).
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

.PHONY: setup demo test lint eval bench fuzz models calibration corpora docs examples notebooks clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

# CUSMA letters as CUSMA, the CPTPP letter for an Australian citizen.
demo: $(STAMP)
	$(BIN)/offercheck check $$(ls examples/*.pdf examples/*.docx examples/*.txt | grep -v cptpp) --fail-on never
	$(BIN)/offercheck check examples/*cptpp* --program cptpp --citizenship AU --fail-on never

test: $(STAMP)
	$(BIN)/ruff check analyzer tests
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check analyzer tests

eval: $(STAMP)
	$(BIN)/python -m tests.eval

bench: $(STAMP)
	$(BIN)/python -m tests.bench

fuzz: $(STAMP)
	FUZZ_EXAMPLES=2000 $(BIN)/pytest tests/test_fuzz.py -q

models: $(STAMP)
	$(BIN)/python -m models.build
	$(BIN)/python -m models.calibrate

# Rebuild the duty examples (models/duty_examples.npz) and refit the score calibrators
# (models/calibration.json) after a fusion or labelled-pair change; seconds, no model rebuild.
calibration: $(STAMP)
	$(BIN)/python -m models.calibrate

# Rebuilds corpora/ from ../shared/data (the only step that reads ../shared).
corpora: $(STAMP)
	$(BIN)/python -m corpora.build ../shared/data

docs: $(STAMP)
	$(BIN)/python -m analyzer.checks.docgen docs/rules

examples: $(STAMP)
	$(BIN)/python -m tests.lettergen.examples examples

notebooks: $(STAMP)
	$(BIN)/python -m tests.run_notebooks

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
