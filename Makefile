# The two commands the README starts with. Both install missing system packages first (.ci/install-deps).
MVNW := ./mvnw -B -q

.PHONY: demo test build deps clean

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

# Runs every test: Java (JUnit) and C (with sanitizers).
test: deps
	$(MVNW) verify

clean:
	$(MVNW) clean
	rm -rf run
