#!/bin/sh
# summary.sh DIR — add up the "N passed, M failed" lines of every results file
# in DIR, print the total alone on a line, and fail when anything failed.
dir=$1
cat "$dir"/*.txt | awk '
  /: [0-9]+ passed, [0-9]+ failed/ {
    for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed,?$/) p += $i; if ($(i+1) ~ /^failed/) f += $i }
    n++
  }
  END {
    if (n == 0) { print "no tests ran"; exit 1 }
    printf "%d passed, %d failed\n", p, f
    exit f > 0
  }'
