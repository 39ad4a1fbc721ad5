#!/usr/bin/env bash
# The C and C++ examples run, print the same (the RAII wrappers change nothing), and show what a
# vendor relies on: the warning list earliest first and a pre-check that stops a decision
# without the child's views.   Usage: examples_run_test.sh C_EXAMPLE CPP_EXAMPLE
set -euo pipefail
c_out=$("$1")
cpp_out=$("$2")
status=0
if [ "$c_out" != "$cpp_out" ]; then echo "FAIL: the C and C++ examples print different things:"; diff <(echo "$c_out") <(echo "$cpp_out") || true; status=1; fi
expect() {
    grep -qF -- "$1" <<<"$c_out" || { echo "FAIL: the example does not print: $1"; status=1; }
}
expect "Case 2024-0655: 6 events,"
expect "  1. BL-UND-KVIT  underretning 'u2': Not done yet; the deadline is ahead (5 hverdage left)."
expect "     due 2025-01-22T23:59:59+01:00: 6 hverdage after 2025-01-14 (day 0) = end of 2025-01-22"
expect "  2. BL-UNDS-4M   undersoegelse 'bfu1': Not done yet; the deadline is ahead (64 days left)."
expect "Open duties without a deadline (3):"
expect "  - BL-SCR-01    underretning 'u2': The next step is not on file yet; the law sets no deadline."
expect "  violated   BL-BARN-VIEWS          There is no record of the child's views before the decision."
expect "  => stop: "
# Complaint guidance goes with the decision: listed to include, never what stops it (issue 16).
expect "  include    BL-KLAGE-WHO"
# Another as-of from the command line, a Copenhagen local time: one day later, one hverdag less.
grep -qF "(4 hverdage left)" <<<"$("$1" 2025-01-16T12:00)" || { echo "FAIL: AS_OF argument not used"; status=1; }
# A local time the clocks skip is refused with the loader's words, not read as some other hour.
if gap=$("$1" 2025-03-30T02:30 2>&1); then echo "FAIL: a time in the spring gap was accepted"; status=1; fi
grep -qF "'2025-03-30T02:30' does not exist in Copenhagen time (the clocks skip 02:00-03:00)" <<<"$gap" || { echo "FAIL: gap message: $gap"; status=1; }
[ $status -eq 0 ] && echo "examples: C and C++ print the same warning list and pre-check"
exit $status
