#!/usr/bin/env bash
# Builds barnetslov with sanitizers and runs the tests each is for.
#   tools/sanitize.sh address    build-asan: AddressSanitizer + UndefinedBehaviorSanitizer (leaks
#                                included) and libstdc++'s assertions (_GLIBCXX_ASSERTIONS); every
#                                target, and the WHOLE test suite except what cannot run sanitized:
#                                python_test and the Java tests (load the library into an
#                                uninstrumented python3 or JVM),
#                                consumer_test (builds plain out-of-tree consumers against the
#                                sanitized install) and capi_abi_test (the ABI baseline is of the
#                                plain build's debug information) -- CMake leaves them out when
#                                BARNETSLOV_SANITIZE is set.
#   tools/sanitize.sh thread     build-tsan: ThreadSanitizer; the tests BARNETSLOV_TESTS=threads
#                                defines: the C API tests, among them capi_threads_test (8
#                                threads sharing one engine), and the determinism test (threads
#                                evaluating the examples at once)
#   tools/sanitize.sh            both
#
#   tools/sanitize.sh ci-address DIR   what the README's test command runs (the ctest entries
#   tools/sanitize.sh ci-thread DIR    sanitize_address and sanitize_thread of the plain build):
#                                the unit, C API and fuzz-replay tests under ASan+UBSan with
#                                _GLIBCXX_ASSERTIONS (BARNETSLOV_TESTS=unit), and the threaded
#                                tests under TSan (BARNETSLOV_TESTS=threads), built in DIR at -O1
#                                with line tables only, which costs about half of RelWithDebInfo.
#                                The whole-program CLI tests run in the plain build only: they
#                                drive the same library through the CLI, and building and running
#                                them sanitized would not fit CI's 30 minutes on 2 cores.
#
# Run the full modes after touching the loader, the C API, the calendar or anything they share.
# BARNETSLOV_BUILD_LOCK=/path/to/lockfile makes builds take turns with others on a shared machine;
# JOBS (default 2) is the build's parallelism; CMAKE_CXX_COMPILER_LAUNCHER (e.g. ccache) is passed on.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-2}
lock=()
if [ -n "${BARNETSLOV_BUILD_LOCK:-}" ]; then lock=(flock "$BARNETSLOV_BUILD_LOCK"); fi
launcher=()
if [ -n "${CMAKE_CXX_COMPILER_LAUNCHER:-}" ]; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER="$CMAKE_CXX_COMPILER_LAUNCHER" -DCMAKE_C_COMPILER_LAUNCHER="$CMAKE_CXX_COMPILER_LAUNCHER")
fi

# ThreadSanitizer of GCC 12 cannot map its shadow memory under the address-space randomization
# of recent kernels (vm.mmap_rnd_bits > 28 fails, 28 is borderline); without randomization it can.
no_aslr=()
if setarch "$(uname -m)" -R true 2>/dev/null; then no_aslr=(setarch "$(uname -m)" -R); fi

export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

build_and_test() {  # DIR SANITIZERS TESTS FLAGS: configure, build everything the subset defines, run it
    local dir=$1 sanitizers=$2 tests=$3 flags=$4
    "${lock[@]}" cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="$flags" -DCMAKE_C_FLAGS_RELWITHDEBINFO="$flags" \
        -DBARNETSLOV_WERROR=ON -DBARNETSLOV_SANITIZE="$sanitizers" -DBARNETSLOV_TESTS="$tests" \
        -DBARNETSLOV_BENCH=OFF "${launcher[@]}" > /dev/null
    "${lock[@]}" cmake --build "$dir" -j "$jobs"
    # Every test the subset defines must have been built and must run: none skipped, none missing.
    "${no_aslr[@]}" ctest --test-dir "$dir" --output-on-failure -j "$jobs" --no-tests=error
}

full="-O2 -g" ci="-O1 -g1"
usage="usage: tools/sanitize.sh [thread|address|all] | ci-address DIR | ci-thread DIR"
case ${1:-all} in
  thread) build_and_test build-tsan thread threads "$full" ;;
  address) build_and_test build-asan address,undefined all "$full" ;;
  all) "$0" thread && "$0" address ;;
  ci-address) [ $# -eq 2 ] || { echo "$usage" >&2; exit 2; }; build_and_test "$2" address,undefined unit "$ci" ;;
  ci-thread) [ $# -eq 2 ] || { echo "$usage" >&2; exit 2; }; build_and_test "$2" thread threads "$ci" ;;
  *) echo "$usage" >&2; exit 2 ;;
esac
