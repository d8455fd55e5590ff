#!/bin/sh
# clang-tidy.sh — clang-tidy on every core/*/*.c with the checks of .clang-tidy
# and the build's flags, two files at a time. A file passes when clang-tidy
# reports nothing for it (nor for the project headers it includes). Prints the
# findings and "clang-tidy: N passed, M failed" (N, M: files); exits 1 on any
# finding. Works from the repository root, where .clang-tidy's header filter
# matches the paths as they are included.
cd "$(dirname "$0")/../.." || exit 1
tidy=$(command -v clang-tidy) || {
  echo "  clang-tidy not found (make deps-test installs it)"
  echo "clang-tidy: 0 passed, 1 failed"
  exit 1
}
logs=$(mktemp -d) || exit 1
trap 'rm -rf "$logs"' EXIT
# core/mpi/ (poolsim-mpi) with MPI's headers when OpenMPI is there, else not at all
mpi_flags=$(mpicc --showme:compile 2>/dev/null) || mpi_flags=
export tidy logs FLAGS="-std=c11 -D_POSIX_C_SOURCE=200809L -pthread -Icore -Iinclude $(pkg-config --cflags lua5.4 gsl libcjson) $mpi_flags"
# one log per file; the name of a failing file's log ends in .fail
ls core/*/*.c | { if [ -n "$mpi_flags" ]; then cat; else grep -v '^core/mpi/'; fi; } | xargs -P2 -I{} sh -c '
  log="$logs/$(echo "$1" | tr / _).log"
  "$tidy" --quiet --warnings-as-errors="*" "$1" -- $FLAGS >"$log" 2>&1 || mv "$log" "${log%.log}.fail"
' sh {}
passed=$(find "$logs" -name '*.log' | wc -l)
failed=$(find "$logs" -name '*.fail' | wc -l)
for f in "$logs"/*.fail; do
  [ -f "$f" ] && grep -v '^[0-9]* warnings\? generated\.$' "$f" | sed 's/^/  /'
done
echo "clang-tidy: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
