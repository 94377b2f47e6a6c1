# The two commands the README starts with. Both install missing system packages first (.ci/install-deps).
MVNW := ./mvnw -B -q

# Coverage-guided fuzz targets (Jazzer), as module:TestClass. CI fuzzes each for FUZZ_SECONDS;
# run longer on demand: make fuzz FUZZ_SECONDS=3600. A crash is saved next to the target's seed inputs
# (src/test/resources/.../<TestClass>Inputs/) and fails the run: commit it as a regression test.
# The C targets (libFuzzer: the flattener and the record writer) run for as long through native/'s
# `make fuzz`; their crashes land in native/fuzz/regressions/<target>/, replayed by the C tests.
FUZZ_SECONDS ?= 30
# Jazzer fuzzes one @FuzzTest method per run: a class with two names each (Class#method).
JAVA_FUZZ_TARGETS := agent-core:ConfigurationFuzzTest agent-core:LanguageFuzzTest \
	agent-maces:RecordDecoderFuzzTest\#shouldDecodeOrRejectAnyBytes \
	agent-maces:RecordDecoderFuzzTest\#shouldDecodeOrRejectMutatedGoldenRecords \
	agent-maces:EsloggerJsonConverterFuzzTest\#shouldConvertOrRejectAnyLine \
	agent-maces:EsloggerJsonConverterFuzzTest\#shouldConvertOrRejectMutatedCaptureLines

.PHONY: demo test build deps clean fuzz

deps:
	@.ci/install-deps

build: deps
	$(MVNW) -DskipTests package

# Builds the agent, replays the demo captures through im_maces to the end, then counts what it wrote.
demo: build
	rm -rf run/demo
	bin/nxlog -f --oneshot -c conf/demo.conf
	@echo "--- $$(wc -l < run/demo/events.json) events in run/demo/events.json, by \$$EventType:"
	@grep -o '"EventType":"[a-z_]*"' run/demo/events.json | cut -d'"' -f4 | sort | uniq -c | sort -rn
	@echo "--- the first three:"
	@head -n 3 run/demo/events.json

# Runs every test: Java (JUnit, fuzz targets on their regression inputs) and C (with sanitizers),
# then fuzzes every target for a bounded time.
test: deps
	$(MVNW) verify
	$(MAKE) fuzz

# The Java targets run after one build of the modules they need (make.executable=true: native/ was built
# and tested by `verify`; its C tests need not run again for every target).
fuzz: deps
	@for target in $(JAVA_FUZZ_TARGETS); do \
		module=$${target%%:*}; test=$${target#*:}; \
		echo "fuzzing $$test for $(FUZZ_SECONDS) s"; \
		JAZZER_FUZZ=1 JAZZER_MAX_DURATION=$(FUZZ_SECONDS)s $(MVNW) -pl $$module -am test -Dtest=$$test \
			-Dsurefire.failIfNoSpecifiedTests=false -Dmake.executable=true || exit 1; \
	done
	$(MAKE) -C native fuzz FUZZ_SECONDS=$(FUZZ_SECONDS)

clean:
	$(MVNW) clean
	rm -rf run
