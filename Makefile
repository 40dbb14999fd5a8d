# budget-etl: the two commands a newcomer needs are `make pipeline` and `make test`.
SWIFT ?= swift
PYTHON ?= python3
CONFIG ?= pipeline.json
BINARY := .build/release/budget-etl
DEBUG_BINARY := .build/debug/budget-etl

# What the build needs, as CHECK=PACKAGE (see scripts/require-system-packages.sh).
BUILD_PACKAGES := pkg-config:libxml-2.0=libxml2-dev
# What the tests and the independent output checks need: xmllint (a test runs it too), xsltproc,
# and a Python that can make a virtual environment (Debian: python3-venv) for the PyPI checkers.
CHECK_PACKAGES := command:xmllint=libxml2-utils command:xsltproc=xsltproc command:python3=python3 python:ensurepip=python3-venv

# The PyPI checkers (frictionless, bagit.py) live in their own virtual environment, installed from
# exact versions; never in the system Python.
CHECKERS_VENV := .venv-checkers
CHECKERS_REQUIREMENTS := scripts/requirements-checkers.txt

# The test fixtures check-outputs runs the pipeline on: Tests/Fixtures/CASE/input.txt, report id CASE.
# (Never input/: that folder is the user's.)
FIXTURES := Tests/Fixtures

# swift-format, configured by .swift-format. Its layout checks (indentation, line breaks, spacing:
# the pretty-printer's diff) cannot be configured to accept this code's continuation lines aligned
# under their opening parenthesis, so `lint` runs the rules only (swift-format's
# --debug-disable-pretty-print), plus its own check of .swift-format's lineLength;
# `make lint LINT_LAYOUT=1` adds swift-format's layout checks.
LINT_PATHS := Sources Tests Fuzz Package.swift
LINT_LAYOUT ?=
SWIFT_FORMAT_LAYOUT = $(if $(LINT_LAYOUT),,--debug-disable-pretty-print)
LINE_LENGTH = $(shell sed -n 's/^ *"lineLength" *: *\([0-9][0-9]*\).*/\1/p' .swift-format)

.PHONY: pipeline test lint check-outputs golden build bench fuzz deps check-deps checkers clean

## pipeline: build (release) and run the pipeline over input/ into output/
pipeline: build
	$(BINARY) run --config $(CONFIG)

## test: lint, install every tool the tests and checks use, the test suite, then the outputs of
## the test fixtures checked by independent tools
test: lint deps check-deps checkers
	$(SWIFT) test
	$(MAKE) check-outputs

## lint: swift-format's rules (.swift-format) over Sources, Tests and Package.swift, and no line
## longer than its lineLength
lint:
	@test -n "$(LINE_LENGTH)" || { echo "lint: no lineLength in .swift-format" >&2; exit 2; }
	@status=0; \
	  echo "$(SWIFT) format lint --strict --recursive --configuration .swift-format $(SWIFT_FORMAT_LAYOUT) $(LINT_PATHS)"; \
	  $(SWIFT) format lint --strict --recursive --configuration .swift-format $(SWIFT_FORMAT_LAYOUT) $(LINT_PATHS) || status=1; \
	  long=$$(LC_ALL=C.UTF-8 grep -rnE --include='*.swift' '^.{$(LINE_LENGTH)}.' $(LINT_PATHS) | cut -d: -f1,2); \
	  if [ -n "$$long" ]; then \
	    echo "$$long" | sed 's/$$/: error: line is longer than $(LINE_LENGTH) characters (lineLength in .swift-format)/' >&2; status=1; \
	  fi; \
	  exit $$status

## check-outputs: run the pipeline on every Tests/Fixtures/*/input.txt in a scratch folder and
## validate what it wrote with xmllint (XSD), xsltproc (render.xsl), frictionless (data package)
## and bagit.py (bag)
# Some fixtures disagree with themselves on purpose, so failed reconciliation checks are not an
# error here (the golden tests check those); a report that fails a stage is.
check-outputs: deps check-deps checkers
	$(SWIFT) build
	@set -u; scratch=$$(mktemp -d); trap 'rm -rf "$$scratch"' EXIT; \
	  mkdir "$$scratch/input" || exit 2; \
	  for fixture in $(FIXTURES)/*/input.txt; do \
	    [ -f "$$fixture" ] || { echo "check-outputs: no $(FIXTURES)/*/input.txt" >&2; exit 2; }; \
	    cp "$$fixture" "$$scratch/input/$$(basename "$$(dirname "$$fixture")").txt" || exit 2; \
	  done; \
	  printf '{"input": "%s/input", "output": "%s/output", "failOnCheckFailures": false}\n' "$$scratch" "$$scratch" > "$$scratch/pipeline.json"; \
	  $(DEBUG_BINARY) run --config "$$scratch/pipeline.json"; ran=$$?; \
	  CHECKERS_VENV="$$PWD/$(CHECKERS_VENV)" scripts/check-outputs.sh "$$scratch/output"; checked=$$?; \
	  [ "$$ran" -eq 0 ] || echo "check-outputs: the pipeline failed on the fixtures (exit status $$ran)" >&2; \
	  [ "$$ran" -eq 0 ] && [ "$$checked" -eq 0 ]

## golden: re-record the golden runs (Tests/Fixtures/*/expected/) after a deliberate change to
## what the pipeline writes; then review `git diff Tests/Fixtures` like code
golden: deps check-deps
	BUDGET_ETL_RECORD_GOLDEN=1 $(SWIFT) test --filter GoldenRunTests

## build: release build of budget-etl
build: deps
	$(SWIFT) build -c release

## bench: throughput, MB/s, output size, time per stage, peak memory and a no-op re-run on generated
## reports (scripts/generate-corpus.py), then one report at 1x/10x/100x size; see docs/benchmarks.md.
## Sizes: make bench REPORTS="1000 10000" (the default); JOBS=n; BINARY=path to time another build
bench: build
	REPORTS="$(REPORTS)" JOBS="$(JOBS)" BINARY="$(BINARY)" scripts/bench.sh

## fuzz: build the libFuzzer target (Fuzz/) and run it for FUZZ_SECONDS on every stage in memory,
## seeded with the test fixtures; corpus and crashes go to .fuzz/ (see docs/bad-inputs.md, "Fuzzing").
## make fuzz FUZZ_SECONDS=60; FUZZ_ARGS=... adds libFuzzer flags; a crash file replays with
## .build-fuzz/release/budget-etl-fuzz .fuzz/artifacts/crash-...
# The target exists only when BUDGET_ETL_FUZZ is set (Package.swift) and builds in its own scratch
# folder, since every module is compiled with -sanitize=fuzzer (coverage for libFuzzer).
# -max_len: a few hundred KB, beyond the fixtures (35 KB at most) and enough for big tables;
# -timeout: an input taking longer than FUZZ_TIMEOUT seconds is reported as a slow-input finding.
FUZZ_SECONDS ?= 600
FUZZ_MAX_LEN ?= 262144
FUZZ_TIMEOUT ?= 10
FUZZ_ARGS ?=
FUZZ_DIR := .fuzz
FUZZ_BINARY := .build-fuzz/release/budget-etl-fuzz
fuzz: deps
	BUDGET_ETL_FUZZ=1 $(SWIFT) build -c release --scratch-path .build-fuzz --product budget-etl-fuzz -Xswiftc -sanitize=fuzzer
	@mkdir -p $(FUZZ_DIR)/corpus $(FUZZ_DIR)/seeds $(FUZZ_DIR)/artifacts
	@for fixture in $(FIXTURES)/*/input.txt; do \
	  cp "$$fixture" "$(FUZZ_DIR)/seeds/$$(basename "$$(dirname "$$fixture")").txt" || exit 2; \
	done
	$(FUZZ_BINARY) $(FUZZ_DIR)/corpus $(FUZZ_DIR)/seeds -dict=Fuzz/budget-etl.dict -max_len=$(FUZZ_MAX_LEN) \
	  -timeout=$(FUZZ_TIMEOUT) -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=$(FUZZ_DIR)/artifacts/ \
	  -print_final_stats=1 $(FUZZ_ARGS)

## deps: install missing system packages (as root with apt-get), or say exactly what to run
deps:
	@scripts/require-system-packages.sh $(BUILD_PACKAGES)

## check-deps: the same for what the tests and output checks need (xmllint, xsltproc, python3-venv)
check-deps:
	@PYTHON=$(PYTHON) scripts/require-system-packages.sh $(CHECK_PACKAGES)

## checkers: the virtual environment .venv-checkers/ with frictionless and bagit.py, at the exact
## versions of scripts/requirements-checkers.txt (remade when that file changes)
checkers: $(CHECKERS_VENV)/.installed

$(CHECKERS_VENV)/.installed: $(CHECKERS_REQUIREMENTS) | check-deps
	rm -rf $(CHECKERS_VENV)
	$(PYTHON) -m venv $(CHECKERS_VENV)
	$(CHECKERS_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --require-virtualenv \
	  -r $(CHECKERS_REQUIREMENTS)
	touch $@

## clean: remove build products and the checkers' virtual environment (output/ is kept: it may
## hold versions no input can rebuild)
clean:
	rm -rf .build $(CHECKERS_VENV)
