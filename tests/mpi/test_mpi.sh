#!/bin/sh
# test_mpi.sh POOLSIM POOLSIM_MPI — poolsim-mpi against poolsim (docs/cluster.md). Run from the
# repo root after `make mpi`:  sh tests/mpi/test_mpi.sh ./poolsim ./poolsim-mpi
# - every shipped scenario and bench/b1.lua, `run` on 1, 2 and 3 ranks: the JSON byte for byte
#   the one-process run's, apart from run.seconds, run.statistics_seconds, run.threads and
#   run.ranks; `size` (bisection per path), compare, sweep --vary, sweep --tornado and
#   size --breakeven likewise, and run, size and the studies under --sampling importance;
# - a bad scenario: exit 2 on every rank, one message; a rank killed with SIGKILL: the job exits
#   non-zero with a message, within a time limit (no hang); a refused command: exit 2;
# - SIGTERM to mpirun: the reports cover the paths finished, marked partial, exit non-zero; a
#   study's: no report, a message;
# - every command keeps each rank's outcomes on it: rank 0 holds well under half of the runs it
#   holds at once on 3 ranks (POOLSIM_MPI_HELD), the studies' too; paths.csv and the HTML charts as
#   one process.
# Prints "test_mpi: N passed, M failed" at the end. Every call goes through `timeout`.
bin=${1:?usage: sh tests/mpi/test_mpi.sh POOLSIM POOLSIM_MPI}
mpi=${2:?usage: sh tests/mpi/test_mpi.sh POOLSIM POOLSIM_MPI}
case "$bin" in */*) ;; *) bin=./$bin ;; esac
case "$mpi" in */*) ;; *) mpi=./$mpi ;; esac
passed=0 failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/test_mpi.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
# --oversubscribe: more ranks than this machine's cores; --allow-run-as-root: CI runs as root
MPIRUN="mpirun --oversubscribe --allow-run-as-root"
PATHS=1500

pass() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  echo "FAIL: $cmd"
  echo "      $*"
  [ -s "$tmp/err" ] && sed -n '1,6s/^/      stderr: /p' "$tmp/err"
}

# the JSON without the fields that may differ: run's timing, threads and ranks
norm() {
  awk '/^\t"run":/ { inrun = 1 } inrun && /^\t}/ { inrun = 0 }
       inrun && /^\t\t"(seconds|statistics_seconds|threads|ranks)":/ { next } { print }' "$1"
}

# same WHAT ONE MANY — the two documents agree (apart from norm's fields)
same() {
  if [ ! -s "$2" ] || [ ! -s "$3" ]; then fail "$1: a JSON document is missing"; return; fi
  norm "$2" >"$tmp/a.json"
  norm "$3" >"$tmp/b.json"
  if cmp -s "$tmp/a.json" "$tmp/b.json"; then pass
  else fail "$1: the JSON differs from the one-process run's: $(diff "$tmp/a.json" "$tmp/b.json" | head -4 | tr '\n' ' ')"; fi
}

# one ARGS... — poolsim in one process, JSON to $tmp/one.json
one() {
  cmd="poolsim $*"
  rm -f "$tmp/one.json"
  timeout 300 "$bin" "$@" --quiet --json "$tmp/one.json" >"$tmp/out" 2>"$tmp/err" || fail "exit $?"
}
# ranks N ARGS... — poolsim-mpi on N ranks, JSON to $tmp/mpi.json
ranks() {
  n=$1
  shift
  cmd="mpirun -n $n poolsim-mpi $*"
  rm -f "$tmp/mpi.json"
  timeout 300 $MPIRUN -n "$n" "$mpi" "$@" --quiet --json "$tmp/mpi.json" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  [ $rc -eq 0 ] || fail "exit $rc"
}

# ---- runs: every shipped scenario and B1 -------------------------------------
for f in scenarios/*.lua bench/b1.lua; do
  grep -q 'poolsim.scenario' "$f" || continue # a driver (poolsim script), not a scenario
  one run "$f" --paths $PATHS
  for n in 1 2 3; do
    ranks "$n" run "$f" --paths $PATHS
    same "$f on $n ranks" "$tmp/one.json" "$tmp/mpi.json"
    grep -q "\"ranks\":	$n," "$tmp/mpi.json" && pass || fail "run.ranks is not $n"
  done
done
# a thread count of its own on each rank changes nothing either
ranks 2 run scenarios/mianyang_2022.lua --paths $PATHS --threads 2
one run scenarios/mianyang_2022.lua --paths $PATHS --threads 1
same "2 ranks of 2 threads" "$tmp/one.json" "$tmp/mpi.json"

# fewer paths than ranks: a rank with none
one run tests/scenarios/small.lua --paths 2
ranks 3 run tests/scenarios/small.lua --paths 2
same "2 paths on 3 ranks" "$tmp/one.json" "$tmp/mpi.json"

# unequal blocks (1001 paths: 334, 334 and 333) and ties in the required balances (at this PD more
# than half the paths need 0): the quantiles, ES and sizing answers across blocks, run and size,
# plain and under tail sampling
for sampling in plain importance; do
  for command in run size; do
    one $command tests/scenarios/small.lua --paths 1001 --set segments.a_small.pd=0.002 --sampling $sampling
    ranks 3 $command tests/scenarios/small.lua --paths 1001 --set segments.a_small.pd=0.002 --sampling $sampling
    same "$command, ties at 0, unequal blocks, $sampling sampling, on 3 ranks" "$tmp/one.json" "$tmp/mpi.json"
    if [ $command$sampling = runplain ]; then # the case has the ties it is meant to have
      grep -A 8 '"required_initial"' "$tmp/one.json" | grep -q '"p50":	0,' && pass || fail "no tie at 0: p50 is not 0"
    fi
  done
done

# ---- rank 0 keeps its own block only: the other ranks answer for theirs ----------
# POOLSIM_MPI_HELD makes rank 0 print the most bytes of per-path outcomes (not the bands) it held at
# once, and the whole runs' it held then: on 3 ranks it keeps a third of the paths of each, well below
# half; a study holds two runs at once (the base and the variant paired with it), a third of each.
# When the studies gathered every path on rank 0 (before branch mpihold) they held 100% and more.
held() { # held N ARGS... — rank 0's held/runs ratio, x 100, and the most runs it held at once
  n=$1
  shift
  cmd="POOLSIM_MPI_HELD=1 mpirun -n $n poolsim-mpi $*"
  POOLSIM_MPI_HELD=1 timeout 300 $MPIRUN -n "$n" -x POOLSIM_MPI_HELD "$mpi" "$@" --quiet --json "$tmp/held.json" \
    >"$tmp/out" 2>"$tmp/err" || fail "exit $?"
  sed -n 's/^poolsim-mpi: rank 0 held at most \([0-9]*\) runs.* at most \([0-9]*\) bytes.*it held then: \([0-9]*\)$/\1 \2 \3/p' \
    "$tmp/err" | awk '$3 > 0 { printf "%d %d\n", 100 * $2 / $3, $1 }'
}
for command in run size; do
  set -- $(held 3 $command bench/b1.lua --paths 6000)
  [ -n "$1" ] && [ "$1" -lt 50 ] && pass || fail "$command on 3 ranks: rank 0 held ${1:-?}% of the run's outcomes, not < 50%"
done
for study in "sweep tests/scenarios/small.lua --vary segments.a_small.pd=0.01,0.02,0.03" \
  "sweep tests/scenarios/small.lua --tornado segments.a_small.pd" \
  "compare tests/scenarios/small.lua tests/scenarios/small.lua" \
  "size tests/scenarios/breakeven_insurer.lua --breakeven parties.ins.premium --party ins"; do
  set -- $(held 3 $study --paths 3000)
  [ -n "$1" ] && [ "$1" -lt 50 ] && pass || fail "$study on 3 ranks: rank 0 held ${1:-?}% of its runs' outcomes, not < 50%"
  # each run released once the study is done with it: the base and one variant at most
  [ -n "$2" ] && [ "$2" -le 2 ] && pass || fail "$study on 3 ranks: rank 0 held ${2:-?} runs at once, not at most 2"
done
# the per-path readers read the ranks' blocks in path order: paths.csv byte for byte, and the HTML page
cmd="run --csv, one process and 3 ranks"
rm -rf "$tmp/csv1" "$tmp/csv3"
timeout 300 "$bin" run tests/scenarios/small.lua --paths 1001 --sampling importance --quiet --csv "$tmp/csv1" \
  --html "$tmp/one.html" >"$tmp/out" 2>"$tmp/err" || fail "exit $?"
timeout 300 $MPIRUN -n 3 "$mpi" run tests/scenarios/small.lua --paths 1001 --sampling importance --quiet \
  --csv "$tmp/csv3" --html "$tmp/mpi.html" >"$tmp/out" 2>"$tmp/err" || fail "exit $?"
for f in paths.csv sizing.csv bands.csv; do
  cmp -s "$tmp/csv1/$f" "$tmp/csv3/$f" && pass || fail "$f differs from the one-process run's"
done
# the page as one process's, apart from when, how and on how many threads it ran
grep -v -E '<dt>(run at|command line|threads|seconds)</dt>' "$tmp/one.html" >"$tmp/a.html"
grep -v -E '<dt>(run at|command line|threads|seconds)</dt>' "$tmp/mpi.html" >"$tmp/b.html"
cmp -s "$tmp/a.html" "$tmp/b.html" && pass || fail "the HTML page differs from the one-process run's: $(diff "$tmp/a.html" "$tmp/b.html" | head -4 | tr '\n' ' ')"

# ---- size (a bisection per path), and the studies ----------------------------
one size scenarios/luoyang_2017.lua --paths 800
ranks 3 size scenarios/luoyang_2017.lua --paths 800
same "size on 3 ranks" "$tmp/one.json" "$tmp/mpi.json"
one compare scenarios/mianyang_2022.lua scenarios/mianyang_2022_today.lua --paths 800
ranks 3 compare scenarios/mianyang_2022.lua scenarios/mianyang_2022_today.lua --paths 800
same "compare on 3 ranks" "$tmp/one.json" "$tmp/mpi.json"
one sweep scenarios/mianyang_2022.lua --vary pools.fund.initial=1e8,2e8 --paths 800
ranks 2 sweep scenarios/mianyang_2022.lua --vary pools.fund.initial=1e8,2e8 --paths 800
same "sweep on 2 ranks" "$tmp/one.json" "$tmp/mpi.json"
one sweep tests/scenarios/small.lua --tornado segments.a_small.pd,programmes.prog_a.claim_lag --paths 800
ranks 3 sweep tests/scenarios/small.lua --tornado segments.a_small.pd,programmes.prog_a.claim_lag --paths 800
same "tornado on 3 ranks" "$tmp/one.json" "$tmp/mpi.json"

# the break-even study: a target loss ratio, and a party's PV cost (every party's PV kept per path)
for target in "--target 0.6 --range 0.05,0.5" ""; do
  one size tests/scenarios/breakeven_insurer.lua --breakeven parties.ins.premium --party ins $target --paths 300
  ranks 3 size tests/scenarios/breakeven_insurer.lua --breakeven parties.ins.premium --party ins $target --paths 300
  same "breakeven ${target:-at zero PV cost} on 3 ranks" "$tmp/one.json" "$tmp/mpi.json"
done
# tail sampling: the weights are per-path outcomes, which the ranks gather like the others
# (tests/unit/test_outcomes_block.c checks that ps_outcomes_arrays lists every array), and the
# shift each rank chooses (a pilot on streams of its own, the job's --alpha) is the same
one run scenarios/mianyang_2022.lua --sampling importance --alpha 0.001 --paths $PATHS
for n in 1 2 3; do
  ranks "$n" run scenarios/mianyang_2022.lua --sampling importance --alpha 0.001 --paths $PATHS
  same "--sampling importance on $n ranks" "$tmp/one.json" "$tmp/mpi.json"
done
grep -q '"sampling":	"importance"' "$tmp/mpi.json" && pass || fail "run.sampling is not importance"
one size tests/scenarios/small.lua --sampling importance --paths 800
ranks 3 size tests/scenarios/small.lua --sampling importance --paths 800
same "size --sampling importance on 3 ranks" "$tmp/one.json" "$tmp/mpi.json"
# the studies under tail sampling: every run takes the first run's shift, which rank 0 sends with the
# job; the paired sums weigh each rank's paths by the weights of its own block
one sweep tests/scenarios/small.lua --vary segments.a_small.pd=0.03,0.05 --sampling importance --paths 900
ranks 3 sweep tests/scenarios/small.lua --vary segments.a_small.pd=0.03,0.05 --sampling importance --paths 900
same "sweep --sampling importance on 3 ranks" "$tmp/one.json" "$tmp/mpi.json"
grep -q '"sampling":	"importance"' "$tmp/mpi.json" && pass || fail "the sweep's scenario.sampling is not importance"
one sweep tests/scenarios/small.lua --tornado segments.a_small.pd --sampling importance --paths 900
ranks 2 sweep tests/scenarios/small.lua --tornado segments.a_small.pd --sampling importance --paths 900
same "tornado --sampling importance on 2 ranks" "$tmp/one.json" "$tmp/mpi.json"
one size tests/scenarios/breakeven_insurer.lua --breakeven parties.ins.premium --party ins --sampling importance --paths 300
ranks 3 size tests/scenarios/breakeven_insurer.lua --breakeven parties.ins.premium --party ins --sampling importance --paths 300
same "breakeven --sampling importance on 3 ranks" "$tmp/one.json" "$tmp/mpi.json"
# with poolsim.uncertain parameters: the run at point values is weighted too (its own shift)
one run tests/scenarios/uncertain_small.lua --sampling importance --paths 900
ranks 3 run tests/scenarios/uncertain_small.lua --sampling importance --paths 900
same "uncertain parameters, --sampling importance on 3 ranks" "$tmp/one.json" "$tmp/mpi.json"
grep -q '"sizing_point_values"' "$tmp/mpi.json" && pass || fail "no sizing_point_values under tail sampling"

# ---- failures ---------------------------------------------------------------
bad=$(ls tests/scenarios/bad/*.lua | head -n 1)
cmd="mpirun -n 3 poolsim-mpi run $bad"
timeout 60 $MPIRUN -n 3 "$mpi" run "$bad" --paths 100 >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] && pass || fail "a bad scenario: exit $rc, not 2"
timeout 60 "$bin" check "$bad" >/dev/null 2>"$tmp/one_err"
n=$(grep -c -F "$(head -n 1 "$tmp/one_err")" "$tmp/err")
[ "$n" -eq 1 ] && pass || fail "a bad scenario: its message $n times, not once"

# what runs in one process only is refused
for refused in "size scenarios/mianyang_2022.lua --volume" "script scenarios/study_fund_size.lua 100" \
               "backtest tests/scenarios/backtest.lua --actual tests/data/none.csv"; do
  cmd="mpirun -n 2 poolsim-mpi $refused"
  timeout 60 $MPIRUN -n 2 "$mpi" $refused >"$tmp/out" 2>"$tmp/err"
  rc=$?
  [ $rc -eq 2 ] && grep -q 'runs in one process' "$tmp/err" && pass || fail "exit $rc, not 2 with a message"
done

# a rank that dies: kill rank 1 with SIGKILL in the middle of a slow run
cmd="mpirun -n 2 poolsim-mpi run tests/cli/slow_hook.lua, rank 1 killed"
timeout 120 $MPIRUN -n 2 "$mpi" run tests/cli/slow_hook.lua --paths 4000 --threads 1 --quiet \
  --json "$tmp/killed.json" >"$tmp/out" 2>"$tmp/err" &
job=$!
victim=
for _ in $(seq 1 100); do
  for p in $(pgrep -P "$(pgrep -P $job | head -n 1)" 2>/dev/null); do # timeout > mpirun > the ranks
    tr '\0' '\n' <"/proc/$p/environ" 2>/dev/null | grep -qx 'OMPI_COMM_WORLD_RANK=1' && victim=$p
  done
  [ -n "$victim" ] && break
  sleep 0.1
done
if [ -z "$victim" ]; then fail "rank 1 was not found"; wait $job
else
  sleep 1
  kill -KILL "$victim"
  wait $job
  rc=$?
  if [ $rc -eq 0 ] || [ $rc -eq 124 ]; then fail "a killed rank: exit $rc (0: success, 124: a hang)"; else pass; fi
  [ -s "$tmp/err" ] && pass || fail "a killed rank: no message"
  [ -e "$tmp/killed.json" ] && fail "a killed rank: a report was written" || pass
fi

# SIGTERM to mpirun: partial reports, as one process writes them
cmd="mpirun -n 2 poolsim-mpi run tests/cli/slow_hook.lua, SIGTERM to mpirun"
# OpenMPI's mpirun, on SIGTERM, sends the ranks SIGCONT, passes the SIGTERM on
# odls_base_sigkill_timeout seconds later and kills what still runs soon after (1 s by default,
# which a loaded machine can miss): rank 0 gets time to write its reports (docs/cluster.md)
timeout 120 $MPIRUN --mca odls_base_sigkill_timeout 10 -n 2 "$mpi" run tests/cli/slow_hook.lua --paths 4000 \
  --threads 1 --quiet --json "$tmp/partial.json" >"$tmp/out" 2>"$tmp/err" &
job=$!
sleep 4
kill -TERM "$(pgrep -P $job | head -n 1)" # mpirun, the child of timeout
wait $job
rc=$?
[ $rc -ne 0 ] && [ $rc -ne 124 ] && pass || fail "SIGTERM: exit $rc"
if grep -q '"partial":	true' "$tmp/partial.json" 2>/dev/null; then pass
else fail "SIGTERM: no partial report ($(tail -n 2 "$tmp/err" | tr '\n' ' '))"; fi

# a study stopped so writes nothing, on every rank count as in one process. The sweep must outlast
# the 4 s before the signal and the 10 s mpirun holds it back: eight runs of 1.5 million paths take
# about a minute on the 2-core machine (three took 14 s once the statistics got cheaper: a race)
cmd="mpirun -n 3 poolsim-mpi sweep, SIGTERM to mpirun"
rm -f "$tmp/sweep_term.json"
timeout 120 $MPIRUN --mca odls_base_sigkill_timeout 10 -n 3 "$mpi" sweep tests/scenarios/small.lua \
  --vary pools.fund.initial=4e6,5e6,6e6,7e6,8e6,9e6,1e7,1.1e7 --paths 1500000 --quiet --json "$tmp/sweep_term.json" \
  >"$tmp/out" 2>"$tmp/err" &
job=$!
sleep 4
kill -TERM "$(pgrep -P $job | head -n 1)"
wait $job
rc=$?
[ $rc -ne 0 ] && [ $rc -ne 124 ] && pass || fail "SIGTERM to a sweep: exit $rc"
grep -q "no report written" "$tmp/err" && pass || fail "SIGTERM to a sweep: no message"
[ -e "$tmp/sweep_term.json" ] && fail "SIGTERM to a sweep: a report was written" || pass

echo "test_mpi: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
