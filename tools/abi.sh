#!/usr/bin/env bash
# The ABI baseline of libbarnetslov.so.1 (capi/abi/libbarnetslov.so.1.abi), with libabigail.
#   tools/abi.sh check [LIB]    compare LIB (default build/libbarnetslov.so.1) with the baseline;
#                               fails on any change but added functions (CTest: abi_test)
#   tools/abi.sh update [LIB]   write the baseline anew, after a deliberate ABI change
#                               (capi/README.md, "ABI policy": which changes are allowed)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:-}
lib=${2:-$root/build/libbarnetslov.so.1}
baseline=$root/capi/abi/libbarnetslov.so.1.abi
suppressions=$root/capi/abi/opaque-handles.abignore
command -v abidiff >/dev/null || { echo "abidiff not found: apt-get install abigail-tools (tools/setup.sh does)"; exit 1; }
case $mode in
  check)
    # --no-added-syms: appending functions is what a minor version may do.
    if abidiff --no-added-syms --suppressions "$suppressions" "$baseline" "$lib"; then
      echo "ABI of $(basename "$lib") matches capi/abi/$(basename "$baseline") (added functions aside)"
    else
      rc=$?
      echo "FAIL: the ABI differs from the baseline (abidiff exit $rc; bit 8 = incompatible)."
      echo "If the change is deliberate and allowed by capi/README.md's ABI policy: tools/abi.sh update"
      exit 1
    fi ;;
  update)
    # Only what is reachable from exported functions, without paths or line numbers, so that
    # the baseline changes only when the ABI does.
    abidw --exported-interfaces-only --suppressions "$suppressions" --no-corpus-path --no-comp-dir-path \
      --no-show-locs --type-id-style hash --out-file "$baseline" "$lib"
    # The translation units' paths differ between checkouts and are not part of the ABI.
    sed -i -E "s#path='[^']*/capi/#path='capi/#" "$baseline"
    echo "wrote $baseline: review it with git diff before committing" ;;
  *) echo "usage: tools/abi.sh check|update [LIB]"; exit 2 ;;
esac
