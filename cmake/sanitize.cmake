# BARNETSLOV_SANITIZE: sanitizers for every target of the build, e.g. "thread" or
# "address,undefined" (tools/sanitize.sh builds build-tsan and build-asan with them).
if(BARNETSLOV_SANITIZE)
  string(REPLACE "," ";" _bl_sanitizers "${BARNETSLOV_SANITIZE}")
  foreach(_bl_s IN LISTS _bl_sanitizers)
    if(NOT _bl_s MATCHES "^(thread|address|undefined)$")
      message(FATAL_ERROR "BARNETSLOV_SANITIZE: '${_bl_s}' is not one of thread, address, undefined")
    endif()
  endforeach()
  if("thread" IN_LIST _bl_sanitizers AND "address" IN_LIST _bl_sanitizers)
    message(FATAL_ERROR "BARNETSLOV_SANITIZE: thread and address cannot be combined")
  endif()
  # Debug information comes from the build type (tools/sanitize.sh: RelWithDebInfo; the CI subset,
  # tools/sanitize.sh ci: -O1 -g1, line tables only, which halves its compile time).
  add_compile_options(-fsanitize=${BARNETSLOV_SANITIZE} -fno-omit-frame-pointer)
  if("address" IN_LIST _bl_sanitizers)
    # libstdc++'s own bounds and precondition checks (operator[], front() of an empty vector, ...).
    add_compile_definitions(_GLIBCXX_ASSERTIONS)
  endif()
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND "address" IN_LIST _bl_sanitizers)
    # GCC 12 with -fsanitize=address warns falsely that std::function inside libstdc++'s <regex>
    # "may be used uninitialized", which -Werror makes fatal for the tests that use std::regex.
    add_compile_options(-Wno-maybe-uninitialized)
  endif()
  add_link_options(-fsanitize=${BARNETSLOV_SANITIZE})
  if("undefined" IN_LIST _bl_sanitizers)
    # A report must fail the test that caused it, not scroll past in its output.
    add_compile_options(-fno-sanitize-recover=undefined)
  endif()
endif()

# BARNETSLOV_FUZZ: every target gets libFuzzer's coverage instrumentation; the harnesses link
# libFuzzer itself (tests/fuzz). tools/fuzz.sh adds address,undefined through BARNETSLOV_SANITIZE.
if(BARNETSLOV_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "BARNETSLOV_FUZZ needs clang (libFuzzer), e.g. -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
