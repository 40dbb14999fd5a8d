# budget-etl: the two commands a newcomer needs are `make pipeline` and `make test`.
SWIFT ?= swift
CONFIG ?= pipeline.json
BINARY := .build/release/budget-etl

# What the build needs, as CHECK=PACKAGE (see scripts/require-system-packages.sh).
BUILD_PACKAGES := pkg-config:libxml-2.0=libxml2-dev
# What the independent output checks need.
CHECK_PACKAGES := command:xmllint=libxml2-utils command:xsltproc=xsltproc pip:frictionless=frictionless pip:bagit.py=bagit

.PHONY: pipeline test check-outputs build bench deps check-deps clean

## pipeline: build (release) and run the pipeline over input/ into output/
pipeline: build
	$(BINARY) run --config $(CONFIG)

## test: the test suite, then the outputs of the sample checked by independent tools
test: deps
	$(SWIFT) test
	$(MAKE) check-outputs

## check-outputs: run the pipeline on input/ into a scratch folder and validate what it wrote
## with xmllint (XSD), xsltproc (render.xsl), frictionless (data package) and bagit.py (bag)
check-outputs: deps check-deps
	$(SWIFT) build
	@scratch=$$(mktemp -d) && \
	  printf '{"input": "%s/input", "output": "%s/output"}\n' "$$PWD" "$$scratch" > "$$scratch/pipeline.json" && \
	  .build/debug/budget-etl run --config "$$scratch/pipeline.json" && \
	  scripts/check-outputs.sh "$$scratch/output"; status=$$?; rm -rf "$$scratch"; exit $$status

## build: release build of budget-etl
build: deps
	$(SWIFT) build -c release

## bench: throughput and peak memory on a batch of copies of the sample report
bench: build
	scripts/bench.sh $(REPORTS) $(JOBS)

## deps: install missing system packages (as root with apt-get), or say exactly what to run
deps:
	@scripts/require-system-packages.sh $(BUILD_PACKAGES)

check-deps:
	@scripts/require-system-packages.sh $(CHECK_PACKAGES)

## clean: remove build products (output/ is kept: it may hold versions no input can rebuild)
clean:
	rm -rf .build
