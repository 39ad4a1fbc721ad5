// The batch commands of the CLI.
#pragma once

#include <string>
#include <vector>

namespace barnetslov::cli {

inline constexpr int exit_ok = 0, exit_findings = 1, exit_bad_input = 2;

int run_check(const std::vector<std::string>& args);
int run_deadlines(const std::vector<std::string>& args);

}  // namespace barnetslov::cli
