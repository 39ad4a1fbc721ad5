// The parse-only baseline: the limit for any XML front end of `barnetslov check`.
//
//   barnetslov_parse_baseline [-j N] FILE|DIR...
//
// Finds the files as the CLI does (folders: every *.xml below, sorted), reads each the way
// load_case_file does (fopen/fread into a string), parses it with pugixml's load_buffer_inplace
// and the library's flags, and walks every element and attribute -- and does nothing else: no
// UTF-8 check, no line table, no vocabulary, no rules, no report. Prints one checksum line.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <pugixml.hpp>

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> discover(const std::vector<std::string>& args) {
    std::vector<fs::path> files;
    for (const std::string& arg : args) {
        std::error_code ec;
        if (!fs::is_directory(arg, ec)) {
            files.emplace_back(arg);
            continue;
        }
        std::vector<fs::path> found;
        fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end; it.increment(ec))
            if (it->is_regular_file(ec) && it->path().extension() == ".xml") found.push_back(it->path());
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

// Elements and attributes seen, plus a byte of each name and value so that nothing is skipped.
std::uint64_t parse_and_walk(const fs::path& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return 0;
    std::error_code ec;
    std::string content(fs::file_size(path, ec), '\0');
    const std::size_t got = std::fread(content.data(), 1, content.size(), f);
    std::fclose(f);
    content.resize(got);
    pugi::xml_document doc;
    const unsigned flags = (pugi::parse_default | pugi::parse_fragment) & ~pugi::parse_doctype;
    if (!doc.load_buffer_inplace(content.data(), content.size(), flags, pugi::encoding_utf8)) return 0;
    std::uint64_t sum = 0;
    for (pugi::xml_node n = doc.first_child(); n;) {
        sum += static_cast<unsigned char>(n.name()[0]) + 1;
        for (const pugi::xml_attribute a : n.attributes())
            sum += static_cast<unsigned char>(a.name()[0]) + static_cast<unsigned char>(a.value()[0]);
        if (n.first_child()) {
            n = n.first_child();
            continue;
        }
        while (n && !n.next_sibling()) n = n.parent();
        if (n) n = n.next_sibling();
    }
    return sum;
}

}  // namespace

int main(int argc, char** argv) {
    unsigned jobs = 1;
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) {
        if ((std::strcmp(argv[i], "-j") == 0 || std::strcmp(argv[i], "--jobs") == 0) && i + 1 < argc)
            jobs = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
        else
            args.emplace_back(argv[i]);
    }
    if (args.empty()) {
        std::fputs("usage: barnetslov_parse_baseline [-j N] FILE|DIR...\n", stderr);
        return 2;
    }
    const std::vector<fs::path> files = discover(args);
    std::atomic<std::size_t> next{0};
    std::atomic<std::uint64_t> total{0};
    auto work = [&] {
        std::uint64_t sum = 0;
        for (std::size_t i; (i = next.fetch_add(1)) < files.size();) sum += parse_and_walk(files[i]);
        total += sum;
    };
    {
        std::vector<std::jthread> pool;
        for (unsigned k = 1; k < jobs; ++k) pool.emplace_back(work);
        work();
    }
    std::printf("%zu files, checksum %llu\n", files.size(), static_cast<unsigned long long>(total.load()));
    return 0;
}
