// main() of newslint_bench: Google Benchmark's own main, plus the
// registrations that must wait until static initialisation is over
// (bench_util.h, DeferredRegistrations).

#include <benchmark/benchmark.h>

#include "bench/bench_util.h"

int main(int argc, char** argv) {
  for (auto registration : newslint::DeferredRegistrations()) registration();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
