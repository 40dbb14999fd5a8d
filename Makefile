# budget-etl: the two commands a newcomer needs are `make pipeline` and `make test`.
SWIFT ?= swift
CONFIG ?= pipeline.json
BINARY := .build/release/budget-etl

# System packages the build needs, as CHECK=DEBIAN_PACKAGE (see scripts/require-system-packages.sh).
SYSTEM_PACKAGES := pkg-config:libxml-2.0=libxml2-dev

.PHONY: pipeline test build bench deps clean

## pipeline: build (release) and run the pipeline over input/ into output/
pipeline: build
	$(BINARY) run --config $(CONFIG)

## test: run the test suite
test: deps
	$(SWIFT) test

## build: release build of budget-etl
build: deps
	$(SWIFT) build -c release

## bench: throughput and peak memory on a batch of copies of the sample report
bench: build
	scripts/bench.sh $(REPORTS) $(JOBS)

## deps: install missing system packages (as root with apt-get), or say exactly what to run
deps:
	@scripts/require-system-packages.sh $(SYSTEM_PACKAGES)

## clean: remove build products (output/ is kept: it may hold versions no input can rebuild)
clean:
	rm -rf .build
