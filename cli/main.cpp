// barnetslov — the command-line front end.
//
//   barnetslov check FILE|DIR... [--as-of T] [--format text|json] [--lang en|da] [--max-failures N]
//   barnetslov version
//
// Exit codes (DESIGN.md): 2 for a usage error or any input that could not be read (even when
// other files gave findings); else 1 when any finding is late, missed, violated or
// indeterminate; else 0.
#include <chrono>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "barnetslov/engine.hpp"
#include "barnetslov/loader.hpp"
#include "barnetslov/report.hpp"
#include "case/echo.hpp"
#include "discover.hpp"
#include "rules.hpp"
#include "schema.hpp"

namespace po = boost::program_options;
using namespace barnetslov;

namespace {

constexpr int exit_ok = 0, exit_findings = 1, exit_bad_input = 2;

void out(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }
void err(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stderr); }

const char* usage =
    "usage: barnetslov <command> [options]\n"
    "\n"
    "commands:\n"
    "  check FILE|DIR...   check case files (folders: every *.xml below, recursively)\n"
    "  rules               list every rule id of the catalog: implemented, informational, alias, planned\n"
    "  explain RULE-ID     what a rule checks, how it counts, its versions, confidence and an example\n"
    "  version             print the library and case-file format versions\n"
    "\n"
    "run 'barnetslov check --help' for the options of check\n";

// --as-of: a timestamp as in case files; a date alone means the end of that day.
bool parse_as_of(const std::string& text, const Calendar& cal, Instant& out_instant) {
    const ParsedMoment p = parse_moment(text, cal);
    if (p.status != MomentParse::ok) return false;
    out_instant = p.moment.has_time ? p.moment.instant : cal.end_of_local_day(p.moment.day) - Seconds{1};
    return true;
}

int run_check(const std::vector<std::string>& args) {
    po::options_description opts("options of check");
    opts.add_options()("help,h", "show this help")(
        "as-of", po::value<std::string>(), "judge as of this time (YYYY-MM-DD[Thh:mm[:ss][+hh:mm|Z]]; a date means its end); default: now")(
        "format", po::value<std::string>()->default_value("text"), "text | json")(
        "lang", po::value<std::string>()->default_value("en"), "language of the text report: en | da")(
        "max-failures", po::value<std::size_t>()->default_value(100),
        "give up after this many files could not be read (0: never); a batch that fails this often is not worth reading on")(
        "paths", po::value<std::vector<std::string>>(), "case files or folders");
    po::positional_options_description pos;
    pos.add("paths", -1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(opts).positional(pos).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        err(fmt::format("barnetslov check: {}\n", e.what()));
        return exit_bad_input;
    }
    if (vm.count("help")) {
        out("usage: barnetslov check FILE|DIR... [options]\n\n");
        std::string s;
        // program_options prints through iostreams; fine for help text, off the hot path.
        std::ostringstream os;
        os << opts;
        out(os.str());
        return exit_ok;
    }
    const std::string format = vm["format"].as<std::string>();
    const std::string lang_name = vm["lang"].as<std::string>();
    if (format != "text" && format != "json") {
        err(fmt::format("barnetslov check: --format must be text or json, not {}\n", barnetslov::quoted(format)));
        return exit_bad_input;
    }
    if (lang_name != "en" && lang_name != "da") {
        err(fmt::format("barnetslov check: --lang must be en or da, not {}\n", barnetslov::quoted(lang_name)));
        return exit_bad_input;
    }
    if (!vm.count("paths")) {
        err("barnetslov check: give at least one case file or folder\n");
        return exit_bad_input;
    }
    const Lang lang = lang_name == "da" ? Lang::da : Lang::en;

    const Engine engine;
    Instant as_of = std::chrono::time_point_cast<Seconds>(std::chrono::system_clock::now());
    if (vm.count("as-of") && !parse_as_of(vm["as-of"].as<std::string>(), engine.calendar(), as_of)) {
        err(fmt::format("barnetslov check: --as-of {} is not a date or time (YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss][+hh:mm|Z]; "
                        "a Copenhagen time in the DST gap or overlap needs an offset)\n",
                        barnetslov::quoted(vm["as-of"].as<std::string>())));
        return exit_bad_input;
    }

    const cli::Discovered found = cli::discover(vm["paths"].as<std::vector<std::string>>());
    std::vector<InputError> errors;
    for (const std::string& p : found.problems) errors.push_back({p, {}, "cannot read"});
    std::vector<Report> reports;
    // Files that could not be read, folders included. When a whole export is broken (the wrong
    // format or encoding) every file fails the same way: stop after max_failures of them.
    const std::size_t max_failures = vm["max-failures"].as<std::size_t>();
    std::size_t failures = found.problems.size(), unread = 0;
    for (const auto& path : found.files) {
        if (max_failures != 0 && failures >= max_failures) {
            ++unread;
            continue;
        }
        LoadResult loaded = load_case_file(path, engine.calendar());
        if (!loaded.ok()) {
            errors.insert(errors.end(), loaded.errors.begin(), loaded.errors.end());
            ++failures;
            continue;
        }
        reports.push_back(engine.evaluate(std::move(loaded.kase), as_of));
    }

    bool problems = false;
    for (const Report& r : reports) problems = problems || r.has_problems();
    std::string text;
    if (format == "json") {
        text = to_json(engine, reports, errors, as_of);
        text += '\n';
    } else {
        text = fmt::format("barnetslov {}: {} as of {} (Copenhagen)\n\n", BARNETSLOV_VERSION_STRING,
                           lang == Lang::da ? "sager vurderet" : "cases checked", format_moment(Moment{as_of, engine.calendar().local_day(as_of), true}, engine.calendar()));
        for (const Report& r : reports) {
            write_text(text, engine, r, lang);
            text += '\n';
        }
    }
    out(text);
    std::string error_text;
    for (const InputError& e : errors) write_text_error(error_text, e);
    if (unread != 0)
        error_text += fmt::format("barnetslov check: gave up after {} files could not be read (--max-failures {}); {} not checked\n",
                                  failures, max_failures, unread == 1 ? std::string("1 file") : fmt::format("{} files", unread));
    err(error_text);
    if (!errors.empty()) return exit_bad_input;
    return problems ? exit_findings : exit_ok;
}

int run_rules(const std::vector<std::string>& args) {
    po::options_description opts("options of rules");
    opts.add_options()("help,h", "show this help")("chapter", po::value<std::string>(), "only this chapter (notifications, investigation, ...)")(
        "part", po::value<std::string>(), "only part A or B of the catalog")(
        "format", po::value<std::string>()->default_value("text"), "text | json | markdown");
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(opts).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        err(fmt::format("barnetslov rules: {}\n", e.what()));
        return exit_bad_input;
    }
    if (vm.count("help")) {
        std::ostringstream os;
        os << opts;
        out("usage: barnetslov rules [options]\n\n" + os.str());
        return exit_ok;
    }
    cli::RulesQuery q;
    if (vm.count("chapter")) q.chapter = vm["chapter"].as<std::string>();
    if (vm.count("part")) {
        const std::string p = vm["part"].as<std::string>();
        if (p != "A" && p != "B") {
            err("barnetslov rules: --part must be A or B\n");
            return exit_bad_input;
        }
        q.part = p[0];
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

int run_explain(const std::vector<std::string>& args) {
    if (args.size() != 1) {
        err("usage: barnetslov explain RULE-ID\n");
        return exit_bad_input;
    }
    const auto text = cli::explain(Rulebook::standard(), args.front());
    if (!text) {
        err(fmt::format("barnetslov explain: no rule {} in the catalog (barnetslov rules lists them)\n", barnetslov::quoted(args.front())));
        return exit_bad_input;
    }
    out(*text);
    return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        err(usage);
        return exit_bad_input;
    }
    const std::string command = argv[1];
    const std::vector<std::string> rest(argv + 2, argv + argc);
    try {
        if (command == "check") return run_check(rest);
        if (command == "rules") return run_rules(rest);
        if (command == "explain") return run_explain(rest);
        if (command == "schema") {
            // For maintainers: regenerates schema/case-1.xsd and the reference in schema/README.md.
            const std::string what = rest.empty() ? "" : rest.front();
            if (what == "xsd") { out(cli::vocabulary_xsd()); return exit_ok; }
            if (what == "reference") { out(cli::vocabulary_reference()); return exit_ok; }
            err("usage: barnetslov schema xsd|reference\n");
            return exit_bad_input;
        }
        if (command == "version" || command == "--version") {
            out(fmt::format("barnetslov {} (case-file format {})\n", BARNETSLOV_VERSION_STRING, case_namespace_v1));
            return exit_ok;
        }
        if (command == "help" || command == "--help" || command == "-h") {
            out(usage);
            return exit_ok;
        }
    } catch (const std::exception& e) {
        err(fmt::format("barnetslov: {}\n", e.what()));
        return exit_bad_input;
    }
    err(fmt::format("barnetslov: unknown command {}\n\n{}", barnetslov::quoted(command), usage));
    return exit_bad_input;
}
