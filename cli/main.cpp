// barnetslov — the command-line front end.
//
//   barnetslov check FILE|DIR|-... [--as-of T] [--format text|json|csv|junit|html] [--summary [--group-by rule|year|quarter|month|unit|municipality,...]]
//                    [--rules IDS] [--since D] [--until D] [--lang en|da] [--jobs N] [--quiet] [--output FILE] [--max-failures N]
//                    [--reading NAME=VALUE]...
//   barnetslov deadlines FILE|DIR|-... [--within 14d] [--format text|csv|json|ics] [same filters]
//   barnetslov diff OLD NEW [--format text|json]     (two JSON or JSON Lines reports of check)
//   barnetslov rules [--chapter C] [--part A|B|C] [--format text|json|markdown]
//   barnetslov explain RULE-ID
//   barnetslov schema xsd|json-schema|vocabulary|reference
//   barnetslov version
//   barnetslov help [COMMAND]                         (also COMMAND --help)
//
// "-" as a path is one case file read from standard input (XML, or JSON with --input json).
// Rule ids (--rules, explain) are matched ignoring letter case; an unknown one is exit code 2
// with the nearest ids. An unknown value of any option is exit code 2 naming the valid ones.
//
// diff: exit code 1 when NEW has a problem OLD did not have, else 0; 2 for an input it cannot
// read, naming the file, line and column.
//
// Exit codes (DESIGN.md): 2 for a usage error, any input that could not be read or was skipped
// (even when other files gave findings), a batch that gave up, or output that could not be
// written; else 1 when any finding is late, missed, violated or indeterminate (for deadlines: when
// any duty is overdue, i.e. missed); else 0.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>  // mallopt: glibc's own tuning
#endif

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "barnetslov/engine.hpp"
#include "barnetslov/loader.hpp"
#include "barnetslov/echo.hpp"
#include "barnetslov/schema.hpp"
#include "barnetslov/version.h"
#include "barnetslov/catalog.hpp"
#include "check.hpp"
#include "diff.hpp"
#include "help.hpp"
#include "output.hpp"
#include "rules.hpp"

namespace po = boost::program_options;
using namespace barnetslov;

namespace {

using cli::exit_ok, cli::exit_bad_input;

void out(const std::string& s) { cli::print(s); }
void err(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stderr); }

const char* usage =
    "usage: barnetslov <command> [options]\n"
    "\n"
    "commands:\n"
    "  check FILE|DIR|-... check case files: XML, JSON (.json) or JSON Lines (.jsonl, one case a line); folders:\n"
    "                      every *.xml (any letter case) below, recursively, or with --input json|any the JSON ones;\n"
    "                      - reads one case file from standard input\n"
    "  deadlines FILE|DIR|-... the undone duties across the files: the overdue ones first, most overdue first,\n"
    "                      then the pending deadlines by due time, then the open duties without a deadline;\n"
    "                      text, csv, json or ics (an iCalendar file for a calendar program); exit code 1 when\n"
    "                      anything is overdue\n"
    "  diff OLD NEW        the problems new, resolved and unchanged between two JSON or JSON Lines reports of check\n"
    "  rules               list every rule id of the catalog: implemented, informational, alias, planned\n"
    "  explain RULE-ID     what a rule checks, how it counts, its versions, confidence and an example\n"
    "  schema WHAT         print the case-file format, generated from the vocabulary: xsd (XML Schema),\n"
    "                      json-schema (JSON Schema of JSON case files), vocabulary (the vocabulary as JSON),\n"
    "                      reference (Markdown, every event element and its attributes)\n"
    "  version             print the library and case-file format versions\n"
    "\n"
    "run 'barnetslov help COMMAND' (or 'barnetslov COMMAND --help') for the options of a command\n"
    "\n"
    "exit codes: 0 no problem, 1 a finding to look at (late, missed, violated, indeterminate; for diff: a new one),\n"
    "2 a usage error, an input that could not be read, or output that could not be written\n";

// "a, b or c": the valid values an error names.
std::string one_of(const std::vector<std::string_view>& values) {
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i) out += fmt::format("{}{}", i == 0 ? "" : i + 1 == values.size() ? " or " : ", ", values[i]);
    return out;
}

int run_rules(const std::vector<std::string>& args) {
    po::options_description opts("options of rules");
    const std::string chapter_help = "only this chapter: " + one_of(cli::chapters());
    opts.add_options()("help,h", "show this help")("chapter", po::value<std::string>(), chapter_help.c_str())(
        "part", po::value<std::string>(), "only part A, B or C of the catalog")(
        "format", po::value<std::string>()->default_value("text"), "text | json | markdown");
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(opts).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        err(fmt::format("barnetslov rules: {}\n", barnetslov::echo(e.what(), std::string_view::npos)));
        return exit_bad_input;
    }
    if (vm.count("help")) {
        out(cli::help_text({"usage: barnetslov rules [options]",
                            "Lists every rule id of the catalog: implemented, informational, alias or planned.",
                            {"barnetslov rules --chapter placement", "barnetslov rules --part C --format json"},
                            cli::plain_exit_codes},
                           opts));
        return exit_ok;
    }
    cli::RulesQuery q;
    if (vm.count("chapter")) {
        // A chapter in any letter case, as rule ids; one the catalog does not have is an error, not 0 rules.
        std::string c = vm["chapter"].as<std::string>();
        for (char& ch : c) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        const auto all = cli::chapters();
        if (std::find(all.begin(), all.end(), c) == all.end()) {
            err(fmt::format("barnetslov rules: --chapter must be {}, not {}\n", one_of(all), barnetslov::quoted(vm["chapter"].as<std::string>())));
            return exit_bad_input;
        }
        q.chapter = c;
    }
    if (vm.count("part")) {
        const std::string p = vm["part"].as<std::string>();
        if (p.size() != 1 || (std::toupper(static_cast<unsigned char>(p[0])) < 'A' || std::toupper(static_cast<unsigned char>(p[0])) > 'C')) {
            err(fmt::format("barnetslov rules: --part must be A, B or C, not {}\n", barnetslov::quoted(p)));
            return exit_bad_input;
        }
        q.part = static_cast<char>(std::toupper(static_cast<unsigned char>(p[0])));
    }
    const Rulebook book = Rulebook::standard();
    const std::string format = vm["format"].as<std::string>();
    if (format == "text") out(cli::rules_text(book, q));
    else if (format == "json") out(cli::rules_json(book, q));
    else if (format == "markdown") out(cli::rules_markdown(book));
    else {
        err(fmt::format("barnetslov rules: --format must be text, json or markdown, not {}\n", barnetslov::quoted(format)));
        return exit_bad_input;
    }
    return exit_ok;
}

const char* explain_usage = "usage: barnetslov explain RULE-ID";

std::string explain_help() {
    return cli::help_text({explain_usage,
                           "What a rule checks, how it counts its deadline, the reading chosen, its versions, confidence and "
                           "statute, and an example. Any id of the catalog (barnetslov rules), in any letter case; an alias "
                           "explains the rule it stands for.",
                           {"barnetslov explain BL-UND-24H", "barnetslov explain bl-und-24h"},
                           cli::plain_exit_codes},
                          po::options_description());
}

int run_explain(const std::vector<std::string>& args) {
    if (args.size() == 1 && (args.front() == "--help" || args.front() == "-h")) {
        out(explain_help());
        return exit_ok;
    }
    if (args.size() != 1) {
        err(fmt::format("{}\n", explain_usage));
        return exit_bad_input;
    }
    const auto text = cli::explain(Rulebook::standard(), args.front());
    if (!text) {
        err(fmt::format("barnetslov explain: {}\n", cli::unknown_rule(args.front())));
        return exit_bad_input;
    }
    out(*text);
    return exit_ok;
}

// The descriptions of the format that schema/ and share/barnetslov/ hold (schema.hpp).
int run_schema(const std::vector<std::string>& args) {
    const std::string what = args.size() == 1 ? args.front() : "";
    if (what == "--help" || what == "-h")
        out(cli::help_text({"usage: barnetslov schema xsd|json-schema|vocabulary|reference",
                            "Prints the case-file format, generated from the vocabulary: xsd (XML Schema), json-schema (JSON "
                            "Schema of JSON case files), vocabulary (the vocabulary as JSON), reference (Markdown, every event "
                            "element and its attributes).",
                            {"barnetslov schema xsd > case.xsd"},
                            cli::plain_exit_codes},
                           po::options_description()));
    else if (what == "xsd") out(case_xsd());
    else if (what == "json-schema") out(case_json_schema());
    else if (what == "vocabulary") out(vocabulary_json());
    else if (what == "reference") out(case_reference());
    else {
        err(fmt::format("usage: barnetslov schema xsd|json-schema|vocabulary|reference{}\n",
                        args.size() == 1 ? fmt::format(" (not {})", barnetslov::quoted(what)) : ""));
        return exit_bad_input;
    }
    return exit_ok;
}

int run(int argc, char** argv) {
    if (argc < 2) {
        err(usage);
        return exit_bad_input;
    }
    const std::string command = argv[1];
    const std::vector<std::string> rest(argv + 2, argv + argc);
    try {
        // "help COMMAND" is "COMMAND --help".
        if (command == "help" && rest.size() == 1 && rest.front() != "help") {
            const char* argv2[] = {argv[0], rest.front().c_str(), "--help"};
            return run(3, const_cast<char**>(argv2));
        }
        if (command == "check") return cli::run_check(rest);
        if (command == "diff") return cli::run_diff(rest);
        if (command == "deadlines") return cli::run_deadlines(rest);
        if (command == "rules") return run_rules(rest);
        if (command == "explain") return run_explain(rest);
        if (command == "schema") return run_schema(rest);
        if ((command == "version" && rest.size() == 1 && (rest.front() == "--help" || rest.front() == "-h"))) {
            out("usage: barnetslov version\n\nPrints the library and case-file format versions.\n");
            return exit_ok;
        }
        if (command == "version" || command == "--version") {
            out(fmt::format("barnetslov {} (case-file format {})\n", BL_VERSION_STRING, case_namespace_v1));
            return exit_ok;
        }
        if (command == "help" || command == "--help" || command == "-h") {
            out(usage);
            return exit_ok;
        }
    } catch (const std::exception& e) {
        // An exception's text may quote a path or an argument: escaped and masked like any echo.
        err(fmt::format("barnetslov: {}\n", barnetslov::echo(e.what(), std::string_view::npos)));
        return exit_bad_input;
    }
    err(fmt::format("barnetslov: unknown command {}\n\n{}", barnetslov::quoted(command), usage));
    return exit_bad_input;
}

}  // namespace

int main(int argc, char** argv) {
    // A batch makes and drops the same few blocks file after file (a case, its findings, a report's
    // text of 10-150 KB). With glibc's defaults a file's larger block lands at the top of the heap or
    // in its own mmap, and freeing it gives the memory back (a brk shrink or munmap) only to take it
    // again for the next: ~450 brk calls and their page faults on 10,000 files' text report,
    // ~2.5 us of system time a file (bench/ANALYSIS.md, session 28). Kept instead: the heap's top is
    // given back only past 64 MiB, and blocks up to 16 MiB come from the heap. The peak stays that of
    // the largest file, as before.
#if defined(__GLIBC__)
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 16 << 20);
#endif
    const int code = run(argc, argv);
    // What went to standard output outside a report (help, rules, explain, version): a full disk
    // or a closed pipe is said, and is exit code 2, not the command's own.
    if (const std::string e = cli::print_error(); !e.empty()) {
        err(fmt::format("barnetslov: {}\n", e));
        return exit_bad_input;
    }
    return code;
}
