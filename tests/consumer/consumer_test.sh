#!/usr/bin/env bash
# Installs the build into a prefix inside the build tree, then builds the examples out of tree
# against that installed copy the two ways a vendor would, and runs them:
#   1. CMake: find_package(barnetslov CONFIG) -> barnetslov::c (examples/), and
#      barnetslov::barnetslov, the C++ library with its dependencies (tests/consumer/cxx/);
#   2. pkg-config: cc $(pkg-config --cflags --libs barnetslov).
#   3. Python: the analyst's example with BARNETSLOV_LIBRARY naming the installed library.
# Usage: consumer_test.sh BUILD_DIR SOURCE_DIR WORK_DIR CMAKE GENERATOR CC CXX PYTHON
set -euo pipefail
build=$1 src=$2 work=$3 cmake=$4 generator=$5 cc=$6 cxx=$7 python=$8
rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix
status=0
fail() { echo "FAIL: $*"; status=1; }

"$cmake" --install "$build" --prefix "$prefix" > "$work/install.log"
libdir=$(dirname "$(find "$prefix" -name 'libbarnetslov.so.1' | head -1)")
for f in include/barnetslov.h include/barnetslov/version.h include/barnetslov/engine.hpp include/barnetslov/finding.hpp bin/barnetslov; do
    [ -e "$prefix/$f" ] || fail "not installed: $f"
done
# The format's descriptions, as the installed CLI prints them (share/barnetslov/, cmake/install.cmake).
for pair in "xsd case-1.xsd" "json-schema case-1.schema.json" "vocabulary vocabulary-1.json"; do
    read -r what file <<<"$pair"
    cmp -s "$prefix/share/barnetslov/$file" <("$prefix/bin/barnetslov" schema "$what") || fail "share/barnetslov/$file is not what 'barnetslov schema $what' prints"
done
[ -s "$prefix/share/barnetslov/README.md" ] || fail "not installed: share/barnetslov/README.md (the format's reference)"
# The rule interface and the chapter factories are private (src/engine/rule_interface.hpp, issue 19).
[ ! -e "$prefix/include/barnetslov/rules" ] || fail "installed: include/barnetslov/rules, which is private"
for f in libbarnetslov.so libbarnetslov-cxx.a libbarnetslov-reports.a cmake/barnetslov/barnetslovConfig.cmake \
         cmake/barnetslov/barnetslovConfigVersion.cmake cmake/barnetslov/barnetslovTargets.cmake pkgconfig/barnetslov.pc; do
    [ -e "$libdir/$f" ] || fail "not installed: ${libdir#$prefix/}/$f"
done

# The installed library, not the build tree's, must be the one each program loads.
# (ldd's output is kept first: grep -q would close the pipe early, and pipefail count that as a failure.)
uses_installed() {
    local libs
    libs=$(ldd "$1")
    grep -qF "libbarnetslov.so.1 => $libdir/" <<<"$libs" || fail "$1 does not load $libdir/libbarnetslov.so.1"
}
configure() {  # configure NAME SOURCE
    "$cmake" -S "$2" -B "$work/$1" -G "$generator" -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" \
        -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" > "$work/$1.log" 2>&1 &&
    "$cmake" --build "$work/$1" -j2 >> "$work/$1.log" 2>&1 || { cat "$work/$1.log"; fail "building $2 with find_package"; return 1; }
}

# 1. CMake
if configure cmake-examples "$src/examples"; then
    uses_installed "$work/cmake-examples/warning_list_c"
    bash "$src/tests/capi/examples_run_test.sh" "$work/cmake-examples/warning_list_c" "$work/cmake-examples/warning_list_cpp" || fail "examples built with find_package"
fi
if configure cmake-cxx "$src/tests/consumer/cxx"; then
    "$work/cmake-cxx/cxx_consumer" "$src/examples/03-late-24-hour-assessment.xml" > "$work/cxx_consumer.out" || fail "the C++ library consumer"
fi

# 2. pkg-config
export PKG_CONFIG_PATH=$libdir/pkgconfig
version=$(pkg-config --modversion barnetslov) || fail "pkg-config does not find barnetslov"
[ "${version:-}" = "$(sed -nE 's/^#define BL_VERSION_STRING "(.*)"/\1/p' "$prefix/include/barnetslov/version.h")" ] || fail "pkg-config version '${version:-}'"
"$cc" -std=c99 -pedantic -Wall -Wextra -Werror $(pkg-config --cflags barnetslov) "$src/examples/c/warning_list.c" \
    $(pkg-config --libs barnetslov) -o "$work/pc_warning_list_c" || fail "compiling the C example with pkg-config"
"$cxx" -std=c++17 -pedantic -Wall -Wextra -Werror $(pkg-config --cflags barnetslov) "$src/examples/cpp/warning_list.cpp" \
    $(pkg-config --libs barnetslov) -o "$work/pc_warning_list_cpp" || fail "compiling the C++ example with pkg-config"
if [ -x "$work/pc_warning_list_c" ] && [ -x "$work/pc_warning_list_cpp" ]; then
    export LD_LIBRARY_PATH=$libdir
    uses_installed "$work/pc_warning_list_c"
    bash "$src/tests/capi/examples_run_test.sh" "$work/pc_warning_list_c" "$work/pc_warning_list_cpp" || fail "examples built with pkg-config"
fi

# 3. Python
table=$(BARNETSLOV_LIBRARY="$libdir/libbarnetslov.so.1" PYTHONPATH="$src/python" "$python" "$src/examples/python/status_table.py" "$src/examples") \
    || fail "the Python example with the installed library"
grep -q "^total " <<<"${table:-}" || fail "the Python example printed no total"

[ $status -eq 0 ] && echo "consumer: installed to $prefix; examples built and run with find_package and with pkg-config; C++ library linked; Python example run"
exit $status
