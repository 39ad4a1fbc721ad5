#!/usr/bin/env bash
# Every function of barnetslov.h has its error paths tested: each is named in errors_test.c.
# Usage: coverage_test.sh HEADER ERRORS_TEST
set -euo pipefail
source "$(dirname "$0")/api_functions.sh"
missing=$(api_functions "$1" | while read -r f; do grep -qE "\\b$f\\(" "$2" || echo "$f"; done)
if [ -n "$missing" ]; then echo "FAIL: not exercised by $(basename "$2"):"; echo "$missing"; exit 1; fi
echo "errors_test.c exercises all $(api_functions "$1" | wc -l) functions of $(basename "$1")"
