#!/usr/bin/env bash
# Runs the libFuzzer harnesses of tests/fuzz (clang, ASan + UBSan) for a given time each.
#   tools/fuzz.sh loader|json|capi|calendar|all SECONDS
# Builds build-fuzz with clang, copies the seeds (tests/fuzz/corpus/NAME; for the loader the
# example case files and tests/bad-inputs, for json the JSON examples) into a scratch folder so
# the repository's corpus does not grow, and runs each harness one at a time, on one core, at
# the lowest priority. A crash leaves its input as build-fuzz/runs/NAME/crash-*: fix the bug, then keep the input as
# tests/fuzz/regressions/NAME/<what-it-was> (the replay test runs it in every CI build).
# The summary (executions, coverage, features) is in build-fuzz/runs/NAME/log.
# Needs clang with libFuzzer (Debian 12: clang-14); not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: tools/fuzz.sh loader|json|capi|calendar|all SECONDS" >&2; exit 2; }
what=$1 seconds=$2
case $what in
  all) harnesses=(loader json capi calendar) ;;
  loader|json|capi|calendar) harnesses=("$what") ;;
  *) echo "tools/fuzz.sh: no harness '$what' (loader, json, capi, calendar, all)" >&2; exit 2 ;;
esac
lock=()  # builds on a shared machine take turns (BARNETSLOV_BUILD_LOCK=/path/to/lockfile)
if [ -n "${BARNETSLOV_BUILD_LOCK:-}" ]; then lock=(flock "$BARNETSLOV_BUILD_LOCK"); fi

"${lock[@]}" cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DBARNETSLOV_FUZZ=ON -DBARNETSLOV_SANITIZE=address,undefined \
    -DBARNETSLOV_BUILD_TESTS=OFF -DBARNETSLOV_BUILD_EXAMPLES=OFF > /dev/null
"${lock[@]}" cmake --build build-fuzz -j "${JOBS:-2}" --target "${harnesses[@]/#/fuzz_}"

status=0
for name in "${harnesses[@]}"; do
    run=build-fuzz/runs/$name
    rm -rf "$run/corpus"
    mkdir -p "$run/corpus"
    if [ "$name" = loader ]; then
        cp examples/*.xml tests/bad-inputs/*.xml "$run/corpus/"
    elif [ "$name" = json ]; then
        cp examples/json/*.json "$run/corpus/"
    else
        cp tests/fuzz/corpus/"$name"/* "$run/corpus/"
    fi
    if [ -d "tests/fuzz/regressions/$name" ]; then cp tests/fuzz/regressions/"$name"/* "$run/corpus/"; fi
    echo "fuzz_$name: $seconds s, seeds: $(ls "$run/corpus" | wc -l)"
    # -rss_limit_mb: the loader may use 16x a file's size; 2 GB is far above any seed's need.
    # -timeout=60: at nice 19 on a busy machine a unit can wait seconds for a core; none needs them.
    set +e
    ASAN_OPTIONS="detect_leaks=1" UBSAN_OPTIONS="print_stacktrace=1" \
        nice -n 19 "build-fuzz/tests/fuzz/fuzz_$name" "$run/corpus" -max_total_time="$seconds" -print_final_stats=1 \
        -rss_limit_mb=2048 -timeout=60 -artifact_prefix="$run/" > "$run/log" 2>&1
    rc=$?
    set -e
    grep -E '^#[0-9]+ +(DONE|INITED)|stat::number_of_executed_units|stat::peak_rss_mb' "$run/log" || true
    if [ $rc -ne 0 ]; then
        echo "fuzz_$name: FAILED (exit $rc); see $run/log and $run/crash-* / timeout-* / leak-*"
        status=1
    fi
done
exit $status
