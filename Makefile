# The two commands the README starts with. Both install missing system packages first (.ci/install-deps).
MVNW := ./mvnw -B -q

.PHONY: demo test build deps clean

deps:
	@.ci/install-deps

build: deps
	$(MVNW) -DskipTests package

# Builds the agent and runs its demo configuration to the end, then shows what it wrote.
demo: build
	rm -rf run/demo
	bin/nxlog -f --oneshot -c conf/demo.conf
	@echo "--- $$(wc -l < run/demo/testgen.log) lines in run/demo/testgen.log; the first three:"
	@head -n 3 run/demo/testgen.log

# Runs every test: Java (JUnit) and C (with sanitizers).
test: deps
	$(MVNW) verify

clean:
	$(MVNW) clean
	rm -rf run
