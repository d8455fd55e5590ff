#!/bin/sh
# fuzz.sh BUILD_DIR SECONDS TARGET... — `make fuzz`: run each libFuzzer target
# (BUILD_DIR/fuzz_TARGET) for SECONDS, one at a time, from its committed seeds
# (tests/fuzz/corpus/TARGET, and the files of the repository that
# tests/fuzz/seeds/TARGET.txt lists, copied into its corpus first) and regression
# inputs (tests/fuzz/regressions/TARGET),
# with the dictionary tests/fuzz/TARGET.dict when there is one. New inputs go to
# BUILD_DIR/corpus/TARGET, a crash, leak or timeout to BUILD_DIR/artifacts/TARGET/
# (commit it under tests/fuzz/regressions/TARGET/ with the fix). Prints each
# target's last status line (executions per second, cov: edges, ft: features)
# and fails when any target found something. FUZZ_TIMEOUT (seconds per input,
# default 30: the sandbox's budgets end any script within about 15 s under ASan)
# and FUZZ_RSS_MB (default 2048) bound one input.
dir=$1 seconds=$2
shift 2
failed=""
for t in "$@"; do
  mkdir -p "$dir/corpus/$t" "$dir/artifacts/$t"
  if [ -f "tests/fuzz/seeds/$t.txt" ]; then # libFuzzer reads seeds from folders: copy them in, named by path
    grep -v '^#' "tests/fuzz/seeds/$t.txt" | while read -r f; do cp "$f" "$dir/corpus/$t/$(echo "$f" | tr / _)"; done
  fi
  set -- "$dir/corpus/$t"
  for d in "tests/fuzz/corpus/$t" "tests/fuzz/regressions/$t"; do [ -d "$d" ] && set -- "$@" "$d"; done
  dict=""
  [ -f "tests/fuzz/$t.dict" ] && dict="-dict=tests/fuzz/$t.dict"
  log="$dir/fuzz_$t.log"
  echo "fuzz_$t: ${seconds}s (log: $log)"
  "$dir/fuzz_$t" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-30}" -rss_limit_mb="${FUZZ_RSS_MB:-2048}" \
    -artifact_prefix="$dir/artifacts/$t/" -print_final_stats=1 $dict "$@" >"$log" 2>&1
  rc=$?
  grep -E '^#[0-9]+' "$log" | tail -n 1 | sed 's/^/  /'
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" | sed 's/^/  /'
  if [ $rc -ne 0 ]; then
    failed="$failed fuzz_$t"
    grep -E 'ERROR|SUMMARY|fuzz check failed|Test unit written' "$log" | head -n 5 | sed 's/^/  /'
  fi
done
if [ -n "$failed" ]; then
  echo "fuzz: found something in$failed (see the logs and $dir/artifacts/)"
  exit 1
fi
echo "fuzz: nothing found"
