// Help text of the commands: the options as program_options holds them, laid out by us, wrapped
// between words only (program_options' own layout cuts a token such as a date pattern in two when
// it is long), with examples and the exit codes after the options.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options/cmdline.hpp>
#include <boost/program_options/options_description.hpp>

namespace barnetslov::cli {

struct HelpText {
    std::string_view usage;                 // "usage: barnetslov check FILE|DIR... [options]"
    std::string_view about;                 // a sentence or two on what the command does
    std::vector<std::string_view> examples; // command lines, one each
    std::string_view exit_codes;            // lines "  0  ...", as the command gives them
};

// The help of a command. Options named in `hidden` (the positional ones, already in the usage
// line) are left out.
std::string help_text(const HelpText& h, const boost::program_options::options_description& opts,
                      const std::vector<std::string_view>& hidden = {"paths"});

// `text` wrapped between words to lines of at most `width` characters, each indented by `indent`
// spaces; a word longer than a line stands alone on its line, uncut.
std::string wrap(std::string_view text, std::size_t indent, std::size_t width);

// The exit codes of check and deadlines (cli/main.cpp's header comment).
inline constexpr std::string_view batch_exit_codes =
    "  0  no finding is late, missed, violated or indeterminate\n"
    "  1  some finding is (the list of what to look at)\n"
    "  2  a usage error, an input that could not be read or was skipped, a batch that gave up, or a\n"
    "     report that could not be written\n";

// deadlines: the list is made whatever the findings.
inline constexpr std::string_view deadlines_exit_codes =
    "  0  the list was made, and no duty is overdue\n"
    "  1  a duty is overdue (its deadline passed and it is not done)\n"
    "  2  a usage error, an input that could not be read or was skipped, a batch that gave up, or a\n"
    "     list that could not be written\n";

inline constexpr std::string_view plain_exit_codes =
    "  0  done\n"
    "  2  a usage error (an unknown option, id or value: the valid ones are named), or output that could\n"
    "     not be written\n";

}  // namespace barnetslov::cli
