#!/usr/bin/env bash
# Builds barnetslov with sanitizers and runs the tests each is for.
#   tools/sanitize.sh address    build-asan: AddressSanitizer + UndefinedBehaviorSanitizer (leaks
#                                included); every target, and the WHOLE test suite except what
#                                cannot run sanitized: python_test (loads the library into an
#                                uninstrumented python3), consumer_test (builds plain out-of-tree
#                                consumers against the sanitized install) and capi_abi_test (the
#                                ABI baseline is of the plain build's debug information) -- CMake
#                                leaves them out when BARNETSLOV_SANITIZE is set.
#   tools/sanitize.sh thread     build-tsan: ThreadSanitizer; the C API tests, among them
#                                capi_threads_test (8 threads sharing one engine), and the
#                                determinism test (threads evaluating the examples at once)
#   tools/sanitize.sh            both
# Not part of the CTest run: a sanitized build of everything takes about 10 minutes on 2 cores.
# Run it after touching the loader, the C API, the calendar or anything they share.
# BARNETSLOV_BUILD_LOCK=/path/to/lockfile makes builds take turns with others on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-2}
lock=()
if [ -n "${BARNETSLOV_BUILD_LOCK:-}" ]; then lock=(flock "$BARNETSLOV_BUILD_LOCK"); fi

# ThreadSanitizer of GCC 12 cannot map its shadow memory under the address-space randomization
# of recent kernels (vm.mmap_rnd_bits > 28 fails, 28 is borderline); without randomization it can.
no_aslr=()
if setarch "$(uname -m)" -R true 2>/dev/null; then no_aslr=(setarch "$(uname -m)" -R); fi

run() {  # run DIR SANITIZERS TEST_REGEX [TARGETS...]: no targets builds everything
    local dir=$1 sanitizers=$2 regex=$3
    shift 3
    "${lock[@]}" cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBARNETSLOV_WERROR=ON \
        -DBARNETSLOV_SANITIZE="$sanitizers" > /dev/null
    if (($#)); then "${lock[@]}" cmake --build "$dir" -j "$jobs" --target "$@"; else "${lock[@]}" cmake --build "$dir" -j "$jobs"; fi
    TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
    ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
        "${no_aslr[@]}" ctest --test-dir "$dir" -R "$regex" --output-on-failure -j "$jobs"
}

capi_targets=(capi_builder_test capi_errors_test capi_findings_test capi_precheck_test capi_threads_test capi_c99_test
              warning_list_c warning_list_cpp)
case ${1:-all} in
  thread) run build-tsan thread '^(capi_|Determinism)' "${capi_targets[@]}" determinism_test ;;
  address) run build-asan address,undefined '.' ;;
  all) "$0" thread && "$0" address ;;
  *) echo "usage: tools/sanitize.sh [thread|address|all]"; exit 2 ;;
esac
