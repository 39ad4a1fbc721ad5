// barnetslov check and barnetslov deadlines: many case files on a pool of threads, the findings
// or the figures in the format asked for, the pending deadlines by due time.
#include "check.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <optional>
#include <sstream>
#include <thread>

#include <unistd.h>

#include <boost/program_options.hpp>
#include <fmt/format.h>

#include "barnetslov/aggregate.hpp"
#include "barnetslov/engine.hpp"
#include "barnetslov/html_report.hpp"
#include "barnetslov/loader.hpp"
#include "barnetslov/report.hpp"
#include "barnetslov/echo.hpp"
#include "barnetslov/version.h"
#include "batch.hpp"
#include "discover.hpp"
#include "formats.hpp"
#include "output.hpp"

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
        "rules", po::value<std::string>(), "only these rules (comma-separated ids)")(
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
        s.filter.rules = split_list(vm["rules"].as<std::string>());
        for (const std::string& id : s.filter.rules)
            if (!engine.rulebook().find(id)) return fail(fmt::format("--rules: no implemented rule {}", barnetslov::quoted(id)));
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
    void spill() {
        if (text.size() < (1u << 20) || failed()) return;
        if (!file_ && !(file_ = std::tmpfile())) return;
        if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) errno_ = errno ? errno : EIO;
        text.clear();
    }
    [[nodiscard]] bool failed() const { return errno_ != 0; }
    [[nodiscard]] std::string error() const {
        return fmt::format("cannot keep the report in a temporary file: {}", std::strerror(errno_));
    }
    // Everything spooled, then `text`.
    void write_to(ReportOutput& out) {
        if (file_) {
            std::rewind(file_);
            std::string block(1u << 16, '\0');
            for (std::size_t n; (n = std::fread(block.data(), 1, block.size(), file_)) > 0;) out.write(std::string_view(block).substr(0, n));
        }
        out.write(text);
    }

private:
    std::FILE* file_ = nullptr;
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

std::string help_text(const char* synopsis, const po::options_description& opts) {
    // program_options prints through iostreams; fine for help text, off the hot path.
    std::ostringstream os;
    os << opts;
    return std::string(synopsis) + "\n\n" + os.str();
}

}  // namespace

int run_check(const std::vector<std::string>& args) {
    po::options_description opts("options of check");
    add_common_options(opts);
    opts.add_options()("format", po::value<std::string>()->default_value("text"), "text | json | jsonl | csv | junit | html")(
        "summary", "print the compliance figures per rule instead of the findings (text, json, csv)")(
        "cases", po::value<std::string>(),
        "HTML: which cases get a section: problems (a late, missed, violated or indeterminate finding) | all | none; default: "
        "all up to 300 cases, problems above")(
        "index", po::value<std::string>()->default_value("auto"),
        "HTML: the index of the problem cases per rule (#problems-RULE): on | off | auto (on above 500 cases)")(
        "group-by", po::value<std::string>()->default_value("rule"), "figures per rule, or per rule and year | unit");
    po::variables_map vm;
    if (!parse_options("check", args, opts, vm)) return exit_bad_input;
    if (vm.count("help")) {
        out(help_text("usage: barnetslov check FILE|DIR... [options]", opts));
        return exit_ok;
    }
    const std::string format = vm["format"].as<std::string>();
    if (format != "text" && format != "json" && format != "jsonl" && format != "csv" && format != "junit" && format != "html") {
        err(fmt::format("barnetslov check: --format must be text, json, jsonl, csv, junit or html, not {}\n", barnetslov::quoted(format)));
        return exit_bad_input;
    }
    HtmlOptions html_options;
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
    const std::string by = vm["group-by"].as<std::string>();
    if (by != "rule" && by != "year" && by != "unit") {
        err(fmt::format("barnetslov check: --group-by must be rule, year or unit, not {}\n", barnetslov::quoted(by)));
        return exit_bad_input;
    }
    EngineOptions engine_opts;
    if (const auto stop = engine_options("check", vm, engine_opts)) return *stop;
    const Engine engine(engine_opts);
    CheckSetup s;
    if (const auto stop = setup_check("check", vm, engine, s)) return *stop;

    std::vector<InputError> errors = s.errors;
    // JSON and JSON Lines: written case by case, the summary at the end (docs/report-json.md).
    JsonReportWriter json(engine, s.as_of, format == "jsonl");
    HtmlReport html(engine, s.lang, s.as_of, html_options);
    // JUnit's counts come first, in <testsuites>: its suites wait in a temporary file, not in memory.
    Spool junit;
    std::size_t junit_tests = 0, junit_failures = 0, junit_skipped = 0;
    bool problems = false;
    std::string buffer;
    if (!summary && format == "text") {
        buffer = fmt::format("barnetslov {}: {} as of {} (Copenhagen)\n", BL_VERSION_STRING,
                             s.lang == Lang::da ? "sager vurderet" : "cases checked",
                             format_moment(Moment{s.as_of, engine.calendar().local_day(s.as_of), true}, engine.calendar()));
        write_readings_text(buffer, engine.readings_used(), s.lang);
        buffer += '\n';
    }
    if (!summary && format == "csv") csv_findings_header(buffer);
    if (!summary && format == "json") json.begin(buffer);
    auto add_error = [&](const InputError& e) {
        if (format == "html" && !summary) html.add_error(e);
        if (format == "junit") junit_error(junit.text, e);
        if (format == "csv" && !summary) csv_error(buffer, e);
        if ((format == "json" || format == "jsonl") && !summary) json.add_error(buffer, e);
    };
    for (const InputError& e : s.errors) add_error(e);
    // Each file's figures, counts and (for the streaming formats) text are made by the thread that
    // checked it, and added here in file order: a batch that gives up counts exactly the files it
    // reported, whatever the number of threads (JSON's text too, JsonReportWriter::write_case). HTML
    // needs the report itself.
    Aggregates figures(engine, by == "year" ? GroupBy::year : by == "unit" ? GroupBy::unit : GroupBy::rule, s.filter);
    const bool filtered = !s.filter.rules.empty() || s.filter.since || s.filter.until;
    const bool streamed = !summary && format != "html";
    s.batch.keep_report = !summary && format == "html";
    // What every format counts of a case's findings (a rule's at a time with --summary).
    auto count = [&engine, &s](FileResult& r, const Case& kase, std::span<const Finding> findings) {
        r.figures.add(engine, kase, findings, s.filter);
        for (const Finding& f : findings)
            if (passes(s.filter, engine, kase, f)) {
                r.problems = r.problems || is_problem(f.status);
                ++r.findings;
                r.failures += is_problem(f.status);
                r.skipped += f.status == Status::not_applicable;
            }
    };
    // The figures alone need no report: each rule's findings are counted and dropped (a case at the event
    // limit can have millions of them).
    if (summary) s.batch.reduce = count;
    s.batch.render = [&engine, &s, &format, filtered, streamed, &count, &json](FileResult& r) {
        if (!r.report) return;
        const Report& report = *r.report;
        r.figures = CaseFigures(*report.kase);
        count(r, *report.kase, report.findings);
        if (!streamed) return;
        if (format == "csv") {
            csv_findings(r.rendered, engine, report, s.filter, s.lang);
        } else if (format == "junit") {
            junit_case(r.rendered, engine, report, s.filter, s.lang);
        } else if (format == "json" || format == "jsonl") {  // filtered findings only
            json.write_case(r.rendered, filtered ? filtered_report(report, s.filter, engine) : report);
            r.statuses = {};
            for (const Finding& f : report.findings)
                if (!filtered || passes(s.filter, engine, report, f)) ++r.statuses[static_cast<std::size_t>(f.status)];
        } else if (filtered) {
            write_text(r.rendered, engine, filtered_report(report, s.filter, engine), s.lang);
            r.rendered += '\n';
        } else {
            write_text(r.rendered, engine, report, s.lang);
            r.rendered += '\n';
        }
    };
    const auto outcome = run_batch(s.files, engine, s.as_of, s.batch, [&](std::size_t, FileResult& r) {
        if (!r.loaded) {
            errors.insert(errors.end(), r.errors.begin(), r.errors.end());
            for (const InputError& e : r.errors) add_error(e);
            return true;
        }
        figures.add(r.figures);
        problems = problems || r.problems;
        junit_tests += r.findings;
        junit_failures += r.failures;
        junit_skipped += r.skipped;
        if (summary) return true;
        if (format == "text" || format == "csv") {
            buffer += r.rendered;
        } else if (format == "junit") {
            junit.text += r.rendered;
            junit.spill();
        } else if (format == "html") {
            html.add_case(*r.report, s.filter);
            buffer += html.ready();
            html.ready().clear();
        } else {  // json, jsonl
            json.add_written(buffer, r.rendered, r.statuses);
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
                 : format == "csv" ? summary_csv(figures, gave_up)
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
        buffer += html.finish(figures, [&s](std::string& done) {
            s.output.write(done);
            done.clear();
        });
        if (gave_up) html_report_incomplete(buffer, *gave_up, s.lang);
    } else if (gave_up && format == "csv") {
        csv_incomplete(buffer, *gave_up, s.lang);
    } else if (gave_up) {
        buffer += incomplete_line(*gave_up, s.lang);
    }
    s.output.write(buffer);
    return finish_check("check", s, errors, outcome, problems);
}

// Every pending deadline across the files, by due time: the list a team leader opens on Monday.
int run_deadlines(const std::vector<std::string>& args) {
    po::options_description opts("options of deadlines");
    add_common_options(opts);
    opts.add_options()("within", po::value<std::string>(), "only deadlines due within this long: 14d, 3w (default: all)")(
        "format", po::value<std::string>()->default_value("text"), "text | csv");
    po::variables_map vm;
    if (!parse_options("deadlines", args, opts, vm)) return exit_bad_input;
    if (vm.count("help")) {
        out(help_text("usage: barnetslov deadlines FILE|DIR... [options]", opts));
        return exit_ok;
    }
    const std::string format = vm["format"].as<std::string>();
    if (format != "text" && format != "csv") {
        err(fmt::format("barnetslov deadlines: --format must be text or csv, not {}\n", barnetslov::quoted(format)));
        return exit_bad_input;
    }
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
    const Calendar& cal = engine.calendar();
    struct Row {
        Instant due;
        std::string file, kase, unit, rule, event, left, due_text, title;
        std::uint32_t line;
    };
    std::vector<Row> rows;
    std::vector<InputError> errors = s.errors;
    const Instant limit = within_days ? s.as_of + std::chrono::days{*within_days} : Instant::max();
    const auto outcome = run_batch(s.files, engine, s.as_of, s.batch, [&](std::size_t, FileResult& r) {
        if (!r.report) {
            errors.insert(errors.end(), r.errors.begin(), r.errors.end());
            return true;
        }
        const Report& report = *r.report;
        for (const Finding& f : report.findings) {
            if (f.status != Status::pending || !f.deadline || !passes(s.filter, engine, report, f) || f.deadline->due_first > limit) continue;
            const Event& e = report.kase->event(f.subject);
            const RuleMeta& m = engine.meta(f);
            rows.push_back({f.deadline->due_first, report.kase->source(), report.kase->id(), report.kase->unit(), std::string(m.id), e.id(),
                            describe(engine, report, f, s.lang).margin, iso_instant(f.deadline->due_first, cal),
                            std::string(s.lang == Lang::da ? m.title_da : m.title_en), e.location().line});
        }
        return true;
    });
    const auto gave_up = incomplete(s, outcome);
    // By due time; ties in file order, as found (stable), so any thread count gives the same list.
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.due < b.due; });
    std::string text;
    if (format == "csv") {
        text = "due,time_left,file,case,unit,rule,event,event_line,title\r\n";
        // Text from the files (their names, case, unit, event) escaped and never a formula (csv_text).
        for (const Row& r : rows)
            text += fmt::format("{},\"{}\",{},{},{},{},{},{},\"{}\"\r\n", r.due_text, r.left, csv_text(r.file, true), csv_text(r.kase, true),
                                csv_text(r.unit, true), r.rule, csv_text(r.event, true), r.line, r.title);
        // A list of a batch that gave up ends in a row of rule "incomplete", the sentence as its title.
        if (gave_up) text += fmt::format(",,,,,incomplete,,,\"{}\"\r\n", incomplete_sentence(*gave_up, s.lang));
    } else {
        const bool da = s.lang == Lang::da;
        text = fmt::format("{} {} ({})\n", rows.size(), da ? "verserende frister" : "pending deadlines",
                           within_days ? fmt::format("{} {} {}", da ? "inden for" : "within", *within_days, da ? "dage" : "days")
                                       : std::string(da ? "alle" : "all"));
        if (gave_up) text += incomplete_line(*gave_up, s.lang);
        write_readings_text(text, engine.readings_used(), s.lang);
        for (const Row& r : rows)
            text += fmt::format("{}  {:<26} {:<22} {}  {} '{}' {} {}\n    {}\n", r.due_text, r.left, r.rule, printable(r.kase), printable(r.file),
                                r.event, da ? "linje" : "line", r.line, r.title);
    }
    s.output.write(text);
    return finish_check("deadlines", s, errors, outcome, false);
}

}  // namespace barnetslov::cli
