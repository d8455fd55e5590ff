#!/bin/sh
# compare.sh OLD NEW [RUNS] — is NEW (a poolsim binary) slower than OLD on the
# hot path? B1 (bench/b1.lua, 100 000 paths) and B3 (Mianyang, 20 000 paths),
# 2 threads, each repetition running OLD and NEW back to back (alternating which
# goes first) so a drift in the shared machine's speed hits both alike: the
# median seconds of each and the median of the repetitions' NEW/OLD ratios
# (below 1: NEW is faster). Then callgrind's instructions a path of each (1
# thread; the difference of two run lengths, so set-up cancels), which do not
# move with machine noise. `make bench-compare OLD=path/to/poolsim` runs it
# against ./poolsim.
old=$1 new=$2 runs=${3:-7}
[ -x "$old" ] && [ -x "$new" ] || { echo "usage: compare.sh OLD NEW [RUNS]"; exit 2; }
secs() { # BIN SCENARIO PATHS -> the run's own timing (run.seconds)
  "$1" run "$2" --paths "$3" --threads 2 --quiet --json - | awk -F'[:,]' '/"seconds"/ { gsub(/[ \t]/, "", $2); print $2; exit }'
}
median() { sort -g | awk '{ x[NR] = $1 } END { print x[int((NR + 1) / 2)] }'; }
instr() { # BIN SCENARIO PATHS -> instructions callgrind counts
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" run "$2" --paths "$3" --threads 1 --quiet 2>&1 |
    awk '/Collected :/ { print $NF }'
}
per_path() { # BIN SCENARIO SMALL LARGE
  a=$(instr "$1" "$2" "$3"); b=$(instr "$1" "$2" "$4")
  echo "$a $b $3 $4" | awk '{ printf "%.0f", ($2 - $1) / ($4 - $3) }'
}
echo "| scenario | old s | new s | new/old (median of $runs alternated) | old instr/path | new instr/path |"
echo "|---|---:|---:|---:|---:|---:|"
for spec in "bench/b1.lua 100000 200 2200" "scenarios/mianyang_2022.lua 20000 50 250"; do
  set -- $spec; scen=$1 paths=$2 small=$3 large=$4
  tmp=$(mktemp)
  i=0
  while [ $i -lt "$runs" ]; do
    if [ $((i % 2)) -eq 0 ]; then a=$(secs "$old" "$scen" "$paths"); b=$(secs "$new" "$scen" "$paths")
    else b=$(secs "$new" "$scen" "$paths"); a=$(secs "$old" "$scen" "$paths"); fi
    echo "$a $b" >> "$tmp"
    i=$((i + 1))
  done
  mo=$(awk '{ print $1 }' "$tmp" | median); mn=$(awk '{ print $2 }' "$tmp" | median)
  r=$(awk '{ print $2 / $1 }' "$tmp" | median)
  rm -f "$tmp"
  io=-; inew=-
  if command -v valgrind >/dev/null 2>&1; then io=$(per_path "$old" "$scen" "$small" "$large"); inew=$(per_path "$new" "$scen" "$small" "$large"); fi
  printf '| %s | %s | %s | %.3f | %s | %s |\n' "$scen" "$mo" "$mn" "$r" "$io" "$inew"
done
