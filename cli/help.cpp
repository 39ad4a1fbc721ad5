#include "help.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace barnetslov::cli {

namespace po = boost::program_options;

namespace {

constexpr std::size_t line_width = 100;
constexpr std::size_t description_column = 34;

// An option's value named after the option, "--format FORMAT", where its definition names none
// (program_options says "arg").
std::string value_name(const std::string& option) {
    std::string out = option;
    for (char& c : out) c = c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

std::string wrap(std::string_view text, std::size_t indent, std::size_t width) {
    std::string out, line;
    const std::string margin(indent, ' ');
    std::size_t from = 0;
    while (from < text.size()) {
        const std::size_t space = text.find(' ', from);
        const std::size_t to = space == std::string_view::npos ? text.size() : space;
        const std::string_view word = text.substr(from, to - from);
        from = to + 1;
        if (word.empty()) continue;
        if (!line.empty() && indent + line.size() + 1 + word.size() > width) {
            out.append(margin).append(line).append(1, '\n');
            line.clear();
        }
        if (!line.empty()) line += ' ';
        line.append(word);
    }
    if (!line.empty()) out.append(margin).append(line).append(1, '\n');
    return out;
}

std::string help_text(const HelpText& h, const po::options_description& opts, const std::vector<std::string_view>& hidden) {
    std::string out = fmt::format("{}\n\n", h.usage);
    if (!h.about.empty()) out += wrap(h.about, 0, line_width) + '\n';
    if (!opts.options().empty()) out += "options:\n";
    for (const auto& o : opts.options()) {
        if (std::find(hidden.begin(), hidden.end(), o->long_name()) != hidden.end()) continue;
        // "-j [ --jobs ] arg (=2)" is program_options' way; "-j, --jobs N (default 2)" reads better.
        const std::string shorter = o->canonical_display_name(po::command_line_style::allow_dash_for_short);
        const std::string longer = "--" + o->long_name();
        std::string name = shorter != longer && shorter.size() == 2 ? fmt::format("  {}, {}", shorter, longer) : fmt::format("  {}", longer);
        std::string parameter = o->format_parameter();
        // "arg (=text)": the value's name, then its default.
        if (const auto open = parameter.find(" (="); open != std::string::npos) {
            const std::string value = parameter.substr(0, open);
            const std::string def = parameter.substr(open + 3, parameter.size() - open - 4);
            parameter = fmt::format("{} (default {})", value == "arg" ? value_name(o->long_name()) : value, def);
        } else if (parameter == "arg") {
            parameter = value_name(o->long_name());
        }
        if (!parameter.empty()) name.append(1, ' ').append(parameter);
        const std::string description = wrap(o->description(), description_column, line_width);
        out += name;
        if (name.size() + 1 < description_column) out.append(std::string_view(description).substr(name.size()));
        else out.append(1, '\n').append(description);
    }
    if (!h.examples.empty()) {
        out += opts.options().empty() ? "examples:\n" : "\nexamples:\n";
        for (const std::string_view e : h.examples) out += fmt::format("  {}\n", e);
    }
    if (!h.exit_codes.empty()) out += fmt::format("\nexit codes:\n{}", h.exit_codes);
    return out;
}

}  // namespace barnetslov::cli
