#!/bin/sh
# run.sh POOLSIM — paths per second on fixed scenarios, and thread scaling.
# Each configuration runs RUNS times (default 5); the median wall time is
# reported, with the 1-thread/2-thread ratio taken from medians of the same
# session. Machines here are shared: compare medians, never single runs.
bin=${1:-./poolsim}
runs=${RUNS:-5}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
time_run() { # scenario paths threads -> seconds reported by the engine
  "$bin" run "$1" --paths "$2" --threads "$3" --quiet --json - | awk -F'[:,]' '/"seconds"/ { gsub(/[ \t]/, "", $2); print $2 }'
}
printf '%-34s %8s %7s %10s %12s\n' scenario paths threads "median s" "paths/s"
for spec in "bench/portfolio_2400.lua 100000" "bench/portfolio_2400_hooks.lua 20000" "scenarios/mianyang_2022.lua 20000"; do
  set -- $spec
  scen=$1 paths=$2
  for threads in 1 2; do
    s=$(i=0; while [ $i -lt "$runs" ]; do time_run "$scen" "$paths" "$threads"; i=$((i + 1)); done | median)
    eval "t$threads=$s"
    printf '%-34s %8s %7s %10.3f %12.0f\n' "$(basename "$scen")" "$paths" "$threads" "$s" "$(echo "$paths $s" | awk '{ print $1 / $2 }')"
  done
  echo "$t1 $t2" | awk '{ printf "  thread scaling (1-thread time / 2-thread time): %.2f\n", $1 / $2 }'
done
