#!/usr/bin/env bash
# Every public C++ header compiles alone, each in its own translation unit, with only the
# standard library (C++ and C) and date on the include path: no Boost, pugixml, nlohmann_json or
# fmt type may appear in a declaration of include/barnetslov/ (issue 19), so a header that
# includes one fails here.
#
# The compiler's default include path holds /usr/include, where Debian puts every -dev package's
# headers, date's and Boost's alike. So the test compiles with -nostdinc and puts back the
# compiler's own directories (libstdc++, the compiler's include) and, for /usr/include and its
# multiarch directory, a copy made of links to what libc6-dev and linux-libc-dev install there;
# date is added alone. A probe that includes Boost must fail, or the test is not testing.
#
# Usage: public_headers_test.sh CXX SOURCE_DIR GENERATED_INCLUDE_DIR WORK_DIR DATE_INCLUDE_DIRS
# (DATE_INCLUDE_DIRS: date::date's include directories, ';'-separated, as CMake lists them.)
# Exit 77 (skipped) where dpkg cannot say which headers are the C library's.
set -euo pipefail
cxx=$1 src=$2 generated=$3 work=$4 date_dirs=$5
skip() {  # CI (Debian 12, tools/setup.sh) has what this test needs: there a skip would hide it
    if [ "${CI:-}" = true ]; then echo "FAIL (CI=true): $1"; exit 1; fi
    echo "SKIP: $1"; exit 77
}

command -v dpkg-query > /dev/null || skip "no dpkg-query to list the C library's headers"
rm -rf "$work"
mkdir -p "$work/sys" "$work/date" "$work/tu"

multiarch=$("$cxx" -print-multiarch 2>/dev/null || true)
roots=(/usr/include)
[ -n "$multiarch" ] && [ -d "/usr/include/$multiarch" ] && roots=("/usr/include/$multiarch" /usr/include)

# The compiler's own directories, in its order, minus /usr/local/include and the roots above.
flags=(-nostdinc)
while IFS= read -r dir; do
    dir=$(realpath -m "$dir")
    case " /usr/local/include ${roots[*]} " in *" $dir "*) continue ;; esac
    flags+=(-isystem "$dir")
done < <(echo | "$cxx" -std=c++20 -x c++ -E -v - 2>&1 | sed -n '/^#include <...> search starts here:/,/^End of search list./p' | sed '1d;$d;s/^ //')

# The C library's entries of each root, linked into a copy of it.
packages=$(dpkg-query -W -f='${binary:Package}\n' libc6-dev linux-libc-dev libcrypt-dev 2>/dev/null | tr '\n' ' ')
[ -n "$packages" ] || skip "libc6-dev is not installed as a Debian package"
# shellcheck disable=SC2086
files=$(dpkg -L $packages 2>/dev/null)
for root in "${roots[@]}"; do
    copy=$work/sys$root
    mkdir -p "$copy"
    while IFS= read -r entry; do
        [ "$entry" = "/usr/include/$multiarch" ] && continue
        [ -e "$copy/$(basename "$entry")" ] || ln -s "$entry" "$copy/$(basename "$entry")"
    done < <(grep -E "^${root}/[^/]+$" <<<"$files" || true)
done
for root in "${roots[@]}"; do flags+=(-isystem "$work/sys$root"); done

# date: its own directory only.
found=""
IFS=';' read -r -a dirs <<<"$date_dirs"
for d in "${dirs[@]}"; do
    if [ -f "$d/date/date.h" ]; then found=$d/date; break; fi
done
[ -n "$found" ] || { echo "FAIL: no date/date.h in date's include directories ($date_dirs)"; exit 1; }
ln -s "$found" "$work/date/date"
flags+=(-isystem "$work/date")

compile() {  # compile TU-FILE
    "$cxx" -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror "${flags[@]}" \
        -I "$src/include" -I "$generated" "$1"
}

# The sandbox must refuse Boost (and accept the standard library and date).
printf '#include <boost/version.hpp>\n' > "$work/tu/probe_boost.cpp"
if compile "$work/tu/probe_boost.cpp" 2> /dev/null; then
    echo "FAIL: the sandbox finds Boost; the test would not see a header that includes it"
    exit 1
fi
printf '#include <string>\n#include <cstdio>\n#include <date/date.h>\n' > "$work/tu/probe_std.cpp"
compile "$work/tu/probe_std.cpp" || { echo "FAIL: the sandbox does not compile the standard library and date"; exit 1; }

status=0 count=0
while IFS= read -r header; do
    rel=$header
    name=$(tr '/.' '__' <<<"$rel")
    printf '#include "%s"\n' "$rel" > "$work/tu/$name.cpp"
    count=$((count + 1))
    if ! compile "$work/tu/$name.cpp" > "$work/tu/$name.log" 2>&1; then
        echo "FAIL: $rel does not compile alone with only the standard library and date:"
        head -20 "$work/tu/$name.log"
        status=1
    fi
done < <(cd "$src/include" && find barnetslov -type f \( -name '*.hpp' -o -name '*.h' \) | sort
         cd "$generated" && find barnetslov -type f -name '*.h' | sort)
[ $status -eq 0 ] && echo "public headers: $count compiled alone with only the standard library and date"
exit $status
