#!/bin/sh
# test_install.sh POOLSIM — `make install PREFIX=<a temporary folder>`, then
# build tests/install/embed.c outside the repository with nothing but
# `pkg-config --cflags --libs poolsim` from that prefix, and check that the
# embedding program gives the same numbers as the installed command line; and
# that the man page, bash completion, docs, scenarios and scripts/ modules are
# installed and work from there.
# Prints "test_install: N passed, M failed".
bin=$1
root=$(pwd)
stage=$(mktemp -d) || exit 1
trap 'rm -rf "$stage"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "  FAIL: $*"; }
make -s --no-print-directory install PREFIX="$stage/usr" >"$stage/install.log" 2>&1 || { cat "$stage/install.log"; bad "make install"; }
for f in bin/poolsim lib/libpoolsim.a lib/pkgconfig/poolsim.pc include/poolsim/poolsim.h include/poolsim/report.h \
         include/poolsim/study.h include/poolsim/script.h; do
  [ -f "$stage/usr/$f" ] && ok || bad "not installed: $f"
done
share=$stage/usr/share
for f in man/man1/poolsim.1 bash-completion/completions/poolsim doc/poolsim/README.md doc/poolsim/scenario.md \
         poolsim/scenarios/mianyang_2022.lua poolsim/scenarios/data/mianyang_2022_book.csv poolsim/scripts/poolsim/rules.lua; do
  [ -f "$share/$f" ] && ok || bad "not installed: share/$f"
done
for f in docs/*.md scenarios/*.lua; do
  [ -f "$share/$( case $f in docs/*) echo doc/poolsim/${f#docs/} ;; *) echo poolsim/$f ;; esac)" ] && ok || bad "not installed: $f"
done
# the installed scenarios run from where they are (their data/ beside them)
for f in "$share"/poolsim/scenarios/*.lua; do
  case $f in */study_*) continue ;; esac
  "$stage/usr/bin/poolsim" check "$f" >/dev/null 2>"$stage/check.err" && ok || bad "installed $(basename "$f"): $(head -1 "$stage/check.err")"
done
if command -v man >/dev/null 2>&1; then
  MANPATH="$share/man" MANWIDTH=120 man -P cat poolsim 2>/dev/null | grep -q "poolsim *- *simulate and size" && ok || bad "man poolsim from the install"
fi
if command -v bash >/dev/null 2>&1; then
  got=$(PATH="$stage/usr/bin:$PATH" bash -c ". '$share/bash-completion/completions/poolsim'
    COMP_WORDS=(poolsim run '$root/tests/scenarios/small.lua' --set pools.fund.ini); COMP_CWORD=4; _poolsim; echo \"\${COMPREPLY[*]}\"
    COMP_WORDS=(poolsim si); COMP_CWORD=1; _poolsim; echo \"\${COMPREPLY[*]}\"
    COMP_WORDS=(poolsim sweep x.lua --tor); COMP_CWORD=3; _poolsim; echo \"\${COMPREPLY[*]}\"")
  [ "$got" = "pools.fund.initial=
size
--tornado" ] && ok || bad "bash completion from the install gave: $got"
fi
export PKG_CONFIG_PATH="$stage/usr/lib/pkgconfig"
flags=$(pkg-config --cflags --libs poolsim) && ok || bad "pkg-config poolsim"
[ "$(pkg-config --modversion poolsim)" = "$("$bin" --version 2>/dev/null | awk '{print $2}')" ] && ok ||
  bad "poolsim.pc's version is not the binary's"
mkdir "$stage/prog" && cp tests/install/embed.c "$stage/prog/"
# built in a folder of its own, so no header of the repository can be found
(cd "$stage/prog" && ${CC:-cc} -std=c11 -Wall -Wextra -Werror embed.c $flags -o embed) && ok || bad "cc embed.c \$(pkg-config ...)"
scen=tests/scenarios/small.lua
if [ -x "$stage/prog/embed" ]; then
  "$stage/prog/embed" "$root/$scen" fund 500 7 >"$stage/out" && ok || bad "embed ran"
  grep -q "^version $(pkg-config --modversion poolsim)$" "$stage/out" && ok || bad "ps_version()"
  "$stage/usr/bin/poolsim" run "$scen" --paths 500 --seed 7 --threads 2 --quiet --json "$stage/run.json" || bad "installed poolsim run"
  want=$(awk -F'[:,]' '/"depletion"/ { found = 1 } found && /"value"/ { gsub(/[ \t]/, "", $2); print $2; exit }' "$stage/run.json")
  got=$(awk '/^depletion/ { print $2 }' "$stage/out")
  awk -v a="$want" -v b="$got" 'BEGIN { exit !(a != "" && a + 0 == b + 0) }' && ok ||
    bad "P(depletion) $got from the embedding program, $want from poolsim run"
  [ "$(awk '/^json_bytes/ { print $2 }' "$stage/out")" -gt 1000 ] && ok || bad "ps_results_json"
fi
echo "test_install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
