#!/bin/sh
# floor.sh POOLSIM FLOOR [NAIVE_RUN] — every benchmark scenario against the randomness
# floor (bench/floor.c: only the draws a path must make), on 1 thread: paths per
# second of poolsim and of the floor, alternated in each of RUNS repetitions
# (default 5), the median of the repetitions' ratios; and, when valgrind is
# installed, callgrind's instructions a path of both (the difference of two run
# lengths, so set-up cancels; these do not move with the machine's noise).
# Prints a Markdown section; bench/run.sh appends it to RESULTS.md.
# shellcheck disable=SC2046 # the words split are numbers and KEY=VALUE overrides, without spaces
bin=${1:-./poolsim}
floor_bin=${2:-build/release/bench/floor}
runs=${RUNS:-5}
# medians: lines of numbers -> the median of each column
medians() {
  awk '{ for (j = 1; j <= NF; j++) x[j, NR] = $j; if (NF > nf) nf = NF }
       END { for (j = 1; j <= nf; j++) {
               for (i = 2; i <= NR; i++) for (k = i; k > 1 && x[j, k - 1] > x[j, k]; k--) {
                 t = x[j, k]; x[j, k] = x[j, k - 1]; x[j, k - 1] = t }
               printf "%s%s", x[j, int((NR + 1) / 2)], j < nf ? " " : "\n" } }'
}
# the floor takes poolsim's "--set K=V" as plain "K=V" arguments
floor_args() { for a in "$@"; do [ "$a" = --set ] || printf '%s\n' "$a"; done; }
# engine_s / floor_s SCENARIO PATHS [--set K=V ...] -> one run's seconds on 1 thread
engine_s() {
  scen=$1 paths=$2; shift 2
  "$bin" run "$scen" --paths "$paths" --threads 1 --quiet --json - "$@" |
    awk -F'[:,]' '/"seconds"/ { gsub(/[ \t]/, "", $2); print $2; exit }'
}
floor_s() {
  scen=$1 paths=$2; shift 2
  "$floor_bin" "$scen" "$paths" $(floor_args "$@") | awk -F'[:,]' '/"seconds"/ { gsub(/[ \t]/, "", $2); print $2 }'
}
# count COMMAND... -> the instructions callgrind counts
count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 | awk '/Collected :/ { print $NF }'; }
# per_path SMALL LARGE COMMAND-WITH-PATHS-AS-@P@... -> instructions a path
per_path() {
  small=$1 large=$2; shift 2
  a=$(count $(echo "$@" | sed "s/@P@/$small/")); b=$(count $(echo "$@" | sed "s/@P@/$large/"))
  echo "$a $b $small $large" | awk '{ printf "%.0f", ($2 - $1) / ($4 - $3) }'
}
# row NAME SCENARIO PATHS SMALL LARGE [--set K=V ...] -> a table row; also leaves the
# engine's instructions a path in $engine_i
row() {
  name=$1 scen=$2 paths=$3 small=$4 large=$5; shift 5
  set -- $(i=0; while [ $i -lt "$runs" ]; do
        e=$(engine_s "$scen" "$paths" "$@"); f=$(floor_s "$scen" "$paths" "$@")
        echo "$e $f" | awk -v n="$paths" '{ print n / $1, n / $2, $2 / $1 }'; i=$((i + 1))
      done | medians) "$@"
  e_rate=$1 f_rate=$2 frac=$3; shift 3
  engine_i=- floor_i=- ifrac=-
  if command -v valgrind >/dev/null 2>&1; then
    engine_i=$(per_path "$small" "$large" "$bin" run "$scen" --paths @P@ --threads 1 --quiet "$@")
    floor_i=$(per_path "$small" "$large" "$floor_bin" "$scen" @P@ $(floor_args "$@"))
    ifrac=$(echo "$floor_i $engine_i" | awk '{ printf "%.2f", $1 / $2 }')
  fi
  printf '| %s | %.0f | %.0f | %.2f | %s | %s | %s |\n' "$name" "$e_rate" "$f_rate" "$frac" "$engine_i" "$floor_i" "$ifrac"
}
mkdir -p bench/data
[ -f bench/data/b2_tape.csv ] || awk -v n=36000 -f bench/b2_tape.awk > bench/data/b2_tape.csv || exit 1
[ -f bench/data/b7_tape.csv ] || awk -v n=50000 -f bench/b7_tape.awk > bench/data/b7_tape.csv || exit 1
# bench/portfolio_2400.lua with an empty on_period and on_default: what hooks cost more is the hooks'
awk '/^  programmes = [{]/ { print "  on_period = function(ctx) end,"; print "  on_default = function(loan, ctx) end," } { print }' \
  bench/portfolio_2400.lua > bench/data/hooks_both.lua
echo "## The randomness floor (bench/floor.sh, 1 thread)"
echo
echo "bench/floor.c draws, for each path, only what the scenario's path must draw — the factors' normals, one Φ and"
echo "one binomial per segment (per cohort where the PD depends on age; a loan tape's per PD bucket) and period at risk, Poisson volumes — with the"
echo "engine's generator and streams, and nothing else. Fraction = the floor's cost / poolsim's (1 = as cheap as the floor);"
echo "by time, the median over $runs alternated runs of the floor's seconds / poolsim's (run.seconds, statistics included);"
echo "by instructions, callgrind's count a path (the difference of two run lengths)."
echo
echo "| scenario | paths/s | floor paths/s | fraction (time) | instructions a path | floor's | fraction (instructions) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
row "B1 (bench/b1.lua)" bench/b1.lua 50000 100 1100
row "B4: B1 with 10× loans, PD ÷ 10" bench/b1.lua 50000 100 1100 --set segments.sme.new_loans=1000 --set segments.sme.pd=0.003
row "B2: 36 000-loan tape (bench/b2.lua)" bench/b2.lua 2000 20 220
row "B7: 50 000 heterogeneous obligors, 72 months (bench/b7.lua)" bench/b7.lua 400 10 40
row "B3: Mianyang 2022 (scenarios/mianyang_2022.lua)" scenarios/mianyang_2022.lua 4000 20 220
row "2 400 loans (bench/portfolio_2400.lua)" bench/portfolio_2400.lua 10000 50 250
base_i=$engine_i
row "B5: the same with on_default and split (bench/portfolio_2400_hooks.lua)" bench/portfolio_2400_hooks.lua 2000 50 250
row "B6: the same with an empty on_period and on_default" bench/data/hooks_both.lua 2000 50 250
hooks_i=$engine_i
row "Chongqing 首台套 insurance 2017 (scenarios/chongqing_shoutaitao_2017.lua)" scenarios/chongqing_shoutaitao_2017.lua 40000 200 2200
row "Mianyang bridge fund 2017 (scenarios/mianyang_bridge_2017.lua)" scenarios/mianyang_bridge_2017.lua 4000 50 550
row "Mianyang 2022 as it stands today (scenarios/mianyang_2022_today.lua)" scenarios/mianyang_2022_today.lua 800 10 110
row "Guangyuan IP pledge 2017 (scenarios/guangyuan_ip_2017.lua)" scenarios/guangyuan_ip_2017.lua 4000 50 550
rm -f bench/data/hooks_both.lua
echo
if [ "$base_i" != - ]; then
  echo "- Hooks: B6 / the 2 400-loan scenario without hooks, instructions a path: $(echo "$hooks_i $base_i" | awk '{ printf "%.2f", $1 / $2 }')× (target ≤ 1.5)."
fi
echo "- The floor leaves out, as a floor should, what a smarter engine might not draw: which loans default (the cohort"
echo "  or candidate draws), drawn LGDs, amounts and lags, a tape's per-loan PDs, uncertain parameters; a bridge"
echo "  segment's declines count as one binomial (the engine draws geometric gaps)."
