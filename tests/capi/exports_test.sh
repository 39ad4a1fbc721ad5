#!/usr/bin/env bash
# The shared library exports exactly the functions barnetslov.h declares, all prefixed bl_ and
# versioned BARNETSLOV_1, nothing else (no C++, fmt or pugixml symbol), under the SONAME
# libbarnetslov.so.1.   Usage: exports_test.sh LIBRARY HEADER
set -euo pipefail
lib=$1 header=$2
source "$(dirname "$0")/api_functions.sh"
status=0
symbols=$(nm -D --defined-only "$lib" | awk '{print $3}')
others=$(echo "$symbols" | grep -vE '^bl_[a-z0-9_]+@@BARNETSLOV_1$' | grep -vx 'BARNETSLOV_1' || true)
if [ -n "$others" ]; then echo "FAIL: exported symbols that are not bl_*@@BARNETSLOV_1:"; echo "$others" | head -20; status=1; fi
exported=$(echo "$symbols" | grep -oE '^bl_[a-z0-9_]+' | sort -u)
declared=$(api_functions "$header")
if [ "$exported" != "$declared" ]; then
    echo "FAIL: exported and declared functions differ (< exported only, > declared only):"
    diff <(echo "$exported") <(echo "$declared") | grep '^[<>]' || true
    status=1
fi
soname=$(readelf -d "$lib" | sed -nE 's/.*SONAME.*\[(.*)\]/\1/p')
[ "$soname" = libbarnetslov.so.1 ] || { echo "FAIL: SONAME is '$soname', expected libbarnetslov.so.1"; status=1; }
[ $status -eq 0 ] && echo "exports: $(echo "$exported" | wc -l) bl_ functions, all declared, all BARNETSLOV_1, SONAME $soname"
exit $status
