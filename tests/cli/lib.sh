# lib.sh — what every tests/cli/test_*.sh shares. A test sets `suite` (and PSIM_TIMEOUT when 60 s
# is too short) and sources this file from the repo root with its own arguments:
#   suite=test_cli; . tests/cli/lib.sh
# It checks the poolsim binary ($1), makes the scratch folder $tmp (removed on exit), and
# gives psim, the assertions and the summary line. Only POSIX sh, grep, sed and awk.

bin=${1:?usage: sh tests/cli/$suite.sh PATH_TO_POOLSIM}
case "$bin" in */*) ;; *) bin=./$bin ;; esac
passed=0 failed=0
TAB=$(printf '\t')
tmp=$(mktemp -d "${TMPDIR:-/tmp}/$suite.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
PSIM_TIMEOUT=${PSIM_TIMEOUT:-60}

# psim ARGS... — run poolsim under a timeout (a hang is a failure, not a stuck test run); sets
# rc and cmd; stdout in $tmp/out, stderr in $tmp/err
psim() {
  cmd="poolsim $*"
  timeout "$PSIM_TIMEOUT" "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
}

pass() { passed=$((passed + 1)); }
# fail WHAT — one failed assertion about the last command, with its stderr
fail() {
  failed=$((failed + 1))
  echo "FAIL: $cmd"
  echo "      $*"
  if [ -s "$tmp/err" ]; then sed -n '1,4s/^/      stderr: /p' "$tmp/err"; fi
}

# expect_rc N
expect_rc() {
  if [ "$rc" -eq "$1" ]; then pass
  elif [ "$rc" -eq 124 ]; then fail "timed out after $PSIM_TIMEOUT s (want exit $1)"
  else fail "exit $rc, want $1"; fi
}

# expect_err TEXT — stderr contains TEXT (a fixed string)
expect_err() {
  if grep -q -F -e "$1" "$tmp/err"; then pass; else fail "stderr does not contain: $1"; fi
}

# check WHAT CONDITION... — a free-form assertion: CONDITION is a command
check() {
  what=$1; shift
  if "$@"; then pass; else fail "$what"; fi
}

# no_leftovers DIR — no temporary file of an atomic write was left behind
no_leftovers() { [ -z "$(find "$1" -name '*.tmp*' 2>/dev/null)" ]; }

# summary — the one line the Makefile and CI read; exit status 1 when anything failed
summary() {
  echo "$suite: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
