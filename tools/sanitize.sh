#!/usr/bin/env bash
# Builds barnetslov with sanitizers and runs the tests each is for.
#   tools/sanitize.sh thread     build-tsan: ThreadSanitizer; the C API tests, among them
#                                capi_threads_test (8 threads sharing one engine)
#   tools/sanitize.sh address    build-asan: AddressSanitizer + UndefinedBehaviorSanitizer; the
#                                C API tests (every error path) and the loader's bad-input tests
#   tools/sanitize.sh            both
# Only the targets these tests need are built. Not part of the CTest run (a sanitized build of
# the library takes minutes on 2 cores); run it after touching the C API or anything it shares.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-2}

# ThreadSanitizer of GCC 12 cannot map its shadow memory under the address-space randomization
# of recent kernels (vm.mmap_rnd_bits > 28 fails, 28 is borderline); without randomization it can.
no_aslr=()
if setarch "$(uname -m)" -R true 2>/dev/null; then no_aslr=(setarch "$(uname -m)" -R); fi

run() {  # run DIR SANITIZERS TEST_REGEX TARGETS...
    local dir=$1 sanitizers=$2 regex=$3
    shift 3
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBARNETSLOV_WERROR=ON \
        -DBARNETSLOV_SANITIZE="$sanitizers" > /dev/null
    cmake --build "$dir" -j "$jobs" --target "$@"
    TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
    ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
        "${no_aslr[@]}" ctest --test-dir "$dir" -R "$regex" --output-on-failure -j "$jobs"
}

capi_targets=(capi_builder_test capi_errors_test capi_findings_test capi_precheck_test capi_threads_test capi_c99_test
              warning_list_c warning_list_cpp)
case ${1:-all} in
  thread) run build-tsan thread '^capi_' "${capi_targets[@]}" ;;
  address) run build-asan address,undefined '^(capi_|Loader|BadInput)' "${capi_targets[@]}" loader_test loader_errors_test ;;
  all) "$0" thread && "$0" address ;;
  *) echo "usage: tools/sanitize.sh [thread|address|all]"; exit 2 ;;
esac
