#!/bin/sh
# layers.sh BUILD_DIR — no two modules of core/ call or include each other in a
# circle (docs/architecture.md). A module is a .c file with its .h. Calls come
# from the built objects (nm: the symbols each object uses and those it
# defines); includes from the sources. For each kind, every pair of modules that
# reach each other (directly or through others) is a finding. Prints the
# findings and "layers: N passed, M failed" (one check per kind).
dir=${1:-build/release}
cd "$(dirname "$0")/../.." || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# calls: "user definer" for each symbol an object uses and another defines
for o in "$dir"/core/*/*.o; do
  m=$(echo "$o" | sed "s|^$dir/core/||; s|\.o$||")
  [ -f "core/$m.c" ] || continue # an object left in the build by a removed source
  nm --defined-only "$o" 2>/dev/null | awk -v m="$m" '$2 ~ /^[TDBR]$/ { print "D", $3, m }'
  nm --undefined-only "$o" 2>/dev/null | awk -v m="$m" '{ print "U", $NF, m }'
done > "$tmp/syms"
awk '$1 == "D" { def[$2] = $3 } $1 == "U" { use[NR] = $2; user[NR] = $3 }
     END { for (i in use) if ((use[i] in def) && def[use[i]] != user[i]) print user[i], def[use[i]] }' "$tmp/syms" |
  sort -u > "$tmp/calls"
# includes: "includer included" between modules (a .c or .h names its module)
for f in core/*/*.c core/*/*.h; do
  m=$(echo "$f" | sed 's|^core/||; s|\.[ch]$||')
  grep -o '^#include "[a-z_]*/[a-z_0-9]*\.h"' "$f" | sed 's|#include "||; s|\.h"||' |
    awk -v m="$m" '$1 != m && $1 !~ /^poolsim\// { print m, $1 }'
done | sort -u > "$tmp/includes"
# closure: repeat "a b, b c -> a c" until nothing new, then report a<->b pairs
circles() { # FILE of "a b" edges
  awk '{ e[$1, $2] = 1; n[$1] = 1; n[$2] = 1 }
       END {
         do { more = 0
           for (a in n) for (b in n) if ((a, b) in e) for (c in n) if (((b, c) in e) && !((a, c) in e)) { e[a, c] = 1; more = 1 }
         } while (more)
         for (a in n) for (b in n) if (a < b && ((a, b) in e) && ((b, a) in e)) print a " <-> " b
       }' "$1" | sort
}
pass=0 fail=0
for kind in calls includes; do
  found=$(circles "$tmp/$kind")
  if [ -z "$found" ]; then pass=$((pass + 1)); else
    fail=$((fail + 1)); echo "  $kind in a circle:"; echo "$found" | sed 's/^/    /'
  fi
done
[ -s "$tmp/calls" ] || { fail=$((fail + 1)); echo "  no objects in $dir/core: build first"; }
echo "layers: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
