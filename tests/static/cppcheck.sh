#!/bin/sh
# cppcheck.sh — static analysis of core/ with cppcheck (warnings, portability,
# performance; the style level is not a gate yet). Prints "cppcheck: 1 passed,
# 0 failed" when clean, else the findings and "cppcheck: 0 passed, 1 failed".
out=$(cppcheck --quiet --error-exitcode=1 --enable=warning,portability,performance --std=c11 \
  -Icore -Iinclude -D_POSIX_C_SOURCE=200809L --suppress=missingIncludeSystem core/ 2>&1)
if [ $? -eq 0 ]; then
  echo "cppcheck: 1 passed, 0 failed"
else
  printf '%s\n' "$out" | sed 's/^/  /'
  echo "cppcheck: 0 passed, 1 failed"
fi
