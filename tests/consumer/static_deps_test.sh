#!/usr/bin/env bash
# -DBARNETSLOV_STATIC_DEPS=ON: libbarnetslov.so.1 with libstdc++, libgcc, fmt and pugixml inside
# needs only glibc (libc, libm, the loader) and libdate-tz.so.3 (Debian builds date-tz only as a shared library),
# exports exactly the functions the plain build exports, and runs the C and C++ examples the same.
# Usage: static_deps_test.sh SOURCE_DIR WORK_DIR CMAKE GENERATOR CC CXX PLAIN_LIBRARY C_EXAMPLE CPP_EXAMPLE
set -euo pipefail
src=$1 work=$2 cmake=$3 generator=$4 cc=$5 cxx=$6 plain=$7 c_example=$8 cpp_example=$9
status=0
fail() { echo "FAIL: $*"; status=1; }
rm -rf "$work"
"$cmake" -S "$src" -B "$work" -G "$generator" -DCMAKE_BUILD_TYPE=Release -DBARNETSLOV_STATIC_DEPS=ON \
    -DBARNETSLOV_BUILD_TESTS=OFF -DBARNETSLOV_BUILD_EXAMPLES=OFF -DBARNETSLOV_BENCH=OFF \
    -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" > "$work.log" 2>&1 &&
"$cmake" --build "$work" -j2 --target barnetslov_c >> "$work.log" 2>&1 || { cat "$work.log"; echo "FAIL: building with BARNETSLOV_STATIC_DEPS=ON"; exit 1; }
lib=$work/libbarnetslov.so.1

headers=$(objdump -p "$lib")
needed=$(awk '$1 == "NEEDED" {print $2}' <<<"$headers" | sort | tr '\n' ' ')
# glibc's own parts (libc, libm, the dynamic loader) are on every Linux system; besides them, only date-tz.
beyond_glibc=$(awk '$1 == "NEEDED" && $2 !~ /^(libc\.so\.6|libm\.so\.6|ld-linux.*)$/ {print $2}' <<<"$headers")
[ "$beyond_glibc" = "libdate-tz.so.3" ] || fail "it needs: $needed (expected glibc and libdate-tz.so.3 only)"

exports() { nm -D --defined-only "$1" | awk '{print $3}' | sort; }
diff <(exports "$plain") <(exports "$lib") > /dev/null || fail "it exports other symbols than $plain: $(diff <(exports "$plain") <(exports "$lib") | head -5)"

# The examples were linked against the plain build (RUNPATH); LD_LIBRARY_PATH comes first.
LD_LIBRARY_PATH=$work bash "$src/tests/capi/examples_run_test.sh" "$c_example" "$cpp_example" || fail "the examples with this library"
libs=$(LD_LIBRARY_PATH=$work ldd "$c_example")
grep -qF "libbarnetslov.so.1 => $work/" <<<"$libs" || fail "the example did not load $lib"

[ $status -eq 0 ] && echo "static deps: libbarnetslov.so.1 needs only $needed; same exports; examples run"
exit $status
