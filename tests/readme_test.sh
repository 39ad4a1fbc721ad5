#!/usr/bin/env bash
# The README's two commands are the ones CI and users run: .ci/run contains the test command
# word for word, and both commands start with the set-up script.
set -euo pipefail
cd "$1"
status=0
commands=$(awk '/^```sh$/{f=1;next} /^```$/{f=0} f' README.md | grep '^tools/setup.sh')
run_cmd=$(echo "$commands" | grep 'check examples' | head -1)
test_cmd=$(echo "$commands" | grep 'ctest' | head -1)
[ -n "$run_cmd" ] || { echo "FAIL: README lacks the set-up-and-check command"; status=1; }
[ -n "$test_cmd" ] || { echo "FAIL: README lacks the set-up-and-test command"; status=1; }
# The check command is judged as of the examples' date, so its result does not change every day,
# and it prints what the checked-in report holds (examples_test compares that report).
[ "$run_cmd" = 'tools/setup.sh && build/barnetslov check examples/ --as-of "$(cat examples/expected/AS_OF)"' ] ||
    { echo "FAIL: the README's check command is not judged as of examples/expected/AS_OF: $run_cmd"; status=1; }
grep -q 'check examples --as-of "$as_of"' tests/examples_test.sh ||
    { echo "FAIL: tests/examples_test.sh no longer checks the examples as of examples/expected/AS_OF"; status=1; }
grep -qxF "$test_cmd" .ci/run || { echo "FAIL: .ci/run does not run the README test command: $test_cmd"; status=1; }
readme_coverage=$(grep -m1 '^Coverage: ' README.md || true)
docs_coverage=$(grep -m1 '^Coverage: ' docs/rules.md || true)
[ "$readme_coverage" = "$docs_coverage" ] || { echo "FAIL: README says '$readme_coverage' but docs/rules.md says '$docs_coverage'"; status=1; }
[ $status -eq 0 ] && echo "README commands: '$run_cmd' and '$test_cmd' (the latter in .ci/run)"
exit $status
