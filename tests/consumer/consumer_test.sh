#!/usr/bin/env bash
# Installs the build into a prefix inside the build tree, then builds the examples out of tree
# against that installed copy the two ways a vendor would, and runs them:
#   1. CMake: find_package(barnetslov CONFIG COMPONENTS C) -> barnetslov::c (examples/), configured
#      as on a machine without the C++ dev packages (their CMake packages disabled), and
#      barnetslov::barnetslov, the C++ library with its dependencies (tests/consumer/cxx/);
#   2. pkg-config: cc $(pkg-config --cflags --libs barnetslov).
#   3. Python: the analyst's example and the warning list (which must print what the C one
#      prints) with BARNETSLOV_LIBRARY naming the installed library.
#   4. Java, when the build has the binding: the example with the installed jar and library
#      (which must print what the C one prints).
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
         cmake/barnetslov/barnetslovConfigVersion.cmake cmake/barnetslov/barnetslov-c-targets.cmake \
         cmake/barnetslov/barnetslov-cxx-targets.cmake pkgconfig/barnetslov.pc; do
    [ -e "$libdir/$f" ] || fail "not installed: ${libdir#$prefix/}/$f"
done

# The file is named for the ABI's version (1.MINOR.PATCH, capi/README.md), not the project's,
# and its SONAME is the major version.
abi=$(sed -nE 's/^set\(BARNETSLOV_ABI_VERSION ([0-9.]+)\)/\1/p' "$src/CMakeLists.txt")
[ -f "$libdir/libbarnetslov.so.$abi" ] && [ ! -L "$libdir/libbarnetslov.so.$abi" ] || fail "not installed as a file: libbarnetslov.so.$abi"
[ "$(readlink "$libdir/libbarnetslov.so.1")" = "libbarnetslov.so.$abi" ] || fail "libbarnetslov.so.1 does not link to libbarnetslov.so.$abi"
headers=$(objdump -p "$libdir/libbarnetslov.so.$abi")
grep -qE '^ +SONAME +libbarnetslov\.so\.1$' <<<"$headers" || fail "the SONAME is not libbarnetslov.so.1"

# The installed library, not the build tree's, must be the one each program loads.
# (ldd's output is kept first: grep -q would close the pipe early, and pipefail count that as a failure.)
uses_installed() {
    local libs
    libs=$(ldd "$1")
    grep -qF "libbarnetslov.so.1 => $libdir/" <<<"$libs" || fail "$1 does not load $libdir/libbarnetslov.so.1"
}
configure() {  # configure NAME SOURCE [CMAKE ARGS...]
    local name=$1 source=$2
    shift 2
    "$cmake" -S "$source" -B "$work/$name" -G "$generator" -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" \
        -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" "$@" > "$work/$name.log" 2>&1 &&
    "$cmake" --build "$work/$name" -j2 >> "$work/$name.log" 2>&1 || { cat "$work/$name.log"; fail "building $source with find_package"; return 1; }
}

# 1. CMake. The C examples as a vendor without the C++ libraries' dev packages builds them: the
# packages the C++ side needs are disabled, so that finding any of them fails the configure.
without_cxx_deps=()
for p in date fmt pugixml nlohmann_json Boost; do without_cxx_deps+=("-DCMAKE_DISABLE_FIND_PACKAGE_$p=ON"); done
# The control: with them disabled, asking for the C++ component must fail, or the above proves nothing.
mkdir -p "$work/cxx-required"
printf 'cmake_minimum_required(VERSION 3.22)\nproject(p LANGUAGES C CXX)\nfind_package(barnetslov CONFIG REQUIRED COMPONENTS CXX)\n' > "$work/cxx-required/CMakeLists.txt"
if "$cmake" -S "$work/cxx-required" -B "$work/cxx-required/build" -DCMAKE_PREFIX_PATH="$prefix" "${without_cxx_deps[@]}" > "$work/cxx-required.log" 2>&1; then
    fail "find_package(barnetslov COMPONENTS CXX) succeeded with the C++ dependencies disabled"
fi
# Optional: found where the dependencies are, not found (and no error) where they are not.
printf 'cmake_minimum_required(VERSION 3.22)\nproject(p LANGUAGES C)\nfind_package(barnetslov CONFIG REQUIRED COMPONENTS C OPTIONAL_COMPONENTS CXX)\nif(NOT TARGET barnetslov::c OR barnetslov_CXX_FOUND OR TARGET barnetslov::barnetslov)\n  message(FATAL_ERROR "C ${barnetslov_C_FOUND} CXX ${barnetslov_CXX_FOUND}")\nendif()\n' > "$work/cxx-required/CMakeLists.txt"
"$cmake" -S "$work/cxx-required" -B "$work/cxx-optional" -DCMAKE_PREFIX_PATH="$prefix" "${without_cxx_deps[@]}" > "$work/cxx-optional.log" 2>&1 \
    || { cat "$work/cxx-optional.log"; fail "OPTIONAL_COMPONENTS CXX without its dependencies"; }
if configure cmake-examples "$src/examples" "${without_cxx_deps[@]}"; then
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

# 3. Python (no __pycache__ written into the source tree)
export PYTHONDONTWRITEBYTECODE=1
table=$(BARNETSLOV_LIBRARY="$libdir/libbarnetslov.so.1" PYTHONPATH="$src/python" "$python" "$src/examples/python/status_table.py" "$src/examples") \
    || fail "the Python example with the installed library"
grep -q "^total " <<<"${table:-}" || fail "the Python example printed no total"
if [ -x "$work/cmake-examples/warning_list_c" ]; then
    warnings=$(BARNETSLOV_LIBRARY="$libdir/libbarnetslov.so.1" PYTHONPATH="$src/python" "$python" "$src/examples/python/warning_list.py") \
        || fail "the Python warning list with the installed library"
    [ "${warnings:-}" = "$("$work/cmake-examples/warning_list_c")" ] || fail "the Python and C warning lists differ"
fi

# 4. Java
java_run=""
if [ -e "$build/java/barnetslov.jar" ]; then
    jar=$prefix/share/java/barnetslov.jar
    [ -e "$jar" ] || fail "not installed: share/java/barnetslov.jar"
    list=$(java -cp "$build/java/warning_list_java.jar:$jar:/usr/share/java/jna.jar" \
        -Dbarnetslov.library="$libdir/libbarnetslov.so.1" WarningList) || fail "the Java example with the installed jar"
    grep -q "^Deadlines ahead, earliest first (2):" <<<"${list:-}" || fail "the Java example printed no warning list"
    if [ -x "$work/cmake-examples/warning_list_c" ]; then
        [ "${list:-}" = "$("$work/cmake-examples/warning_list_c")" ] || fail "the Java and C warning lists differ"
    fi
    java_run="; Java example run"
fi

[ $status -eq 0 ] && echo "consumer: installed to $prefix; examples built and run with find_package and with pkg-config; C++ library linked; Python examples run$java_run"
exit $status
