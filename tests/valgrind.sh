#!/bin/sh
# valgrind.sh POOLSIM — memory errors and leaks in the whole program, on small
# runs that exercise threads, Lua hooks, JSON output and error paths.
bin=$1 passed=0 failed=0
if ! command -v valgrind >/dev/null 2>&1; then
  echo "valgrind: 0 passed, 1 failed (valgrind is not installed: run make deps-test)"
  exit 1
fi
out=$(mktemp -d)
check() { # expected-exit, args...
  want=$1; shift
  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    "$bin" "$@" >"$out/log" 2>&1
  rc=$?
  if [ $rc -eq "$want" ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "valgrind $bin $*: exit $rc, want $want"; tail -n 30 "$out/log"; fi
}
check 0 run tests/scenarios/small.lua --paths 300 --threads 2 --json "$out/r.json" --quiet
check 0 run tests/scenarios/hook_topup.lua --paths 50 --threads 2 --quiet --check
check 0 run tests/scenarios/all_rules.lua --paths 30 --threads 2 --quiet --check
check 0 size tests/scenarios/small.lua --paths 200 --at 5e6 --quiet
check 0 run tests/scenarios/small.lua --paths 200 --at 5e6 --quiet --xlsx "$out/r.xlsx" --csv "$out/csv" # the workbook (libxlsxwriter) and the CSV files
check 2 check tests/scenarios/bad/share_sum.lua
check 2 run tests/scenarios/small.lua --set pools.nope.initial=1
check 2 check tests/scenarios/bad/metatable_error.lua # a Lua error while C reads the table: nothing leaks
check 0 check tests/scenarios/small.lua --keys --set pools.fund.yield=nil
check 1 script tests/scripts/driver_result_field.lua # an error raised from a result's __index
check 2 sweep tests/scenarios/small.lua --vary pools.fund.initial=1e7 --csv "$out/csv" # refused
check 0 size --help
rm -rf "$out"
echo "valgrind: $passed passed, $failed failed"
