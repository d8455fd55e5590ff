#!/bin/sh
# mpi.sh POOLSIM POOLSIM_MPI — scaling of poolsim-mpi on this machine (bench/MPI.md says what the
# figures mean). Strong scaling: B1 at a fixed number of paths on 1, 2 and 4 ranks of one thread;
# weak scaling: 50 000 paths per rank; memory: the peak resident set of each rank at two path
# counts, whose difference over the paths is the bytes each path costs on that rank. Prints
# Markdown tables. Run from the repo root after `make poolsim mpi`:
#   sh bench/mpi.sh ./poolsim ./poolsim-mpi
bin=${1:-./poolsim} mpi=${2:-./poolsim-mpi}
MPIRUN="mpirun --oversubscribe --allow-run-as-root"
B1=bench/b1.lua
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

now() { date +%s.%N; }
# the run's own seconds (simulation, gathering, statistics) from its JSON
run_seconds() { sed -n 's/^\t\t"seconds":\t\(.*\),$/\1/p' "$1"; }

# timed CMD... — the best of three runs (JSON to $tmp/r.json): prints "wall run.seconds cpu", cpu
# being the user and system seconds of every process of the run (mpirun waits for its ranks)
timed() {
  best=
  for _ in 1 2 3; do
    /usr/bin/time -f '%e %U %S' -o "$tmp/time" "$@" --quiet --json "$tmp/r.json" >"$tmp/out" ||
      { echo "failed: $*" >&2; exit 1; }
    read -r e u s <"$tmp/time"
    if [ -z "$best" ] || [ "$(echo "$e < $best" | bc)" -eq 1 ]; then
      best=$e
      line=$(printf '%.2f %.2f %.2f' "$e" "$(run_seconds "$tmp/r.json")" "$(echo "$u + $s" | bc)")
    fi
  done
  echo "$line"
}

P=300000
echo "## Strong scaling: B1, $P paths, one thread per rank"
echo
echo "| processes | wall s | run.seconds | CPU s, all processes | paths/s (wall) |"
echo "|---|---|---|---|---|"
set -- $(timed "$bin" run $B1 --paths $P --threads 1)
echo "| poolsim, 1 thread | $1 | $2 | $3 | $(echo "$P / $1" | bc) |"
set -- $(timed "$bin" run $B1 --paths $P --threads 2)
echo "| poolsim, 2 threads | $1 | $2 | $3 | $(echo "$P / $1" | bc) |"
for n in 1 2 4; do
  set -- $(timed $MPIRUN -n $n "$mpi" run $B1 --paths $P --threads 1)
  echo "| mpirun -n $n | $1 | $2 | $3 | $(echo "$P / $1" | bc) |"
done
echo
echo "## Weak scaling: B1, 50 000 paths per rank, one thread per rank"
echo
echo "| ranks | paths | wall s | run.seconds | CPU s, all processes | paths/s (wall) |"
echo "|---|---|---|---|---|---|"
for n in 1 2 4; do
  p=$((50000 * n))
  set -- $(timed $MPIRUN -n $n "$mpi" run $B1 --paths $p --threads 1)
  echo "| $n | $p | $1 | $2 | $3 | $(echo "$p / $1" | bc) |"
done
echo
echo "## Memory per rank: peak resident set (KiB) and bytes per path"
echo
echo "| scenario | ranks | rank | RSS at P1 | RSS at P2 | bytes per path |"
echo "|---|---|---|---|---|---|"
# rss FILE N PATHS — each rank's peak RSS, "rank KiB" lines, sorted by rank
rss() {
  $MPIRUN -n "$2" sh -c '/usr/bin/time -f "$OMPI_COMM_WORLD_RANK %M" "$0" "$@" 2>&1 >/dev/null | tail -n 1' \
    "$mpi" run "$1" --paths "$3" --threads 1 --quiet | sort -n
}
# B1 from 100 000 paths, where the balance bands (the first 100 000 paths) stop growing; Mianyang
# (slower paths) below it, so its figure includes its periods of balance bands
echo "| poolsim, one process | 1 | 0 | $(/usr/bin/time -f %M "$bin" run $B1 --paths 100000 --threads 1 --quiet 2>&1 >/dev/null | tail -n 1) \
| $(/usr/bin/time -f %M "$bin" run $B1 --paths 300000 --threads 1 --quiet 2>&1 >/dev/null | tail -n 1) | see below |"
for f in $B1 scenarios/mianyang_2022.lua; do
  case $f in *b1*) p1=100000 p2=300000 ;; *) p1=5000 p2=20000 ;; esac
  for n in 1 2 4; do
    rss "$f" $n $p1 >"$tmp/a"
    rss "$f" $n $p2 >"$tmp/b"
    join "$tmp/a" "$tmp/b" | while read -r r a b; do
      echo "| $f | $n | $r | $a | $b | $(echo "($b - $a) * 1024 / ($p2 - $p1)" | bc) |"
    done
  done
done
