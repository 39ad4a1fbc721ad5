// The CLI's file discovery against the plain oracle it replaced: every *.xml below a folder found
// by std::filesystem::recursive_directory_iterator and sorted as std::filesystem::path.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "discover.hpp"

namespace fs = std::filesystem;
using barnetslov::cli::discover;
using barnetslov::cli::FileList;

namespace {

std::vector<std::string> oracle(const std::vector<std::string>& args) {
    std::vector<std::string> out;
    for (const std::string& arg : args) {
        std::error_code ec;
        if (!fs::is_directory(arg, ec)) {
            out.push_back(arg);
            continue;
        }
        std::vector<fs::path> found;
        for (fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied), end; it != end; ++it)
            if (it->is_regular_file() && it->path().extension() == ".xml") found.push_back(it->path());
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
    fs::create_directory_symlink(root_ / "x", root_ / "link");   // not followed, as the oracle
    fs::create_symlink(root_ / "b.xml", root_ / "l.xml");        // a link to a file counts
    const std::vector<std::string> args{root_.string()};
    const auto found = discover(args);
    EXPECT_TRUE(found.problems.empty());
    const auto got = paths(found.files);
    EXPECT_EQ(got, oracle(args));
    EXPECT_EQ(got.size(), 15u);  // 17 files less notes.txt, .xml (no extension) and UPPER.XML, plus l.xml
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
            rel /= name() + (rng() % 4 == 0 ? ".txt" : ".xml");
            std::error_code ec;  // a name already taken by a file or folder is skipped
            fs::create_directories((root_ / rel).parent_path(), ec);
            if (!ec && !fs::exists(root_ / rel)) std::ofstream(root_ / rel) << "<case/>";
        }
        const std::vector<std::string> args{root_.string()};
        ASSERT_EQ(paths(discover(args).files), oracle(args)) << "round " << round;
    }
}

}  // namespace
