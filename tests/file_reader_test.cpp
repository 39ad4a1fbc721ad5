// Issue 20 item 2: CaseFileReader (the batch's reader: openat relative to the folder, one buffer
// kept from file to file) gives what load_case_file and load_case_json_file give for the same
// path, every error message and code alike, whichever file it read before.
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "barnetslov/engine.hpp"
#include "barnetslov/file_reader.hpp"
#include "barnetslov/loader.hpp"

using namespace barnetslov;
namespace fs = std::filesystem;

namespace {

const Engine& engine() {
    static const Engine e;
    return e;
}

// A result compared whole: its errors as printed, with their codes; a case as its source, id and events.
std::string describe(const LoadResult& r) {
    std::string out;
    for (const InputError& e : r.errors) out += e.to_string() + " [" + std::string(e.code) + "]\n";
    if (r.ok()) out += "case " + r.kase->source() + " " + r.kase->id() + " events=" + std::to_string(r.kase->events().size()) + "\n";
    return out;
}

class FileReader : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() / ("barnetslov-file-reader-" + std::to_string(::getpid()));
        fs::remove_all(root_);
        fs::create_directories(root_ / "a" / "b");
    }
    void TearDown() override { fs::remove_all(root_); }
    void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }
    std::string folder(const fs::path& p) const { return (p / "").string(); }
    fs::path root_;
};

const std::string source_dir = BARNETSLOV_SOURCE_DIR;

std::string read_whole(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST_F(FileReader, GivesWhatLoadCaseFileGivesForEveryKindOfFile) {
    const Calendar& calendar = engine().calendar();
    const std::string big = read_whole(fs::path(source_dir) / "examples" / "13-committee-placement-without-consent.xml");
    const std::string small = read_whole(fs::path(source_dir) / "examples" / "19-clean-section-32-trajectory.xml");
    ASSERT_GT(big.size(), small.size() + 100);
    write(root_ / "a" / "big.xml", big);
    write(root_ / "a" / "small.xml", small);                       // read after big.xml: big's bytes stay after it in the buffer
    write(root_ / "a" / "broken.xml", small.substr(0, small.size() / 2));  // small's rest after it: not read
    write(root_ / "a" / "empty.xml", "");
    write(root_ / "a" / "b" / "again.xml", big);                   // another folder, then back
    write(root_ / "a" / "case.json", read_whole(fs::path(source_dir) / "examples" / "json" / "19-clean-section-32-trajectory.json"));
    write(root_ / "a" / "bad.json", "{\"format\": 1}");
    fs::create_directory(root_ / "a" / "folder.xml");
    ASSERT_EQ(::mkfifo((root_ / "a" / "fifo.xml").c_str(), 0600), 0);
    const std::vector<std::pair<std::string, std::string>> files = {
        {"a", "big.xml"},  {"a", "small.xml"}, {"a", "broken.xml"}, {"a/b", "again.xml"}, {"a", "empty.xml"},
        {"a", "case.json"}, {"a", "bad.json"}, {"a", "missing.xml"}, {"a", "folder.xml"}, {"a", "fifo.xml"},
        {"gone", "x.xml"},  {"a", "big.xml"}};
    CaseFileReader reader;
    for (const auto& [dir, name] : files) {
        const std::string path = folder(root_ / dir) + name;
        const bool json = name.ends_with(".json");
        const LoadResult want = json ? load_case_json_file(path, calendar) : load_case_file(path, calendar);
        const LoadResult got = reader.load(folder(root_ / dir), name, json, calendar);
        EXPECT_EQ(describe(got), describe(want)) << path;
        // A file argument: no folder, the path whole.
        EXPECT_EQ(describe(reader.load("", path, json, calendar)), describe(want)) << path;
    }
    // What the list above must cover, so that the comparison is not of empty results.
    EXPECT_TRUE(reader.load(folder(root_ / "a"), "big.xml", false, calendar).ok());
    EXPECT_TRUE(reader.load(folder(root_ / "a"), "case.json", true, calendar).ok());
    EXPECT_EQ(describe(reader.load(folder(root_ / "a"), "missing.xml", false, calendar)),
              folder(root_ / "a") + "missing.xml: cannot open the file: it does not exist [io]\n");
    EXPECT_EQ(describe(reader.load(folder(root_ / "a"), "fifo.xml", false, calendar)),
              folder(root_ / "a") + "fifo.xml: cannot read: not a regular file [io]\n");
}

TEST_F(FileReader, AFileOverTheLimitIsRefusedAsLoadCaseFileRefusesIt) {
    const Calendar& calendar = engine().calendar();
    write(root_ / "a" / "c.xml", std::string(200, ' '));
    Limits limits;
    limits.max_file_bytes = 100;
    const std::string path = folder(root_ / "a") + "c.xml";
    CaseFileReader reader;
    const LoadResult got = reader.load(folder(root_ / "a"), "c.xml", false, calendar, limits);
    EXPECT_EQ(describe(got), describe(load_case_file(path, calendar, limits)));
    EXPECT_EQ(describe(got), path + ": file of 200 bytes exceeds the limit of 100 bytes [limit]\n");
}

}  // namespace
