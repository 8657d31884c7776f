# A fresh clone needs only Python 3.10+: every target builds what it needs.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PKUSEG := models/pkuseg/ctb8/weights.npz
OUT    ?= data/processed
WORKERS ?= 0
EXPECTED := tests/expected/raw
BROWSER := /usr/bin/chromium /usr/bin/chromedriver
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all install models run test bench eval clean distclean expected check-expected report-screenshot

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

## test: the whole test suite (builds the pkuseg model first; the browser tests need Chromium)
test: $(VENV)/.installed $(PKUSEG) $(BROWSER)
	$(PY) -m pytest -q

## Chromium and its driver from the distribution, for the browser tests of show and report
$(BROWSER):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-wqy-microhei

## expected: regenerate the reviewed expected output of data/raw (CSV, without the
## machine-specific documents.path); review `git diff tests/expected` before committing
expected: $(VENV)/.installed
	$(PY) -m pipeline run data/raw --out .cache/expected-run --format csv --workers 1 --force --no-progress
	rm -rf $(EXPECTED) && mkdir -p $(EXPECTED)
	cp .cache/expected-run/*.csv $(EXPECTED)/
	$(PY) -m pipeline query .cache/expected-run "SELECT * EXCLUDE (path) FROM documents" --csv $(EXPECTED)/documents.csv

## report-screenshot: docs/report.png, the README's picture of the report on the dev pages
report-screenshot: $(VENV)/.installed $(BROWSER)
	$(PY) -m pipeline run ../shared/eval/dev/raw --out .cache/dev-out --no-progress
	$(PY) -m pipeline report .cache/dev-out --html .cache/dev-report/report.html
	rm -rf .cache/chromium-profile
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
	  --disable-component-update --disable-sync --user-data-dir=.cache/chromium-profile --hide-scrollbars \
	  --window-size=1250,2300 --force-device-scale-factor=0.6 --virtual-time-budget=5000 \
	  --screenshot=docs/report.png file://$(CURDIR)/.cache/dev-report/report.html

## check-expected: run on data/raw and diff against the expected output (exit 1 when they differ)
check-expected: $(VENV)/.installed
	$(PY) -m pipeline run data/raw --out .cache/samples-out --workers 1 --force --no-progress
	$(PY) -m pipeline diff $(EXPECTED) .cache/samples-out --ignore documents.path

## bench: pipeline vs the segmenters alone, memory, 2 vs 1 workers, start-up (5,000,000 chars of real pages)
bench: $(VENV)/.installed $(PKUSEG)
	$(PY) scripts/bench.py

## eval: score the dev set (needs ../shared/eval)
eval: $(VENV)/.installed
	$(PY) -m pipeline run ../shared/eval/dev/raw --out .cache/dev-out --force
	$(PY) -m pipeline eval ../shared/eval/dev/gold.jsonl .cache/dev-out

clean:
	rm -rf $(OUT)/* .cache/dev-out .cache/expected-run .cache/samples-out bench-out .pytest_cache
	touch $(OUT)/.gitkeep

distclean: clean
	rm -rf $(VENV) .cache models/pkuseg models/pipeline-*
