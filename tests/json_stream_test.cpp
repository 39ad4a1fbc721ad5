// The JSON report written case by case (JsonReportWriter, what `check --format json|jsonl` writes)
// against the document as it was built before, whole, in nlohmann::json: the same document once
// parsed (only "summary" moved after the cases), and JSON Lines whose case lines are the
// document's cases.
#include <algorithm>
#include <array>
#include <filesystem>
#include <optional>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "barnetslov/engine.hpp"
#include "barnetslov/loader.hpp"
#include "barnetslov/report.hpp"
#include "barnetslov/version.h"

namespace fs = std::filesystem;
using namespace barnetslov;
using json = nlohmann::json;  // unordered: equality ignores the order of keys
using ordered = nlohmann::ordered_json;

namespace {

class JsonStreamTest : public ::testing::Test {
protected:
    Engine engine;
    Instant as_of{};
    std::vector<Report> reports;
    std::vector<InputError> errors{{"broken \"x\".xml", {3, 7}, "not well-formed"}, {"folder", {}, "skipped, a FIFO (named pipe)"}};

    void SetUp() override {
        const fs::path examples = fs::path(BARNETSLOV_SOURCE_DIR) / "examples";
        std::ifstream in(examples / "expected" / "AS_OF");
        std::string text;
        in >> text;
        const ParsedMoment p = parse_moment(text, engine.calendar());
        ASSERT_EQ(p.status, MomentParse::ok);
        as_of = p.moment.instant;
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(examples))
            if (e.path().extension() == ".xml") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        ASSERT_GT(files.size(), 20u);
        for (const fs::path& f : files) {
            LoadResult r = load_case_file(f, engine.calendar());
            ASSERT_TRUE(r.ok()) << f;
            reports.push_back(engine.evaluate(r.kase, as_of));
        }
    }

    // The document as the CLI built it before it streamed: every case in one nlohmann document,
    // the summary counted over all of them.
    json reference() const {
        json doc;
        doc["format"] = "barnetslov-report";
        doc["format_version"] = 1;
        doc["library_version"] = BL_VERSION_STRING;
        doc["as_of"] = iso_instant(as_of, engine.calendar());
        json statuses = json::object();
        for (std::size_t s = 0; s < status_count; ++s) statuses[std::string(to_string(static_cast<Status>(s)))] = 0;
        json cases = json::array();
        for (const Report& r : reports) {
            json c = json::parse(case_to_json(engine, r));
            doc["readings"] = c["readings"];  // stated once, at the top, inside a document
            c.erase("readings");
            cases.push_back(std::move(c));
            for (const Finding& f : r.findings) statuses[std::string(to_string(f.status))] = statuses[std::string(to_string(f.status))].get<int>() + 1;
        }
        json errs = json::array();
        for (const InputError& e : errors)
            errs.push_back({{"source", e.source}, {"line", e.location.line}, {"column", e.location.column}, {"message", e.message}});
        doc["summary"] = {{"cases", reports.size()}, {"errors", errors.size()}, {"statuses", statuses}};
        doc["cases"] = std::move(cases);
        doc["errors"] = std::move(errs);
        return doc;
    }

    std::string stream(bool lines, std::optional<std::size_t> not_checked = {}) const {
        JsonReportWriter w(engine, as_of, lines);
        std::string out;
        w.begin(out);
        w.add_error(out, errors[1]);
        for (std::size_t i = 0; i < reports.size(); ++i) {
            if (i == 3) w.add_error(out, errors[0]);
            // Half the cases the way the CLI adds them (made on a worker thread, then appended).
            if (i % 2) {
                std::string text;
                w.write_case(text, reports[i]);
                std::array<std::uint64_t, status_count> statuses{};
                for (const Finding& f : reports[i].findings) ++statuses[static_cast<std::size_t>(f.status)];
                w.add_written(out, text, statuses);
            } else {
                w.add_case(out, reports[i]);
            }
        }
        const std::vector<InputError> in_order{errors[1], errors[0]};  // as they were added
        w.finish(out, in_order, not_checked);
        return out;
    }
};

TEST_F(JsonStreamTest, TheDocumentIsTheOneBuiltWhole) {
    std::vector<InputError> in_order{errors[1], errors[0]};
    std::swap(errors, in_order);
    const json want = reference();
    std::swap(errors, in_order);
    const std::string text = stream(false);
    ASSERT_EQ(text.back(), '\n');
    EXPECT_EQ(json::parse(text), want);
    // Keys in the documented order, "summary" last; indented by two as before.
    const ordered doc = ordered::parse(text);
    std::vector<std::string> keys;
    for (auto it = doc.begin(); it != doc.end(); ++it) keys.push_back(it.key());
    EXPECT_EQ(keys, (std::vector<std::string>{"format", "format_version", "library_version", "as_of", "readings", "cases", "errors", "summary"}));
    EXPECT_EQ(text, doc.dump(2) + "\n");
    // The library's to_json() is the same document.
    EXPECT_EQ(json::parse(to_json(engine, reports, in_order, as_of)), want);
}

TEST_F(JsonStreamTest, AnEmptyBatchAndAnIncompleteOne) {
    JsonReportWriter w(engine, as_of);
    std::string out;
    w.begin(out);
    w.finish(out, {}, 12);
    const ordered doc = ordered::parse(out);
    EXPECT_EQ(doc["cases"], ordered::array());
    EXPECT_EQ(doc["errors"], ordered::array());
    EXPECT_EQ(doc["summary"]["cases"], 0);
    EXPECT_EQ(doc["summary"]["incomplete"], true);
    EXPECT_EQ(doc["summary"]["not_checked"], 12);
    EXPECT_EQ(out, doc.dump(2) + "\n");
}

TEST_F(JsonStreamTest, JsonLinesHoldTheDocumentsCases) {
    const json doc = json::parse(stream(false, 5));
    std::istringstream in(stream(true, 5));
    std::vector<json> cases, errs;
    std::vector<json> summaries;
    std::string line;
    std::size_t n = 0, summary_at = 0;
    while (std::getline(in, line)) {
        ++n;
        ASSERT_FALSE(line.empty());
        const json j = json::parse(line);  // throws, failing the test, on a line that is not JSON
        if (j.contains("findings")) {
            EXPECT_FALSE(j.contains("record"));
            cases.push_back(j);
        } else if (j.at("record") == "error") {
            json e = j;
            e.erase("record");
            errs.push_back(e);
        } else if (j.at("record") == "summary") {
            summaries.push_back(j);
            summary_at = n;
        }
    }
    EXPECT_EQ(json(cases), doc["cases"]);
    EXPECT_EQ(json(errs), doc["errors"]);
    ASSERT_EQ(summaries.size(), 1u);
    EXPECT_EQ(summary_at, n) << "the summary is the last line";
    EXPECT_EQ(summaries[0]["summary"], doc["summary"]);
    EXPECT_EQ(summaries[0]["summary"]["not_checked"], 5);
    for (const char* key : {"format", "format_version", "library_version", "as_of", "readings"}) EXPECT_EQ(summaries[0][key], doc[key]) << key;
}

}  // namespace
