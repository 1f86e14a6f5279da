# newslint: the two commands of the README.
#   make run   install what is missing, build, lint fixtures/, write the reports
#   make test  install what is missing, build, run every test through ctest,
#              then the suite under ASan+UBSan and the fuzz targets (make fuzz)
# Other targets: make build, make bench, make snapshots, make screenshots,
# make deps, make clean.

BUILD ?= build
JOBS ?= $(shell nproc)
REPORT_DIR ?= newslint-report

# Debian 12 packages the build and the tests need.
DEPS := cmake ninja-build g++ pkg-config libxml2-dev libsimdjson-dev zlib1g-dev \
        libzstd-dev libtoml11-dev libcli11-dev libre2-dev libhunspell-dev hunspell-en-us libabsl-dev \
        libgoogle-perftools-dev \
        libgtest-dev libgmock-dev libbenchmark-dev \
        python3-dev pybind11-dev
# ... and the ones only the tests need (the HTML report is tested in a real
# browser; the Python module with pytest and a real Dask pipeline, on the
# system /usr/bin/python3 these packages serve; contrib/slurm on a one-node
# Slurm cluster): installed by `make test` and `make screenshots`.
TEST_DEPS := chromium python3-pytest python3-dask slurm-wlm munge
test screenshots: EXTRA_DEPS = $(TEST_DEPS)

.PHONY: all deps build run test snapshots screenshots bench clean fuzz

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

# After the normal suite, `make test` (and so CI) runs `make fuzz` below:
# the suite again under ASan+UBSan and each fuzz target for FUZZ_SECONDS
# (60 s in CI). For a quicker local run: `make test FUZZ_SECONDS=0` skips the
# fuzz runs, `make test SANITIZE=0` skips the sanitized build altogether.
SANITIZE ?= 1
test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
ifneq ($(SANITIZE),0)
	$(MAKE) --no-print-directory fuzz
endif

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

# Hostile input: the whole suite under ASan+UBSan and each libFuzzer target
# for FUZZ_SECONDS (0 skips the fuzz runs), in build-fuzz/ with clang
# (docs/security.md); part of `make test`. Seeds come from fixtures/ and
# tests/fuzz_regressions/; a crash leaves its input as crash-* in
# build-fuzz/ (turn it into a regression test in the normal suite). The
# sanitized suite leaves out the tests that drive Chromium, Python or Slurm
# around the binary (they test no C++ of their own; the normal suite runs
# them). LeakSanitizer fails the run on a leak: a CLI subprocess with a
# leak exits 1.
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_DEPS := clang libclang-rt-14-dev
FUZZ_TARGETS := jsonl_reader html_reader analysis rules
fuzz: EXTRA_DEPS = $(FUZZ_DEPS)
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG" \
	  -DNEWSLINT_FUZZ=ON -DNEWSLINT_BUILD_BENCH=OFF
	cmake --build $(FUZZ_BUILD) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir $(FUZZ_BUILD) --output-on-failure -j $(JOBS) \
	  -E '^(html_report_browser|html_report_payloads|python_module|slurm_cluster)$$'
	@set -e; [ "$(FUZZ_SECONDS)" != 0 ] || { echo "fuzz runs skipped (FUZZ_SECONDS=0)"; exit 0; }; \
	for t in $(FUZZ_TARGETS); do \
	  seeds=$(FUZZ_BUILD)/seeds/$$t; corpus=$(FUZZ_BUILD)/corpus/$$t; mkdir -p $$seeds $$corpus; \
	  if [ -d tests/fuzz_regressions/$$t ]; then find tests/fuzz_regressions/$$t -type f -exec cp {} $$seeds/ \; ; fi; \
	  case $$t in \
	    jsonl_reader) find fixtures -name '*.jsonl' -size -64k -exec cp {} $$seeds/ \; ;; \
	    html_reader) find fixtures -name '*.html' -size -64k -exec cp {} $$seeds/ \; ;; \
	    *) find fixtures -name '*.txt' -size -64k -exec cp {} $$seeds/ \; ;; \
	  esac; \
	  echo "fuzz_$$t: $(FUZZ_SECONDS) s"; \
	  if (cd $(FUZZ_BUILD) && ./fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	        -rss_limit_mb=2048 -print_final_stats=1 corpus/$$t seeds/$$t > fuzz_$$t.log 2>&1); \
	  then tail -4 $(FUZZ_BUILD)/fuzz_$$t.log; \
	  else tail -40 $(FUZZ_BUILD)/fuzz_$$t.log; exit 1; fi; \
	done

bench: build
	$(BUILD)/newslint_bench --benchmark_min_time=0.2
	bench/throughput.sh $(BUILD) 64

clean:
	rm -rf $(BUILD) $(REPORT_DIR)
