#!/bin/sh
# run.sh LABEL BUILD_DIR POOLSIM — run every unit and validation test binary of a build, replay
# the committed fuzz inputs through the fuzz targets it has (tests/fuzz/replay.c)
# and run the CLI tests and the catalogue of bad inputs (tests/catalogue) against
# a poolsim binary; in the release run, poolsim-mpi against it (tests/mpi) when POOLSIM_MPI names
# the binary `make mpi` built, else a line "SKIP: no MPI". Each test prints "NAME: N passed, M failed"; a test that
# crashes or exits non-zero without saying so counts as one failure. Output: one
# such line per test, prefixed with LABEL.
label=$1 dir=$2 bin=$3
run_one() { # name, command...
  name=$1; shift
  log=$(mktemp)
  "$@" >"$log" 2>&1
  rc=$?
  line=$(grep -E '^[A-Za-z0-9_.-]+: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
  if [ $rc -ne 0 ] || [ -z "$line" ]; then
    grep -v -E ': [0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 40 | sed "s/^/  [$label $name] /"
    if [ -z "$line" ] || echo "$line" | grep -q ' 0 failed'; then
      line="$name: ${line:+$(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')}${line:-0} passed, 1 failed (exit $rc)"
    fi
  fi
  echo "$label $line"
  rm -f "$log"
}
# binaries whose source is gone (a renamed test) stay in an old build: skip them
for t in "$dir"/tests/unit/test_* "$dir"/tests/validation/test_*; do
  case "$t" in *.o|*.d) continue ;; esac
  [ -x "$t" ] && [ -f "${t#"$dir"/}.c" ] || continue
  run_one "$(basename "$t")" "$t"
done
for t in "$dir"/tests/fuzz/fuzz_*; do
  case "$t" in *.o|*.d) continue ;; esac
  name=$(basename "$t")
  [ -x "$t" ] && [ -f "tests/fuzz/$name.c" ] || continue
  target=${name#fuzz_}
  set --
  for d in "tests/fuzz/corpus/$target" "tests/fuzz/regressions/$target"; do [ -d "$d" ] && set -- "$@" "$d"; done
  [ -f "tests/fuzz/seeds/$target.txt" ] && set -- "$@" $(grep -v '^#' "tests/fuzz/seeds/$target.txt")
  run_one "$name" timeout 600 "$t" "$@" # an input that hangs again fails, not the whole run
done
for t in tests/cli/test_*.sh; do
  [ -f "$t" ] || continue
  run_one "$(basename "$t" .sh)" sh "$t" "$bin"
done
run_one test_catalogue sh tests/catalogue/run.sh "$bin"
[ "$label" = release ] && run_one test_install sh tests/install/test_install.sh "$bin"
if [ "$label" = release ]; then
  if [ -n "$POOLSIM_MPI" ]; then run_one test_mpi sh tests/mpi/test_mpi.sh "$bin" "$POOLSIM_MPI"
  else echo "$label SKIP: no MPI (make mpi could not build poolsim-mpi, see build/results/mpi-build.log): tests/mpi not run"; fi
fi
