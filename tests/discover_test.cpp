// The CLI's file discovery against the plain oracle it replaced: every *.xml (in any letter case)
// below a folder found by std::filesystem::recursive_directory_iterator and sorted as
// std::filesystem::path; and what the walk skips, each with its reason, in the same order.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "barnetslov/loader.hpp"
#include "batch.hpp"
#include "discover.hpp"

namespace fs = std::filesystem;
using barnetslov::cli::discover;
using barnetslov::cli::FileList;
using barnetslov::cli::InputForms;
using barnetslov::cli::Skipped;

namespace {

bool xml_in_any_case(const fs::path& p) {
    std::string ext = p.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".xml";
}

std::vector<std::string> oracle(const std::vector<std::string>& args) {
    std::vector<std::string> out;
    for (const std::string& arg : args) {
        std::error_code ec;
        if (!fs::is_directory(arg, ec)) {
            out.push_back(arg);
            continue;
        }
        std::vector<fs::path> found;
        for (fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied), end; it != end; ++it) {
            std::error_code type_error;
            if (it->is_regular_file(type_error) && xml_in_any_case(it->path())) found.push_back(it->path());
        }
        std::sort(found.begin(), found.end());
        for (const fs::path& p : found) out.push_back(p.string());
    }
    return out;
}

std::vector<std::string> paths(const FileList& files) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < files.size(); ++i) out.push_back(files.path(i));
    return out;
}

std::vector<std::pair<std::string, std::string>> problems(const std::vector<Skipped>& skipped) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Skipped& s : skipped) out.emplace_back(s.path, s.reason);
    return out;
}

class TempTree : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() /
                ("barnetslov-discover-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(root_);
        fs::create_directories(root_);
    }
    void TearDown() override { fs::remove_all(root_); }
    void file(const fs::path& rel) {
        fs::create_directories((root_ / rel).parent_path());
        std::ofstream(root_ / rel) << "<case/>";
    }
    fs::path root_;
};

TEST_F(TempTree, OrderEqualsPathSortOfRecursiveIteration) {
    // Names that sort differently by character and by component: "x" (a folder) before "x.xml",
    // "x-1.xml" and "x.xml" around the separator's byte, upper case, bytes above 0x7F.
    for (const char* f : {"b.xml", "a.xml", "A.xml", "x.xml", "x-1.xml", "x0.xml", "x/z.xml", "x/a/q.xml", "x/a.xml", "x.d/k.xml",
                          "\xC3\xB8.xml", "notes.txt", ".xml", "..xml", "deep/er/still/f.xml", "deep/er.xml", "UPPER.XML"})
        file(f);
    fs::create_directories(root_ / "empty");
    fs::create_symlink(root_ / "b.xml", root_ / "l.xml");        // a link to a file counts
    const std::vector<std::string> args{root_.string()};
    const auto found = discover(args);
    EXPECT_TRUE(found.problems.empty());
    const auto got = paths(found.files);
    EXPECT_EQ(got, oracle(args));
    EXPECT_EQ(got.size(), 16u);  // 17 files less notes.txt and .xml (no extension, a hidden file), plus l.xml
}

TEST_F(TempTree, XmlInAnyLetterCaseIsACaseFile) {
    for (const char* f : {"a.xml", "b.XML", "c.Xml", "d.xMl", "e.xmL", "f.XmL", "g.xml.txt", "h.xm", "i.xmlx", "j.XML/k.Xml"}) file(f);
    const auto found = discover({root_.string()});
    EXPECT_TRUE(found.problems.empty());
    const std::string r = (root_ / "").string();
    EXPECT_EQ(paths(found.files), (std::vector<std::string>{r + "a.xml", r + "b.XML", r + "c.Xml", r + "d.xMl", r + "e.xmL", r + "f.XmL",
                                                            r + "j.XML/k.Xml"}));
}

// Every entry that is neither a case file, another regular file nor a folder is reported with why,
// in walk order, and is no case; the walk goes on past it.
TEST_F(TempTree, WhatIsNotAFileOrFolderIsSkippedWithItsReason) {
    file("a.xml");
    file("m/z.xml");
    file("notes.txt");  // another regular file: not a case file, nothing to say
    ASSERT_EQ(::mkfifo((root_ / "fifo.xml").c_str(), 0644), 0);
    const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
    ASSERT_GE(sock, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const std::string sock_path = (root_ / "m" / "sock").string();
    ASSERT_LT(sock_path.size(), sizeof addr.sun_path);
    sock_path.copy(addr.sun_path, sock_path.size());
    ASSERT_EQ(::bind(sock, reinterpret_cast<const sockaddr*>(&addr), sizeof addr), 0);
    ::close(sock);
    fs::create_symlink(root_ / "nowhere.xml", root_ / "broken.xml");
    fs::create_directory_symlink(root_ / "m", root_ / "dirlink");
    fs::create_symlink("/dev/null", root_ / "devlink.xml");
    fs::create_symlink(root_ / "a.xml", root_ / "n.xml");
    fs::create_symlink(root_ / "notes.txt", root_ / "n.txt");  // a link to another regular file: nothing to say
    const bool root = ::geteuid() == 0;
    if (root) {
        ASSERT_EQ(::mknod((root_ / "dev").c_str(), S_IFCHR | 0600, makedev(1, 3)), 0);  // only root may make one
    }
    const auto found = discover({root_.string()});
    const std::string r = (root_ / "").string();
    EXPECT_EQ(paths(found.files), (std::vector<std::string>{r + "a.xml", r + "m/z.xml", r + "n.xml"}));
    std::vector<std::pair<std::string, std::string>> want{
        {r + "broken.xml", "skipped, a broken symbolic link (its target does not exist)"},
        {r + "dev", "skipped, a character device"},
        {r + "devlink.xml", "skipped, a symbolic link to a character device"},
        {r + "dirlink", "skipped, a symbolic link to a folder (not followed)"},
        {r + "fifo.xml", "skipped, a FIFO (named pipe)"},
        {r + "m/sock", "skipped, a socket"},
    };
    if (!root) want.erase(want.begin() + 1);
    EXPECT_EQ(problems(found.problems), want);
}

TEST_F(TempTree, AFolderThatCannotBeReadIsSkippedAndTheWalkGoesOn) {
    if (::geteuid() == 0) GTEST_SKIP() << "root reads a folder of mode 000 (tests/walk_cli_test.py checks this as an unprivileged user)";
    file("a/one.xml");
    file("b/two.xml");
    file("c/three.xml");
    fs::permissions(root_ / "b", fs::perms::none);
    const auto found = discover({root_.string()});
    fs::permissions(root_ / "b", fs::perms::owner_all);
    const std::string r = (root_ / "").string();
    EXPECT_EQ(paths(found.files), (std::vector<std::string>{r + "a/one.xml", r + "c/three.xml"}));
    EXPECT_EQ(problems(found.problems),
              (std::vector<std::pair<std::string, std::string>>{{r + "b", "skipped, cannot read the folder: Permission denied"}}));
}

TEST_F(TempTree, AFolderWithNoCaseFilesIsAProblem) {
    fs::create_directories(root_ / "empty");
    file("notes/readme.txt");
    file("full/a.xml");
    fs::create_directories(root_ / "odd");
    ASSERT_EQ(::mkfifo((root_ / "odd" / "p").c_str(), 0644), 0);
    const std::vector<std::string> args{(root_ / "empty").string(), (root_ / "notes").string(), (root_ / "full").string(),
                                        (root_ / "odd").string()};
    const auto found = discover(args);
    EXPECT_EQ(paths(found.files), (std::vector<std::string>{(root_ / "full" / "a.xml").string()}));
    // The folder of a FIFO alone says what it skipped; that is reason enough.
    EXPECT_EQ(problems(found.problems), (std::vector<std::pair<std::string, std::string>>{
                                            {args[0], "no case files (*.xml) in the folder or below it"},
                                            {args[1], "no case files (*.xml) in the folder or below it"},
                                            {(root_ / "odd" / "p").string(), "skipped, a FIFO (named pipe)"}}));
}

TEST_F(TempTree, ArgumentsKeepTheirOrderAndSpelling) {
    file("s/one.xml");
    file("s/two.xml");
    file("t/three.xml");
    const std::vector<std::string> args{(root_ / "t").string() + "/", (root_ / "missing.xml").string(), (root_ / "s").string(),
                                        (root_ / "s" / "two.xml").string()};
    const auto found = discover(args);
    EXPECT_EQ(paths(found.files), oracle(args));
    EXPECT_EQ(found.files.path(0), (root_ / "t").string() + "/three.xml");
    EXPECT_EQ(found.files.path(1), (root_ / "missing.xml").string());
}

// --input: a walk takes .xml, or .json and .jsonl, or all three, in any letter case; a JSON Lines
// file is an input per line that holds something, in file order, where its name sorts; one that
// holds no case, or cannot be read, is said. A file named is taken whatever --input says.
TEST_F(TempTree, InputFormsAndTheLinesOfJsonLinesFiles) {
    for (const char* f : {"a.xml", "b.json", "sub/c.JSON", "d.Xml", "notes.txt"}) file(f);
    std::ofstream(root_ / "c.jsonl") << "{\"one\": 1}\n\n  \n{\"two\": 2}\r\n{\"three\": 3}";
    std::ofstream(root_ / "e.jsonl") << "\n \n";
    const std::string r = (root_ / "").string();
    const auto lines_of = [](const FileList& files) {
        std::vector<std::uint32_t> out;
        for (std::size_t i = 0; i < files.size(); ++i) out.push_back(files.line(i) ? files.line(i)->number : 0);
        return out;
    };
    const auto xml = discover({root_.string()}, InputForms::xml);
    EXPECT_EQ(paths(xml.files), (std::vector<std::string>{r + "a.xml", r + "d.Xml"}));
    EXPECT_TRUE(xml.problems.empty());
    const auto json = discover({root_.string()}, InputForms::json);
    EXPECT_EQ(paths(json.files), (std::vector<std::string>{r + "b.json", r + "c.jsonl", r + "c.jsonl", r + "c.jsonl", r + "sub/c.JSON"}));
    EXPECT_EQ(lines_of(json.files), (std::vector<std::uint32_t>{0, 1, 4, 5, 0}));
    EXPECT_EQ(problems(json.problems),
              (std::vector<std::pair<std::string, std::string>>{{r + "e.jsonl", "the file is empty (no line holds a case)"}}));
    const auto any = discover({root_.string()}, InputForms::any);
    EXPECT_EQ(paths(any.files).size(), 7u);
    EXPECT_EQ(problems(any.problems), problems(json.problems));
    // Named: read as the name says, whatever --input; a JSON Lines file that cannot be read is said now.
    const auto named = discover({r + "c.jsonl", r + "b.json", r + "missing.jsonl"}, InputForms::xml);
    EXPECT_EQ(paths(named.files), (std::vector<std::string>{r + "c.jsonl", r + "c.jsonl", r + "c.jsonl", r + "b.json"}));
    EXPECT_EQ(lines_of(named.files), (std::vector<std::uint32_t>{1, 4, 5, 0}));
    EXPECT_EQ(problems(named.problems), (std::vector<std::pair<std::string, std::string>>{
                                            {r + "missing.jsonl", "cannot open the file: it does not exist"}}));
    const auto none = discover({(root_ / "sub").string()}, InputForms::xml);
    EXPECT_EQ(problems(none.problems), (std::vector<std::pair<std::string, std::string>>{
                                           {(root_ / "sub").string(), "no case files (*.xml) in the folder or below it"}}));
}

TEST_F(TempTree, RandomTreesAgreeWithTheOracle) {
    std::mt19937 rng(20261123);
    const std::string alphabet = "aAz0_-.~";
    auto name = [&] {
        std::string s;
        const int len = 1 + int(rng() % 4);
        for (int i = 0; i < len; ++i) s += alphabet[rng() % alphabet.size()];
        return s.find_first_not_of('.') == std::string::npos ? "d" + s : s;  // never "." or ".."
    };
    for (int round = 0; round < 30; ++round) {
        fs::remove_all(root_);
        fs::create_directories(root_);
        for (int k = 0; k < 40; ++k) {
            fs::path rel;
            const int depth = int(rng() % 3);
            for (int d = 0; d < depth; ++d) rel /= name();
            static const char* const extensions[] = {".txt", ".xml", ".xml", ".XML", ".Xml"};
            rel /= name() + extensions[rng() % 5];
            std::error_code ec;  // a name already taken by a file or folder is skipped
            fs::create_directories((root_ / rel).parent_path(), ec);
            if (!ec && !fs::exists(root_ / rel)) std::ofstream(root_ / rel) << "<case/>";
        }
        const std::vector<std::string> args{root_.string()};
        ASSERT_EQ(paths(discover(args).files), oracle(args)) << "round " << round;
    }
}

// A folder is sorted by the eight bytes after its names' common prefix first, and by the whole
// names only where those are alike (issue 20, session 33): long names sharing a long prefix, names
// alike beyond the eight bytes, names that begin others, bytes beyond ASCII; the order is the
// oracle's. And a JSON Lines file's lines stay in file order among names that share its prefix.
TEST_F(TempTree, NamesWithLongCommonPrefixesAgreeWithTheOracle) {
    std::mt19937 rng(20261204);
    const std::vector<std::string> prefixes = {"", "case-", "corpus-2026-12-04-batch-0000", "\xC3\xB8rsted-", "a"};
    const std::vector<std::string> pieces = {"0", "1", "9", "00", "a", "Z", "-", "_", ".", "\xC3\xB8", "\xE2\x80\x93", "~", "12345678"};
    for (int round = 0; round < 20; ++round) {
        fs::remove_all(root_);
        fs::create_directories(root_);
        const std::string& prefix = prefixes[std::size_t(round) % prefixes.size()];
        for (int k = 0; k < 150; ++k) {
            std::string name = prefix;
            for (std::size_t n = rng() % 12; n > 0; --n) name += pieces[rng() % pieces.size()];
            if (name.empty() || name.find_first_not_of('.') == std::string::npos) name += "x";
            std::error_code ec;
            if (rng() % 10 == 0) fs::create_directories(root_ / name, ec), name += "/in";
            if (!fs::exists(root_ / (name + ".xml"))) std::ofstream(root_ / (name + ".xml")) << "<case/>";
        }
        const std::vector<std::string> args{root_.string()};
        ASSERT_EQ(paths(discover(args).files), oracle(args)) << "round " << round;
    }
    fs::remove_all(root_);
    fs::create_directories(root_);
    for (const char* f : {"case-00010.json", "case-00001.json", "case-00001x.json", "case-0000.json"}) file(f);
    for (int k = 0; k < 40; ++k) file("case-1" + std::to_string(k) + ".json");
    std::ofstream lines(root_ / "case-00001.jsonl");
    for (int k = 0; k < 40; ++k) lines << "{\"n\": " << k << "}\n";
    lines.close();
    const auto json = discover({root_.string()}, InputForms::json);
    const std::string r = (root_ / "").string();
    std::vector<std::string> expected{r + "case-0000.json", r + "case-00001.json"};
    expected.insert(expected.end(), 40, r + "case-00001.jsonl");
    expected.insert(expected.end(), {r + "case-00001x.json", r + "case-00010.json"});
    std::vector<std::string> more;
    for (int k = 0; k < 40; ++k) more.push_back(r + "case-1" + std::to_string(k) + ".json");
    std::sort(more.begin(), more.end());
    expected.insert(expected.end(), more.begin(), more.end());
    EXPECT_EQ(paths(json.files), expected);
    for (std::size_t i = 2; i < 42; ++i) EXPECT_EQ(json.files.line(i)->number, i - 1);
}

}  // namespace

// The batch's test for a JSON case file by its name is case_file_form's, without a std::filesystem::path.
TEST(JsonCaseName, AgreesWithCaseFileForm) {
    for (const char* name : {"a.json", "a.JSON", "a.Json", "a.jsonl", "a.xml", "a.XML", "json", ".json", ".JSON", "..json", "a..json",
                             "a.json.xml", "a.xml.json", "dir/a.json", "dir.json/a", "dir.json/a.xml", "d/.json", "d/x.JsOn", ".", "..",
                             "", "a.", "a.jso", "a.jsonx", "a.j\xc3\xa5son", "a b.json", "-", "dir/", "a.json/", "/.json", "/a.json",
                             "./.json", "d/..json", "d/x.json.", "x.jsoN", "x.Xson", "xjson", "d/json", "ajson/.json"})
        EXPECT_EQ(barnetslov::cli::json_case_name(name), barnetslov::case_file_form(name) == barnetslov::CaseFileForm::json) << name;
}
