// barnetslov diff OLD NEW: the problems (late, missed, violated, indeterminate findings) that are
// new in NEW, resolved since OLD, and unchanged, between two reports of `check --format json` or
// `check --format jsonl`. What an auditor revisits, and what a vendor's CI gates on (exit code 1
// when NEW has a problem OLD did not have).
#pragma once

#include <string>
#include <vector>

namespace barnetslov::cli {

int run_diff(const std::vector<std::string>& args);

}  // namespace barnetslov::cli
