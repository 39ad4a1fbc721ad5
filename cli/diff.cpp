// barnetslov diff: two reports compared problem by problem.
//
// A finding is identified by its case (case_id; the report's source when a case has no id, and
// which of the report's cases with that id it is, counted in report order: two files may hold the
// same case id, and the cases of a JSON Lines input all have its name), its rule, its subject (the
// id of its first event, the one it is about), its attribute (a content requirement judges one
// subject by several attributes) and, for what is still equal, its rank among the case's findings
// with that key (a rule judging one placement once a year gives one a year). Neither the file name nor line numbers are part of the key: a case moved to another file,
// or an event added above, is the same case.
//
// Memory: OLD's problems are kept (a key and two statuses each), and each report's case ids (to
// count repeats); NEW is read against them. A JSON
// Lines report is read a line at a time; a JSON report is parsed whole.
#include "diff.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <string_view>
#include <unordered_map>

#include <boost/program_options.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "barnetslov/echo.hpp"
#include "check.hpp"
#include "help.hpp"
#include "output.hpp"

namespace barnetslov::cli {

namespace po = boost::program_options;
using json = nlohmann::json;

namespace {

void err(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stderr); }

// An input that cannot be read as a report: what the message says, where.
struct BadInput {
    std::string message;
};

bool is_problem_status(std::string_view s) { return s == "late" || s == "missed" || s == "violated" || s == "indeterminate"; }

// One finding as the diff sees it.
struct Seen {
    std::string case_id, source, rule, subject, attribute, status, title;
};

// Fields joined by a byte no id or name holds (the loader refuses control characters).
std::string case_key(const Seen& f) { return f.case_id.empty() ? "\x1e" + f.source : f.case_id; }

std::string key_of(const Seen& f, std::size_t repeat, std::size_t rank) {
    return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", case_key(f), repeat, f.rule, f.subject, f.attribute, rank);
}

// How many cases of a report had each case key before.
using CaseRepeats = std::unordered_map<std::string, std::size_t>;

std::string string_at(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The findings of one case object (a JSON report's cases[i], a JSON Lines report's case line),
// handed to `each` with their keys. `where` names the object in messages.
template <typename Each>
void read_case(const json& c, const std::string& where, CaseRepeats& repeats, Each&& each) {
    if (!c.is_object()) throw BadInput{fmt::format("{}: a case is not an object", where)};
    const auto findings = c.find("findings");
    if (findings == c.end() || !findings->is_array()) throw BadInput{fmt::format("{}: a case without a \"findings\" array", where)};
    Seen base;
    base.case_id = string_at(c, "case_id");
    base.source = string_at(c, "source");
    const std::size_t repeat = repeats[case_key(base)]++;
    std::unordered_map<std::string, std::size_t> ranks;
    std::size_t n = 0;
    for (const json& f : *findings) {
        const std::string at = fmt::format("{}: findings[{}]", where, n++);
        if (!f.is_object()) throw BadInput{at + ": a finding is not an object"};
        Seen s = base;
        s.rule = string_at(f, "rule");
        s.status = string_at(f, "status");
        if (s.rule.empty() || s.status.empty()) throw BadInput{at + ": a finding without \"rule\" or \"status\""};
        s.attribute = string_at(f, "attribute");
        s.title = string_at(f, "title_en");
        if (const auto events = f.find("events"); events != f.end() && events->is_array() && !events->empty())
            s.subject = string_at(events->front(), "id");
        // The key is made before `s` is moved: the order arguments are made in is unspecified.
        std::string key = key_of(s, repeat, ranks[key_of(s, repeat, 0)]++);
        each(std::move(key), std::move(s));
    }
}

// "3:17": the line and column of byte `offset` (0-based) of `text`.
std::string position(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    const std::string_view before = text.substr(0, offset);
    const std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t nl = before.rfind('\n');
    const std::size_t column = offset - (nl == std::string_view::npos ? 0 : nl + 1) + 1;
    return fmt::format("{}:{}", line, column);
}

// nlohmann's message without its "[json.exception.parse_error.101] parse error at line 1, column 5: "
// prefix, whose position counts within what it was given (a line of a JSON Lines file).
std::string parse_message(const json::parse_error& e) {
    const std::string what = e.what();
    const auto column = what.find("column ");
    const auto colon = what.find(": ", column == std::string::npos ? 0 : column);
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

// A report's findings in order, to `each(key, finding)`; its as-of time and the number of inputs it
// could not read to `header`. JSON Lines (a first line that is a whole object) is read a line at a
// time; anything else is parsed whole as a JSON report.
template <typename Each>
void read_report(const std::string& path, std::string& as_of, std::size_t& errors, Each&& each) {
    const std::string shown = shown_name(path);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw BadInput{fmt::format("{}: cannot open: {}", shown, std::strerror(errno))};
    std::string line;
    std::size_t number = 0;
    CaseRepeats repeats;
    bool lines = false;
    while (std::getline(in, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        json j;
        try {
            j = json::parse(line);
        } catch (const json::parse_error& e) {
            if (!lines) break;  // the first line is not a whole object: a JSON document over many lines
            throw BadInput{fmt::format("{}:{}:{}: {}", shown, number, e.byte == 0 ? 1 : e.byte, parse_message(e))};
        }
        if (!lines && j.is_object() && j.contains("cases")) break;  // a JSON report written on one line
        if (!j.is_object()) throw BadInput{fmt::format("{}:{}:1: a line of a JSON Lines report is not an object", shown, number)};
        lines = true;
        if (j.contains("findings")) {
            if (as_of.empty()) as_of = string_at(j, "as_of");
            read_case(j, fmt::format("{}:{}", shown, number), repeats, each);
        } else if (const std::string record = string_at(j, "record"); record == "error") {
            ++errors;
        } else if (!record.empty() && as_of.empty()) {
            as_of = string_at(j, "as_of");  // a report of no cases has its as-of time in its summary record, if anywhere
        } else if (record.empty()) {
            throw BadInput{fmt::format("{}:{}:1: a line with neither \"findings\" (a case) nor \"record\"", shown, number)};
        }  // other records (the summary) are skipped
    }
    if (lines) {
        if (in.bad()) throw BadInput{fmt::format("{}: cannot read: {}", shown, std::strerror(errno))};
        return;
    }
    // A JSON report: parsed whole.
    in.clear();
    in.seekg(0);
    std::ostringstream whole;
    whole << in.rdbuf();
    const std::string text = whole.str();
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw BadInput{fmt::format("{}: empty, not a JSON or JSON Lines report", shown)};
    json doc;
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        throw BadInput{fmt::format("{}:{}: {}", shown, position(text, e.byte == 0 ? 0 : e.byte - 1), parse_message(e))};
    }
    if (!doc.is_object() || string_at(doc, "format") != "barnetslov-report" || !doc.contains("cases") || !doc["cases"].is_array())
        throw BadInput{fmt::format("{}: not a report of barnetslov check (--format json or jsonl): no \"format\": "
                                   "\"barnetslov-report\" with \"cases\"", shown)};
    as_of = string_at(doc, "as_of");
    if (const auto e = doc.find("errors"); e != doc.end() && e->is_array()) errors = e->size();
    std::size_t n = 0;
    for (const json& c : doc["cases"]) read_case(c, fmt::format("{}: cases[{}]", shown, n++), repeats, each);
}

struct Entry {
    Seen finding;                  // as NEW has it (as OLD has it when NEW does not have it)
    std::string old_status, new_status;  // new_status empty: the finding is not in NEW
};

struct Result {
    std::string old_as_of, new_as_of;
    std::size_t old_errors = 0, new_errors = 0;
    std::vector<Entry> added, resolved, unchanged;
};

std::string case_name(const Seen& f) {
    return f.case_id.empty() ? fmt::format("file {}", printable(f.source)) : fmt::format("case {} ({})", printable(f.case_id), printable(f.source));
}

std::string text(const Result& r, const std::string& old_path, const std::string& new_path) {
    std::string out = fmt::format("barnetslov diff: {} (as of {}) -> {} (as of {})\n", shown_name(old_path), r.old_as_of.empty() ? "?" : r.old_as_of,
                                  shown_name(new_path), r.new_as_of.empty() ? "?" : r.new_as_of);
    out += fmt::format("{} new, {} resolved, {} unchanged problems\n", r.added.size(), r.resolved.size(), r.unchanged.size());
    if (r.new_errors)
        out += fmt::format("NEW has {} input{} that could not be read: their cases' problems are not in NEW\n", r.new_errors, r.new_errors == 1 ? "" : "s");
    const auto section = [&out](const char* title, const std::vector<Entry>& entries) {
        if (entries.empty()) return;
        out += fmt::format("\n{}\n", title);
        for (const Entry& e : entries) {
            const std::string status = e.old_status.empty() ? e.new_status
                                       : e.new_status.empty() ? e.old_status + " -> not in NEW"
                                       : e.old_status == e.new_status ? e.new_status
                                                                      : e.old_status + " -> " + e.new_status;
            out += fmt::format("  {:<26} {:<24} {} event '{}'{}\n      {}\n", e.finding.rule, status, case_name(e.finding), printable(e.finding.subject),
                               e.finding.attribute.empty() ? "" : fmt::format(" ({})", printable(e.finding.attribute)), e.finding.title);
        }
    };
    section("new problems", r.added);
    section("resolved", r.resolved);
    section("unchanged", r.unchanged);
    return out;
}

std::string to_json(const Result& r, const std::string& old_path, const std::string& new_path) {
    using ojson = nlohmann::ordered_json;
    const auto list = [](const std::vector<Entry>& entries) {
        ojson a = ojson::array();
        for (const Entry& e : entries) {
            const auto or_null = [](const std::string& s) { return s.empty() ? ojson(nullptr) : ojson(s); };
            a.push_back(ojson{{"case_id", or_null(e.finding.case_id)}, {"source", e.finding.source}, {"rule", e.finding.rule},
                              {"subject", or_null(e.finding.subject)}, {"attribute", or_null(e.finding.attribute)},
                              {"old_status", or_null(e.old_status)}, {"new_status", or_null(e.new_status)}});
        }
        return a;
    };
    ojson doc{{"format", "barnetslov-diff"},
              {"format_version", 1},
              {"old", ojson{{"file", shown_name(old_path)}, {"as_of", r.old_as_of}, {"errors", r.old_errors}}},
              {"new", ojson{{"file", shown_name(new_path)}, {"as_of", r.new_as_of}, {"errors", r.new_errors}}},
              {"summary", ojson{{"new", r.added.size()}, {"resolved", r.resolved.size()}, {"unchanged", r.unchanged.size()}}},
              {"new_problems", list(r.added)},
              {"resolved", list(r.resolved)},
              {"unchanged", list(r.unchanged)}};
    // Strings from the reports may hold anything the reports held; replaced, never a dump error.
    return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

Result compare(const std::string& old_path, const std::string& new_path) {
    Result r;
    // OLD's problems by key, in OLD's order (for the resolved ones NEW does not have).
    std::unordered_map<std::string, std::size_t> old_index;
    std::vector<std::optional<Seen>> old_problems;
    read_report(old_path, r.old_as_of, r.old_errors, [&](std::string key, Seen f) {
        if (!is_problem_status(f.status)) return;
        old_index.emplace(std::move(key), old_problems.size());
        old_problems.emplace_back(std::move(f));
    });
    read_report(new_path, r.new_as_of, r.new_errors, [&](const std::string& key, Seen f) {
        const auto it = old_index.find(key);
        const bool problem = is_problem_status(f.status);
        if (it == old_index.end()) {
            std::string status = f.status;
            if (problem) r.added.push_back({std::move(f), "", std::move(status)});
            return;
        }
        std::optional<Seen>& old = old_problems[it->second];
        std::string old_status = old->status;
        old.reset();
        old_index.erase(it);
        std::string status = f.status;
        (problem ? r.unchanged : r.resolved).push_back({std::move(f), std::move(old_status), std::move(status)});
    });
    for (std::optional<Seen>& old : old_problems)
        if (old) {
            std::string status = old->status;
            r.resolved.push_back({std::move(*old), std::move(status), ""});
        }
    return r;
}

}  // namespace

int run_diff(const std::vector<std::string>& args) {
    po::options_description opts;
    opts.add_options()("help,h", "show this help")("format", po::value<std::string>()->default_value("text"), "text | json")(
        "output,o", po::value<std::string>(), "write to this file instead of standard output")(
        "paths", po::value<std::vector<std::string>>(), "OLD and NEW");
    po::positional_options_description pos;
    pos.add("paths", -1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(opts).positional(pos).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        err(fmt::format("barnetslov diff: {}\n", echo(e.what(), std::string_view::npos)));
        return exit_bad_input;
    }
    if (vm.count("help")) {
        print(help_text({"usage: barnetslov diff OLD NEW [options]",
                         "Compares two reports of barnetslov check (--format json or --format jsonl), problem by problem: a "
                         "finding late, missed, violated or indeterminate. Lists the problems new in NEW, those resolved "
                         "(in OLD, not a problem in NEW, or not in NEW at all) and those unchanged (a problem in both; a "
                         "change such as late -> missed is shown). A problem is the same when its case id, rule, subject "
                         "event and attribute are.",
                         {"barnetslov check cases/ --format json -o today.json && barnetslov diff last-week.json today.json",
                          "barnetslov diff before.jsonl after.jsonl --format json"},
                         "  0  NEW has no problem that OLD did not have\n"
                         "  1  NEW has a new problem (what a CI gates on)\n"
                         "  2  a usage error, or a report that cannot be read (its file, line and column are named), or output\n"
                         "     that could not be written\n"},
                        opts));
        return exit_ok;
    }
    const std::string format = vm["format"].as<std::string>();
    if (format != "text" && format != "json") {
        err(fmt::format("barnetslov diff: --format must be text or json, not {}\n", barnetslov::quoted(format)));
        return exit_bad_input;
    }
    const auto paths = vm.count("paths") ? vm["paths"].as<std::vector<std::string>>() : std::vector<std::string>{};
    if (paths.size() != 2) {
        err(fmt::format("barnetslov diff: give two reports, OLD and NEW (given {})\n", paths.size()));
        return exit_bad_input;
    }
    ReportOutput output;
    if (vm.count("output") && !output.open(vm["output"].as<std::string>())) {
        err(fmt::format("barnetslov diff: {}\n", output.error()));
        return exit_bad_input;
    }
    Result r;
    try {
        r = compare(paths[0], paths[1]);
    } catch (const BadInput& e) {
        err(fmt::format("barnetslov diff: {}\n", e.message));
        return exit_bad_input;
    }
    output.write(format == "json" ? to_json(r, paths[0], paths[1]) : text(r, paths[0], paths[1]));
    output.commit();
    if (output.failed()) {
        err(fmt::format("barnetslov diff: {}\n", output.error()));
        return exit_bad_input;
    }
    return r.added.empty() ? exit_ok : exit_findings;
}

}  // namespace barnetslov::cli
