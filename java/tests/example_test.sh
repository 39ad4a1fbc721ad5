#!/usr/bin/env bash
# The Java example prints exactly what the C example prints (the same case built from local times,
# the same warning list and pre-check), takes its AS_OF the same way, and refuses a local time the
# clocks skip with the library's words.   Usage: example_test.sh C_EXAMPLE JAVA_COMMAND...
set -euo pipefail
c_example=$1
shift
java=("$@")
status=0
same() {  # same [AS_OF]: both examples print the same
    local c_out java_out
    c_out=$("$c_example" "$@")
    java_out=$("${java[@]}" "$@") || { echo "FAIL: the Java example failed (AS_OF: ${1:-default})"; status=1; return; }
    if [ "$c_out" != "$java_out" ]; then
        echo "FAIL: the C and Java examples print different things (AS_OF: ${1:-default}):"
        diff <(echo "$c_out") <(echo "$java_out") || true
        status=1
    fi
}
same
same 2025-01-16T12:00
grep -qF "(4 hverdage left)" <<<"$("${java[@]}" 2025-01-16T12:00)" || { echo "FAIL: AS_OF argument not used"; status=1; }
if gap=$("${java[@]}" 2025-03-30T02:30 2>&1); then echo "FAIL: a time in the spring gap was accepted"; status=1; fi
grep -qF "AS_OF: BL_ERROR_INPUT" <<<"$gap" || { echo "FAIL: gap status: $gap"; status=1; }
grep -qF "'2025-03-30T02:30' does not exist in Copenhagen time (the clocks skip 02:00-03:00)" <<<"$gap" || { echo "FAIL: gap message: $gap"; status=1; }
[ $status -eq 0 ] && echo "examples: C and Java print the same warning list and pre-check"
exit $status
