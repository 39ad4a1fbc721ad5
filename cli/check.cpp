// barnetslov check and barnetslov deadlines: many case files on a pool of threads, the findings
// or the figures in the format asked for, the undone duties overdue first (cli/deadlines.cpp).
#include "check.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <memory>
#include <map>
#include <functional>
#include <optional>
#include <sstream>
#include <thread>

#include <unistd.h>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "barnetslov/aggregate.hpp"
#include "barnetslov/catalog.hpp"
#include "barnetslov/engine.hpp"
#include "barnetslov/html_report.hpp"
#include "barnetslov/loader.hpp"
#include "barnetslov/report.hpp"
#include "barnetslov/echo.hpp"
#include "barnetslov/version.h"
#include "batch.hpp"
#include "deadlines.hpp"
#include "discover.hpp"
#include "formats.hpp"
#include "help.hpp"
#include "output.hpp"
#include "rules.hpp"

namespace barnetslov::cli {

namespace po = boost::program_options;

using namespace barnetslov;

namespace {

void out(const std::string& s) { print(s); }
void err(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stderr); }

// --as-of: a timestamp as in case files; a date alone means the end of that day.
bool parse_as_of(const std::string& text, const Calendar& cal, Instant& out_instant) {
    const ParsedMoment p = parse_moment(text, cal);
    if (p.status != MomentParse::ok) return false;
    out_instant = p.moment.has_time ? p.moment.instant : cal.end_of_local_day(p.moment.day) - Seconds{1};
    return true;
}

// Options shared by check and deadlines.
struct CheckSetup {
    Instant as_of{};
    Lang lang = Lang::en;
    AggregateFilter filter;
    BatchOptions batch;
    FileList files;
    std::vector<InputError> errors;  // inputs that could not be read or were skipped while walking folders
    ReportOutput output;             // standard output or --output FILE
    std::string standard_input;      // the case file read from standard input, when a path is "-"
};

// --jobs: at most this many threads.
constexpr unsigned max_jobs = 1024;

// A whole number as --jobs and --max-failures take it: digits only, no sign.
std::optional<std::uint64_t> whole_number(const std::string& text) {
    std::uint64_t n = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, n);
    if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
    return n;
}

std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= s.size()) {
        const std::size_t to = std::min(s.find(',', from), s.size());
        if (to > from) out.push_back(s.substr(from, to - from));
        from = to + 1;
    }
    return out;
}

// "readings: supervision-year, kvittering-to, ...": the names --reading takes.
std::string reading_list() {
    std::string out = "readings:";
    for (const std::string_view name : reading_names()) out.append(out.back() == ':' ? " " : ", ").append(name);
    return out;
}

std::string reading_help() {
    return "choose one of the readings the law README leaves to the user, NAME=VALUE; repeatable; every report states the "
           "readings it was judged by (" + reading_list() + ")";
}

void add_common_options(po::options_description& opts) {
    opts.add_options()("help,h", "show this help")(
        "as-of", po::value<std::string>(), "judge as of this time (YYYY-MM-DD[Thh:mm[:ss][+hh:mm|Z]]; a date means its end); default: now")(
        "lang", po::value<std::string>()->default_value("en"), "language of the words in the report: en | da")(
        "rules", po::value<std::string>(), "only these rules: ids, comma-separated, in any letter case; the others are not evaluated")(
        "since", po::value<std::string>(), "only duties started on or after this day (YYYY-MM-DD)")(
        "until", po::value<std::string>(), "only duties started on or before this day (YYYY-MM-DD)")(
        "jobs,j", po::value<std::string>()->default_value(std::to_string(std::clamp(std::thread::hardware_concurrency(), 1u, max_jobs))),
        "threads, 1 to 1024; the output is the same for any number")("quiet,q", "no progress line on stderr")(
        "output,o", po::value<std::string>(), "write the report to this file instead of standard output (replaced only by a complete report)")(
        "max-failures", po::value<std::string>()->default_value("100"),
        "give up after this many inputs could not be read (0: never); a batch that fails this often is not worth reading on; "
        "every output of a batch that gave up says so")(
        "reading", po::value<std::vector<std::string>>()->composing()->value_name("NAME=VALUE"), reading_help().c_str())(
        "input", po::value<std::string>()->default_value("xml"),
        "which files a folder walk takes: xml (*.xml), json (*.json and *.jsonl: one case a line) or any; a file named on "
        "the command line is read as its name says (.json, .jsonl, else XML)")(
        "csv-dialect", po::value<std::string>()->default_value("rfc4180"),
        "with --format csv: rfc4180 (',' and '.') | excel (what Danish Excel opens as columns: a UTF-8 byte-order mark, ';' "
        "and a decimal comma)")(
        "paths", po::value<std::vector<std::string>>(), "case files or folders");
}

// The engine's options from --reading NAME=VALUE (repeatable); a message on failure.
std::optional<int> engine_options(const char* command, const po::variables_map& vm, EngineOptions& o) {
    if (!vm.count("reading")) return std::nullopt;
    const auto& given = vm["reading"].as<std::vector<std::string>>();
    std::vector<std::pair<std::string_view, std::string_view>> pairs;
    for (const std::string& g : given) {
        const auto eq = g.find('=');
        if (eq == std::string::npos) {
            err(fmt::format("barnetslov {}: --reading {} is not NAME=VALUE ({})\n", command, barnetslov::quoted(g), reading_list()));
            return exit_bad_input;
        }
        pairs.emplace_back(std::string_view(g).substr(0, eq), std::string_view(g).substr(eq + 1));
    }
    if (const std::string m = set_readings(o.readings, o.holidays, pairs); !m.empty()) {
        err(fmt::format("barnetslov {}: --reading: {}\n", command, m));
        return exit_bad_input;
    }
    return std::nullopt;
}

// All of standard input, in binary; false when it cannot be read. Reading stops a byte past the
// loader's file size limit: the loader then says the input is too large.
bool read_standard_input(std::string& out) {
    const std::size_t limit = Limits{}.max_file_bytes + 1;
    char block[1 << 16];
    while (out.size() < limit) {
        const std::size_t n = std::fread(block, 1, std::min(sizeof block, limit - out.size()), stdin);
        out.append(block, n);
        if (n == 0) return !std::ferror(stdin);
    }
    return true;
}

// --csv-dialect, which only --format csv takes; nullopt (the message said) for a wrong one.
std::optional<CsvDialect> csv_dialect_option(const char* command, const po::variables_map& vm, const std::string& format) {
    const std::string name = vm["csv-dialect"].as<std::string>();
    const auto dialect = csv_dialect(name);
    if (!dialect) {
        err(fmt::format("barnetslov {}: --csv-dialect must be rfc4180 or excel, not {}\n", command, barnetslov::quoted(name)));
        return std::nullopt;
    }
    if (format != "csv" && !vm["csv-dialect"].defaulted()) {
        err(fmt::format("barnetslov {}: --csv-dialect is for --format csv, not {}\n", command, barnetslov::quoted(format)));
        return std::nullopt;
    }
    return dialect;
}

// Parses what check and deadlines share; returns an exit code when the command cannot go on.
std::optional<int> setup_check(const char* command, const po::variables_map& vm, const Engine& engine, CheckSetup& s) {
    auto fail = [command](const std::string& message) {
        err(fmt::format("barnetslov {}: {}\n", command, message));
        return std::optional<int>(exit_bad_input);
    };
    const std::string lang_name = vm["lang"].as<std::string>();
    if (lang_name != "en" && lang_name != "da") return fail(fmt::format("--lang must be en or da, not {}", barnetslov::quoted(lang_name)));
    s.lang = lang_name == "da" ? Lang::da : Lang::en;
    if (!vm.count("paths")) return fail("give at least one case file or folder");
    s.as_of = std::chrono::time_point_cast<Seconds>(std::chrono::system_clock::now());
    if (vm.count("as-of") && !parse_as_of(vm["as-of"].as<std::string>(), engine.calendar(), s.as_of))
        return fail(fmt::format("--as-of {} is not a date or time (YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss][+hh:mm|Z]; "
                                "a Copenhagen time in the DST gap or overlap needs an offset)",
                                barnetslov::quoted(vm["as-of"].as<std::string>())));
    if (vm.count("rules")) {
        // Ids in any letter case, an alias as the rule it stands for. The rules left out are not
        // evaluated at all (BatchOptions::rules); the filter keeps them out of the figures' lists too.
        const std::vector<std::string> typed = split_list(vm["rules"].as<std::string>());
        if (typed.empty()) return fail("--rules: give at least one rule id (barnetslov rules lists them)");
        s.batch.rules.assign(engine.rulebook().rules().size(), false);
        for (const std::string& t : typed) {
            const CatalogEntry* e = find_rule_id(t);
            if (!e) return fail("--rules: " + unknown_rule(t));
            const std::string_view id = e->disposition == Disposition::alias ? e->note : e->id;
            const auto index = engine.rulebook().index_of(id);
            if (!index)
                return fail(fmt::format("--rules: {} is {} in the catalog and gives no findings (barnetslov explain {} says why)", e->id,
                                        to_string(e->disposition), e->id));
            if (!s.batch.rules[*index]) s.filter.rules.emplace_back(id);
            s.batch.rules[*index] = true;
        }
    }
    for (const char* name : {"since", "until"}) {
        if (!vm.count(name)) continue;
        const ParsedMoment p = parse_moment(vm[name].as<std::string>(), engine.calendar());
        if (p.status != MomentParse::ok || p.moment.has_time)
            return fail(fmt::format("--{} {} is not a date (YYYY-MM-DD)", name, barnetslov::quoted(vm[name].as<std::string>())));
        (std::string_view(name) == "since" ? s.filter.since : s.filter.until) = p.moment.day;
    }
    const std::string& jobs = vm["jobs"].as<std::string>();
    const auto job_count = whole_number(jobs);
    if (!job_count || *job_count < 1 || *job_count > max_jobs)
        return fail(fmt::format("--jobs must be a whole number from 1 to {}, not {}", max_jobs, barnetslov::quoted(jobs)));
    s.batch.jobs = static_cast<unsigned>(*job_count);
    const std::string& max_failures = vm["max-failures"].as<std::string>();
    const auto max_failure_count = whole_number(max_failures);
    if (!max_failure_count || *max_failure_count > std::numeric_limits<std::size_t>::max())
        return fail(fmt::format("--max-failures must be a whole number, 0 (never give up) or more, not {}", barnetslov::quoted(max_failures)));
    s.batch.max_failures = static_cast<std::size_t>(*max_failure_count);
    s.batch.progress = !vm.count("quiet") && isatty(fileno(stderr));
    // The temporary file beside --output is made now: a folder that is missing or cannot be
    // written is said before the batch, not after it.
    if (vm.count("output") && !s.output.open(vm["output"].as<std::string>())) return fail(s.output.error());
    const std::string input = vm["input"].as<std::string>();
    if (input != "xml" && input != "json" && input != "any")
        return fail(fmt::format("--input must be xml, json or any, not {}", barnetslov::quoted(input)));
    const InputForms forms = input == "json" ? InputForms::json : input == "any" ? InputForms::any : InputForms::xml;
    const auto& paths = vm["paths"].as<std::vector<std::string>>();
    if (const auto dashes = std::count(paths.begin(), paths.end(), "-"); dashes > 0) {
        // "-": one case file read from standard input, whole, before the batch (XML, or JSON with
        // --input json); a file named "-" is "./-".
        if (dashes > 1) return fail("standard input (-) can be read only once");
        // A terminal would wait for a case file typed in by hand: most likely a forgotten pipe.
        if (isatty(fileno(stdin))) return fail("- reads a case file from standard input, which is a terminal here: pipe or redirect one into it");
        if (!read_standard_input(s.standard_input)) return fail("cannot read standard input (-)");
        s.batch.standard_input = &s.standard_input;
        s.batch.standard_input_json = forms == InputForms::json;
    }
    Discovered found = discover(vm["paths"].as<std::vector<std::string>>(), forms);
    // A folder's name is shown as the loader shows a file's: escaped and masked (include/barnetslov/echo.hpp).
    for (Skipped& p : found.problems) s.errors.push_back({shown_name(p.path), {}, std::move(p.reason)});
    // What the walk skipped counts towards --max-failures like a file that could not be read.
    s.batch.failed_before = s.errors.size();
    s.files = std::move(found.files);
    return std::nullopt;
}

// `report` with only the findings `filter` passes.
Report filtered_report(const Report& report, const AggregateFilter& filter, const Engine& engine) {
    Report shown{report.kase, report.as_of, {}, report.events_after_as_of};
    for (const Finding& f : report.findings)
        if (passes(filter, engine, report, f)) shown.findings.push_back(f);
    return shown;
}

// Text that must wait for a head known only at the end (JUnit's counts, in <testsuites>): past
// 1 MiB it goes to a temporary file, so memory does not grow with the batch. Without a temporary
// file (none can be made) it stays in memory.
class Spool {
public:
    std::string text;  // appended to by the caller; spill() moves it to the file
    Spool() = default;
    Spool(const Spool&) = delete;
    Spool& operator=(const Spool&) = delete;
    ~Spool() {
        if (file_) std::fclose(file_);
    }
    // Past `at_least` bytes, `text` goes to the file.
    void spill(std::size_t at_least = 1u << 20) {
        if (text.empty() || text.size() < at_least || failed()) return;
        if (!file_ && !(file_ = std::tmpfile())) return;
        if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) errno_ = errno ? errno : EIO;
        text.clear();
    }
    [[nodiscard]] bool failed() const { return errno_ != 0; }
    [[nodiscard]] std::string error() const {
        return fmt::format("cannot keep the report in a temporary file: {}", std::strerror(errno_));
    }
    // Everything spooled, then `text`, in pieces.
    void read(const std::function<void(std::string_view)>& sink) {
        if (file_) {
            std::rewind(file_);
            std::string block(1u << 16, '\0');
            for (std::size_t n; (n = std::fread(block.data(), 1, block.size(), file_)) > 0;) sink(std::string_view(block).substr(0, n));
        }
        sink(text);
    }
    void write_to(ReportOutput& out) {
        read([&out](std::string_view piece) { out.write(piece); });
    }

private:
    std::FILE* file_ = nullptr;
    int errno_ = 0;
};

// The HTML report's problem index of a large batch, in a temporary file per rule (Spool): the
// library keeps no files of its own, so the CLI lends it this store (HtmlOptions::index_store).
class SpooledIndex final : public HtmlIndexStore {
public:
    bool append(std::size_t rule, std::string_view rows) override {
        auto& spool = spools_[rule];
        if (!spool) spool = std::make_unique<Spool>();
        spool->text.append(rows);
        spool->spill(0);
        if (spool->failed() && !errno_) errno_ = errno ? errno : EIO;
        return !spool->failed();
    }
    // A spool that could not be written lost rows: the report must not be committed.
    [[nodiscard]] int failed() const { return errno_; }
    void read(std::size_t rule, const std::function<void(std::string_view)>& sink) override {
        if (const auto it = spools_.find(rule); it != spools_.end()) it->second->read(sink);
    }

private:
    std::map<std::size_t, std::unique_ptr<Spool>> spools_;
    int errno_ = 0;
};

// What every output of a batch that gave up says; nothing for a batch that checked every file.
std::optional<Incomplete> incomplete(const CheckSetup& s, const BatchOutcome& outcome) {
    if (outcome.unread == 0) return std::nullopt;
    return Incomplete{s.batch.failed_before + outcome.failures, s.batch.max_failures, outcome.unread};
}

// The end of a batch: the report committed (--output renamed into place), errors on stderr, the
// give-up note, the exit code: 2 for a report that could not be written, as for an input that
// could not be read, whatever the findings.
int finish_check(const char* command, CheckSetup& s, const std::vector<InputError>& errors, const BatchOutcome& outcome, bool problems) {
    s.output.commit();
    std::string error_text;
    for (const InputError& e : errors) write_text_error(error_text, e);
    if (const auto gave_up = incomplete(s, outcome))
        error_text += fmt::format("barnetslov {}: {}\n", command, incomplete_sentence(*gave_up, Lang::en));
    if (s.output.failed()) error_text += fmt::format("barnetslov {}: {}\n", command, s.output.error());
    err(error_text);
    if (!errors.empty() || s.output.failed()) return exit_bad_input;
    return problems ? exit_findings : exit_ok;
}

bool parse_options(const char* command, const std::vector<std::string>& args, po::options_description& opts, po::variables_map& vm) {
    po::positional_options_description pos;
    pos.add("paths", -1);
    try {
        po::store(po::command_line_parser(args).options(opts).positional(pos).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        // program_options quotes the argument as given: escaped and masked like any echo.
        err(fmt::format("barnetslov {}: {}\n", command, barnetslov::echo(e.what(), std::string_view::npos)));
        return false;
    }
    return true;
}


// A file's rendered text is made in a string kept on the thread from file to file and handed back by
// the sink once copied: a report's 10-15 KB were reserved and freed for every file. A string grown
// past spare_text_max by a large case is let go.
thread_local std::string spare_text;
constexpr std::size_t spare_text_max = std::size_t{1} << 20;

}  // namespace

int run_check(const std::vector<std::string>& args) {
    po::options_description opts("options of check");
    add_common_options(opts);
    opts.add_options()("format", po::value<std::string>()->default_value("text"), "text | json | jsonl | csv | junit | html")(
        "summary", "print the compliance figures per rule, then the indicators (docs/indicators.md), instead of the findings (text, json, csv)")(
        "cases", po::value<std::string>(),
        "HTML: which cases get a section: problems (a late, missed, violated or indeterminate finding) | all | none; default: "
        "all up to 300 cases, problems above")(
        "index", po::value<std::string>()->default_value("auto"),
        "HTML: the index of the problem cases per rule (#problems-RULE): on | off | auto (on above 500 cases)")(
        "group-by", po::value<std::string>()->default_value("rule"),
        "figures per rule, or per rule and any of year, quarter, month, unit, municipality (comma-separated: quarter,municipality)")(
        "on", po::value<std::string>(),
        "the day the caseload indicator is taken on (YYYY-MM-DD), with --summary or --format html; default: the as-of day");
    po::variables_map vm;
    if (!parse_options("check", args, opts, vm)) return exit_bad_input;
    if (vm.count("help")) {
        out(help_text({"usage: barnetslov check FILE|DIR|-... [options]",
                       "Checks case files against the rules and lists every finding, or the figures with --summary. A folder is "
                       "walked for case files (--input); - reads one case file from standard input.",
                       {"barnetslov check examples/ --as-of 2026-06-30",
                        "barnetslov check cases/ --summary --format csv -o figures.csv",
                        "barnetslov check cases/ --rules bl-und-24h,BL-UND-6D --format json -o report.json",
                        "barnetslov diff old.json report.json   (what changed since the last run)",
                        "export-case 123 | barnetslov check - --input json"},
                       batch_exit_codes},
                      opts));
        return exit_ok;
    }
    const std::string format = vm["format"].as<std::string>();
    if (format != "text" && format != "json" && format != "jsonl" && format != "csv" && format != "junit" && format != "html") {
        err(fmt::format("barnetslov check: --format must be text, json, jsonl, csv, junit or html, not {}\n", barnetslov::quoted(format)));
        return exit_bad_input;
    }
    SpooledIndex html_index;
    HtmlOptions html_options;
    html_options.index_store = &html_index;
    if (vm.count("cases")) {
        const std::string cases = vm["cases"].as<std::string>();
        if (cases != "problems" && cases != "all" && cases != "none") {
            err(fmt::format("barnetslov check: --cases must be problems, all or none, not {}\n", barnetslov::quoted(cases)));
            return exit_bad_input;
        }
        html_options.cases = cases == "all" ? HtmlCases::all : cases == "none" ? HtmlCases::none : HtmlCases::problems;
    }
    if (const std::string index = vm["index"].as<std::string>(); index != "auto") {
        if (index != "on" && index != "off") {
            err(fmt::format("barnetslov check: --index must be on, off or auto, not {}\n", barnetslov::quoted(index)));
            return exit_bad_input;
        }
        html_options.index = index == "on";
    }
    if ((vm.count("cases") || !vm["index"].defaulted()) && format != "html") {
        err("barnetslov check: --cases and --index are for --format html\n");
        return exit_bad_input;
    }
    const bool summary = vm.count("summary") != 0;
    if (summary && (format == "junit" || format == "html" || format == "jsonl")) {
        err("barnetslov check: --summary is for text, json and csv (the HTML report always has the figures; JSON Lines ends in a "
            "summary line)\n");
        return exit_bad_input;
    }
    std::vector<GroupBy> axes;
    for (const std::string& word : split_list(vm["group-by"].as<std::string>())) {
        const auto by = group_by_from_string(word);
        if (!by) {
            err(fmt::format("barnetslov check: --group-by takes a comma-separated list of rule, year, quarter, month, unit and "
                            "municipality, not {}\n",
                            barnetslov::quoted(word)));
            return exit_bad_input;
        }
        axes.push_back(*by);
    }
    const auto dialect = csv_dialect_option("check", vm, format);
    if (!dialect) return exit_bad_input;
    const CsvDialect& csv = *dialect;
    EngineOptions engine_opts;
    if (const auto stop = engine_options("check", vm, engine_opts)) return *stop;
    const Engine engine(engine_opts);
    CheckSetup s;
    if (const auto stop = setup_check("check", vm, engine, s)) return *stop;

    // The indicators (docs/indicators.md) come with the figures: --summary and the HTML report.
    IndicatorSettings indicator_settings{s.as_of, engine.calendar().local_day(s.as_of), engine.calendar().local_day(s.as_of), s.filter.since,
                                         s.filter.until};
    if (vm.count("on")) {
        const std::string on = vm["on"].as<std::string>();
        const ParsedMoment p = parse_moment(on, engine.calendar());
        if (p.status != MomentParse::ok || p.moment.has_time) {
            err(fmt::format("barnetslov check: --on {} is not a date (YYYY-MM-DD, the day the caseload is taken on)\n", barnetslov::quoted(on)));
            return exit_bad_input;
        }
        if (!summary && format != "html") {
            err("barnetslov check: --on is for --summary and --format html (the caseload indicator)\n");
            return exit_bad_input;
        }
        indicator_settings.caseload_day = p.moment.day;
    }
    if (summary || format == "html") s.batch.indicators = &indicator_settings;

    std::vector<InputError> errors = s.errors;
    // JSON and JSON Lines: written case by case, the summary at the end (docs/report-json.md).
    JsonReportWriter json(engine, s.as_of, format == "jsonl");
    HtmlReport html(engine, s.lang, s.as_of, html_options);
    // JUnit's counts come first, in <testsuites>: its suites wait in a temporary file, not in memory.
    Spool junit;
    std::size_t junit_tests = 0, junit_failures = 0, junit_skipped = 0;
    bool problems = false;
    Totals totals;  // the text report's closing lines
    std::string buffer;
    if (!summary && format == "text") {
        const bool da = s.lang == Lang::da;
        buffer = fmt::format("barnetslov {}: {} {} ({})\n", BL_VERSION_STRING, da ? "sager vurderet pr." : "cases checked as of",
                             format_moment(Moment{s.as_of, engine.calendar().local_day(s.as_of), true}, engine.calendar()),
                             da ? "København" : "Copenhagen");
        write_readings_text(buffer, engine.readings_used(), s.lang);
        buffer += '\n';
    }
    if (!summary && format == "csv") csv_findings_header(buffer, csv);
    if (!summary && format == "json") json.begin(buffer);
    auto add_error = [&](const InputError& e) {
        if (format == "html" && !summary) html.add_error(e);
        if (format == "junit") junit_error(junit.text, e);
        if (format == "csv" && !summary) csv_error(buffer, e, csv);
        if ((format == "json" || format == "jsonl") && !summary) json.add_error(buffer, e);
    };
    for (const InputError& e : s.errors) add_error(e);
    // Each file's figures, counts and (for the streaming formats) text are made by the thread that
    // checked it, and added here in file order: a batch that gives up counts exactly the files it
    // reported, whatever the number of threads (JSON's text too, JsonReportWriter::write_case). HTML
    // needs the report itself.
    Aggregates figures(engine, axes, s.filter);
    // The HTML report also draws each rule's trend by quarter and compares municipalities.
    Aggregates by_quarter(engine, GroupBy::quarter, s.filter), by_municipality(engine, GroupBy::municipality, s.filter);
    if (format == "html") html.set_breakdowns(&by_quarter, &by_municipality);
    const bool filtered = !s.filter.rules.empty() || s.filter.since || s.filter.until;
    const bool streamed = !summary && format != "html";
    s.batch.keep_report = !summary && format == "html";
    // What every format counts of a case's findings (a batch of findings at a time with --summary).
    // The figures (Aggregates) are printed only by --summary and the HTML report: the other formats
    // make no CaseFigures (a carries_evidence per rule, a row per finding) and add none.
    const bool figured = summary || format == "html";
    const EvidenceIndex evidence = figured ? EvidenceIndex(engine) : EvidenceIndex();
    if (figured) s.batch.evidence = &evidence;
    auto count = [&engine, &s, filtered, figured](FileResult& r, const Case& kase, std::span<const Finding> findings) {
        if (figured) {
            r.figures.add(engine, kase, findings, s.filter);
            r.count(r.figures.statuses());
            return;
        }
        std::array<std::uint64_t, status_count> statuses{};
        for (const Finding& f : findings)
            if (!filtered || passes(s.filter, engine, kase, f)) ++statuses[static_cast<std::size_t>(f.status)];
        r.count(statuses);
    };
    // The figures alone need no report: each rule's findings are taken by the figures and dropped (a case at
    // the event limit can have millions of them). Figures by rule alone keep counts per rule, not a row per finding.
    if (summary) s.batch.figures_only = &s.filter;
    if (summary && figures.axes().empty()) s.batch.figures_detail = CaseFigures::Detail::counts;
    // With one job each file is rendered on the sink's thread after the file before it was handed on
    // (BatchOptions::render): text and CSV are then written straight into the output buffer. Copying
    // each file's text there was 9 k instructions a file (valgrind counts the rep movsb byte by byte).
    const bool into_buffer = s.batch.jobs <= 1 && (format == "text" || format == "csv");
    // The format asked once for the lambdas called each file: comparing the string with the names was
    // ~60 instructions a comparison, five a file of the text report (0.3 k instructions a file).
    const bool as_csv = format == "csv", as_junit = format == "junit", as_json = format == "json" || format == "jsonl",
               as_html = format == "html", as_text = format == "text";
    s.batch.render = [&engine, &s, as_csv, as_junit, as_json, &csv, filtered, streamed, figured, &count, &json, &evidence, into_buffer,
                      &buffer](FileResult& r) {
        if (!r.report) return;
        const Report& report = *r.report;
        if (figured) {
            r.figures = CaseFigures(engine, *report.kase, evidence);
            if (s.batch.indicators) r.figures.add_indicators(*report.kase, *s.batch.indicators);
        }
        count(r, *report.kase, report.findings);
        if (!streamed) return;
        if (!into_buffer) r.rendered.swap(spare_text);
        std::string& out = into_buffer ? buffer : r.rendered;
        if (as_csv) {
            csv_findings(out, engine, report, s.filter, s.lang, csv);
        } else if (as_junit) {
            junit_case(r.rendered, engine, report, s.filter, s.lang);
        } else if (as_json) {  // filtered findings only
            json.write_case(r.rendered, filtered ? filtered_report(report, s.filter, engine) : report);
            r.statuses = {};
            for (const Finding& f : report.findings)
                if (!filtered || passes(s.filter, engine, report, f)) ++r.statuses[static_cast<std::size_t>(f.status)];
        } else if (filtered) {
            write_text(out, engine, filtered_report(report, s.filter, engine), s.lang);
            out += '\n';
        } else {
            write_text(out, engine, report, s.lang);
            out += '\n';
        }
    };
    const auto outcome = run_batch(s.files, engine, s.as_of, s.batch, [&](std::size_t, FileResult& r) {
        if (!r.loaded) {
            errors.insert(errors.end(), r.errors.begin(), r.errors.end());
            for (const InputError& e : r.errors) add_error(e);
            return true;
        }
        if (figured) figures.add(r.figures);
        if (format == "html") {
            by_quarter.add(r.figures);
            by_municipality.add(r.figures);
        }
        problems = problems || r.problems;
        ++totals.cases;
        for (std::size_t k = 0; k < status_count; ++k) totals.by_status[k] += r.by_status[k];
        junit_tests += r.findings;
        junit_failures += r.failures;
        junit_skipped += r.skipped;
        if (summary) return true;
        if (as_text || as_csv) {
            buffer += r.rendered;
        } else if (as_junit) {
            junit.text += r.rendered;
            junit.spill();
        } else if (as_html) {
            html.add_case(*r.report, s.filter);
            buffer += html.ready();
            html.ready().clear();
        } else {  // json, jsonl
            json.add_written(buffer, r.rendered, r.statuses);
        }
        if (r.rendered.capacity() <= spare_text_max) {
            r.rendered.clear();
            r.rendered.swap(spare_text);
        }
        // Stream what is ready, so memory does not grow with the batch; a report that cannot be
        // written stops the batch.
        if (buffer.size() > (1u << 16)) {
            s.output.write(buffer);
            buffer.clear();
        }
        return !s.output.failed() && !junit.failed();
    });
    const auto gave_up = incomplete(s, outcome);
    if (summary) {
        buffer = format == "json" ? summary_json(engine, figures, s.as_of, gave_up)
                 : format == "csv" ? summary_csv(figures, gave_up, csv)
                                   : summary_text(engine, figures, s.lang, gave_up);
    } else if (format == "json" || format == "jsonl") {
        json.finish(buffer, errors, gave_up ? std::optional<std::size_t>(gave_up->not_checked) : std::nullopt);
    } else if (format == "junit") {
        if (gave_up) junit_incomplete(junit.text, *gave_up);
        const std::size_t errors_shown = errors.size() + (gave_up ? 1 : 0);
        // The document's head, the suites from the spool, then its end.
        const std::string document = junit_document("", junit_tests + errors_shown, junit_failures, errors_shown, junit_skipped);
        const std::size_t end = document.rfind("</testsuites>");
        if (junit.failed()) {  // part of the suites is lost: no report rather than a wrong one
            err(fmt::format("barnetslov check: {}\n", junit.error()));
            return exit_bad_input;
        }
        s.output.write(std::string_view(document).substr(0, end));
        junit.write_to(s.output);
        buffer = document.substr(end);
    } else if (format == "html") {
        // The case sections still held here go out first: finish() may write the index through
        // `flush` before it returns the rest.
        s.output.write(buffer);
        buffer.clear();
        buffer += html.finish(figures, [&s](std::string& done) {
            s.output.write(done);
            done.clear();
        });
        if (const int e = html_index.failed()) s.output.fail(e, "the problem index could not be kept in a temporary file");
        if (gave_up) html_report_incomplete(buffer, *gave_up, s.lang);
    } else if (gave_up && format == "csv") {
        csv_incomplete(buffer, *gave_up, s.lang, csv);
    } else if (format == "text") {
        if (gave_up) buffer += incomplete_line(*gave_up, s.lang);
        totals.not_read = s.errors.size() + outcome.failures;
        buffer += totals_text(totals, s.lang);
    }
    s.output.write(buffer);
    return finish_check("check", s, errors, outcome, problems);
}

// The undone duties across the files: overdue first, then the pending deadlines by due time, then
// the open duties without a deadline (cli/deadlines.hpp); the list a team leader opens on Monday.
int run_deadlines(const std::vector<std::string>& args) {
    po::options_description opts("options of deadlines");
    add_common_options(opts);
    opts.add_options()("within", po::value<std::string>(), "only pending deadlines due within this long: 14d, 3w (default: all); "
                                                           "overdue duties are always listed")(
        "format", po::value<std::string>()->default_value("text"), "text | csv | json | ics (iCalendar, for a calendar program)");
    po::variables_map vm;
    if (!parse_options("deadlines", args, opts, vm)) return exit_bad_input;
    if (vm.count("help")) {
        out(help_text({"usage: barnetslov deadlines FILE|DIR|-... [options]",
                       "Lists the undone duties across the case files: the overdue ones first, most overdue first, then the pending "
                       "deadlines by due time, then the open duties without a deadline.",
                       {"barnetslov deadlines cases/ --within 14d", "barnetslov deadlines cases/ --format ics -o deadlines.ics",
                        "barnetslov deadlines cases/ --format csv -o deadlines.csv"},
                       deadlines_exit_codes},
                      opts));
        return exit_ok;
    }
    const std::string format = vm["format"].as<std::string>();
    if (format != "text" && format != "csv" && format != "json" && format != "ics") {
        err(fmt::format("barnetslov deadlines: --format must be text, csv, json or ics, not {}\n", barnetslov::quoted(format)));
        return exit_bad_input;
    }
    const auto dialect = csv_dialect_option("deadlines", vm, format);
    if (!dialect) return exit_bad_input;
    std::optional<std::int64_t> within_days;
    if (vm.count("within")) {
        const std::string w = vm["within"].as<std::string>();
        std::int64_t n = 0;
        const bool ok = w.size() >= 2 && (w.back() == 'd' || w.back() == 'w') &&
                        std::from_chars(w.data(), w.data() + w.size() - 1, n).ptr == w.data() + w.size() - 1 && n >= 0;
        if (!ok) {
            err(fmt::format("barnetslov deadlines: --within {} is not a number of days or weeks (14d, 3w)\n", barnetslov::quoted(w)));
            return exit_bad_input;
        }
        within_days = w.back() == 'w' ? 7 * n : n;
    }
    EngineOptions engine_opts;
    if (const auto stop = engine_options("deadlines", vm, engine_opts)) return *stop;
    const Engine engine(engine_opts);
    CheckSetup s;
    if (const auto stop = setup_check("deadlines", vm, engine, s)) return *stop;
    DeadlineRows rows;
    std::vector<InputError> errors = s.errors;
    const Instant limit = within_days ? s.as_of + std::chrono::days{*within_days} : Instant::max();
    // Rows are added in file order, so the stable sort gives the same list for any --jobs.
    const auto outcome = run_batch(s.files, engine, s.as_of, s.batch, [&](std::size_t, FileResult& r) {
        if (!r.report) {
            errors.insert(errors.end(), r.errors.begin(), r.errors.end());
            return true;
        }
        add_deadlines(rows, engine, *r.report, s.filter, limit);
        return true;
    });
    sort_deadlines(rows);
    const DeadlineListInfo info{s.as_of, within_days, s.lang, incomplete(s, outcome), errors, *dialect};
    s.output.write(format == "csv"    ? deadlines_csv(engine, rows, info)
                   : format == "json" ? deadlines_json(engine, rows, info)
                   : format == "ics"  ? deadlines_ics(engine, rows, info)
                                      : deadlines_text(engine, rows, info));
    return finish_check("deadlines", s, errors, outcome, !rows.overdue.empty());
}

}  // namespace barnetslov::cli
