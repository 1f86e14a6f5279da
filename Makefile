# newslint: the two commands of the README.
#   make run   install what is missing, build, lint fixtures/, write the reports
#   make test  install what is missing, build, run every test through ctest
# Other targets: make build, make bench, make snapshots, make screenshots,
# make deps, make clean.

BUILD ?= build
JOBS ?= $(shell nproc)
REPORT_DIR ?= newslint-report

# Debian 12 packages the build and the tests need.
DEPS := cmake ninja-build g++ pkg-config libxml2-dev libsimdjson-dev zlib1g-dev \
        libzstd-dev libtoml11-dev libcli11-dev libre2-dev libhunspell-dev hunspell-en-us \
        libgtest-dev libgmock-dev libbenchmark-dev
# ... and the ones only the tests need (the HTML report is tested in a real
# browser): installed by `make test` and `make screenshots`.
TEST_DEPS := chromium
test screenshots: EXTRA_DEPS = $(TEST_DEPS)

.PHONY: all deps build run test snapshots screenshots bench clean

all: build

deps:
	@missing=""; \
	for p in $(DEPS) $(EXTRA_DEPS); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "newslint: installing Debian packages:$$missing"; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(BUILD)/build.ninja: CMakeLists.txt | deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@rm -rf $(REPORT_DIR)
	$(BUILD)/newslint check fixtures --fail-on never \
	  -o $(REPORT_DIR)/report.json -o $(REPORT_DIR)/report.jsonl -o $(REPORT_DIR)/report.txt \
	  --report $(REPORT_DIR)/report.html
	@echo
	@echo "Reports written:"
	@echo "  $(REPORT_DIR)/report.txt    findings with excerpts, then the summary"
	@echo "  $(REPORT_DIR)/report.json   the whole run (schema newslint.report/1)"
	@echo "  $(REPORT_DIR)/report.jsonl  one line per input record, aligned with the input"
	@echo "  $(REPORT_DIR)/report.html   one page to open in a browser: charts, articles, filters"

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# Re-writes the report snapshots (tests/snapshots/) from the current code;
# review the change with `git diff tests/snapshots`.
snapshots: build
	NEWSLINT_UPDATE_SNAPSHOTS=1 $(BUILD)/newslint_tests --gtest_filter='*Snapshot*'

# Re-draws docs/images/report-*.png from `make run`'s report in headless
# Chromium: the overview, and the article view of one fixture.
SHOT := chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,900
SHOT_ARTICLE ?= fixtures/html/scraped-page.html
screenshots: run
	@mkdir -p docs/images
	$(SHOT) --screenshot=docs/images/report-overview.png "file://$(abspath $(REPORT_DIR))/report.html" 2>/dev/null
	$(SHOT) --screenshot=docs/images/report-article.png \
	  "file://$(abspath $(REPORT_DIR))/report.html#article=$(SHOT_ARTICLE)&overview=hide" 2>/dev/null

bench: build
	$(BUILD)/newslint_bench --benchmark_min_time=0.2
	bench/throughput.sh $(BUILD) 64

clean:
	rm -rf $(BUILD) $(REPORT_DIR)
