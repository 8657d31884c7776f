# A fresh clone needs only Python 3.10+: every target builds what it needs.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PKUSEG := models/pkuseg/ctb8/weights.npz
OUT    ?= data/processed
WORKERS ?= 0

.PHONY: all install models run test bench eval clean distclean

all: run

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

$(PKUSEG): | $(VENV)/.installed
	$(PY) scripts/fetch_pkuseg.py

models: $(VENV)/.installed $(PKUSEG)
	$(PY) -m pipeline build-models

## run: process the sample pages in data/raw into data/processed
run: $(VENV)/.installed
	$(PY) -m pipeline run data/raw --out $(OUT) --workers $(WORKERS)

## test: the whole test suite (builds the pkuseg model first)
test: $(VENV)/.installed $(PKUSEG)
	$(PY) -m pytest -q

## bench: throughput, speed-up, memory, 100k-document run
bench: $(VENV)/.installed $(PKUSEG)
	$(PY) scripts/bench.py

## eval: score the dev set (needs ../shared/eval)
eval: $(VENV)/.installed
	$(PY) -m pipeline run ../shared/eval/dev/raw --out .cache/dev-out --force
	$(PY) -m pipeline eval ../shared/eval/dev/gold.jsonl .cache/dev-out

clean:
	rm -rf $(OUT)/* .cache/dev-out bench-out .pytest_cache
	touch $(OUT)/.gitkeep

distclean: clean
	rm -rf $(VENV) .cache models/pkuseg models/pipeline-*
