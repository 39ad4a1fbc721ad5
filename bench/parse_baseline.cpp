// The parse-only baseline: the limit for any XML front end of `barnetslov check`; and, with
// --read-only, the floor for its I/O.
//
//   barnetslov_parse_baseline [-j N] [--read-only] [--stdio] FILE|DIR...
//
// Finds the files as the CLI does (folders: every *.xml below, sorted by path) and reads each
// the way a minimal C++ program would: one openat relative to its folder, fstat (for the size),
// one read into a buffer the thread reuses, close -- four system calls a file, and no stat of a
// folder entry whose type getdents' d_type gives. Then parses it with pugixml's
// load_buffer_inplace and the library's flags, and walks every element and attribute -- and
// does nothing else: no UTF-8 check, no line table, no vocabulary, no rules, no report. Prints
// one checksum line.
//
//   --read-only  reads every file and parses none: what `check` cannot spend less than
//   --stdio      reads as this program did until issue 20 (std::filesystem's walk, file_size,
//                fopen/fread into a new string a file): two stats and about 1.2 reads a file more
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <pugixml.hpp>

namespace fs = std::filesystem;

namespace {

// A file to read: `name` relative to the open folder `dir` (AT_FDCWD for a file argument).
struct File {
    int dir;
    std::string name;
};

bool is_xml(const char* name) {
    const std::size_t n = std::strlen(name);
    return n > 4 && strcasecmp(name + n - 4, ".xml") == 0;
}

// Every *.xml below the folder open as `dir`, in the order of their paths
// compared component by component, as the CLI walks. Folder descriptors stay open until exit.
void walk(int dir, std::vector<File>& files) {
    DIR* d = fdopendir(dir);
    if (!d) return;
    std::vector<std::pair<std::string, bool>> entries;  // name, is a folder
    while (const dirent* e = readdir(d)) {
        if (e->d_name[0] == '.' && (e->d_name[1] == '\0' || (e->d_name[1] == '.' && e->d_name[2] == '\0'))) continue;
        unsigned char type = e->d_type;
        if (type == DT_UNKNOWN || type == DT_LNK) {  // only then a stat: getdents said what the rest are
            struct stat st {};
            if (fstatat(dir, e->d_name, &st, type == DT_LNK ? 0 : AT_SYMLINK_NOFOLLOW) != 0) continue;
            type = S_ISDIR(st.st_mode) && type != DT_LNK ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_UNKNOWN;
        }
        if (type == DT_DIR || (type == DT_REG && is_xml(e->d_name))) entries.emplace_back(e->d_name, type == DT_DIR);
    }
    std::sort(entries.begin(), entries.end());
    const int keep = dup(dir);  // closedir closes `dir`; the files below are opened relative to it
    closedir(d);
    for (const auto& [name, folder] : entries) {
        if (!folder) {
            files.push_back({keep, name});
            continue;
        }
        const int sub = openat(keep, name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (sub >= 0) walk(sub, files);
    }
}

std::vector<File> discover(const std::vector<std::string>& args) {
    std::vector<File> files;
    for (const std::string& arg : args) {
        const int dir = open(arg.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dir < 0) files.push_back({AT_FDCWD, arg});
        else walk(dir, files);
    }
    return files;
}

// As before issue 20: every *.xml below, by std::filesystem (the paths kept whole).
std::vector<fs::path> discover_stdio(const std::vector<std::string>& args) {
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

// openat, fstat, read, close; the bytes in `buffer` (its capacity kept from file to file).
// False when the file cannot be opened or read whole.
bool read_file(const File& file, std::string& buffer) {
    const int fd = openat(file.dir, file.name.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat st {};
    bool ok = fstat(fd, &st) == 0;
    const auto size = ok ? static_cast<std::size_t>(st.st_size) : 0;
    buffer.resize(size);
    std::size_t got = 0;
    while (ok && got < size) {
        const ssize_t n = read(fd, buffer.data() + got, size - got);
        if (n <= 0) ok = n < 0 && errno == EINTR;
        else got += static_cast<std::size_t>(n);
    }
    close(fd);
    return ok;
}

bool read_file_stdio(const fs::path& path, std::string& content) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    std::error_code ec;
    content = std::string(fs::file_size(path, ec), '\0');  // a new string a file, as it was
    const std::size_t got = std::fread(content.data(), 1, content.size(), f);
    std::fclose(f);
    content.resize(got);
    return true;
}

// Elements and attributes seen, plus a byte of each name and value so that nothing is skipped.
std::uint64_t parse_and_walk(std::string& content) {
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

// What --read-only sums: the bytes read and their last byte, so that the read is used.
std::uint64_t touch(const std::string& content) {
    return content.size() + (content.empty() ? 0 : static_cast<unsigned char>(content.back()));
}

}  // namespace

int main(int argc, char** argv) {
    unsigned jobs = 1;
    bool read_only = false, stdio = false;
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) {
        if ((std::strcmp(argv[i], "-j") == 0 || std::strcmp(argv[i], "--jobs") == 0) && i + 1 < argc)
            jobs = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
        else if (std::strcmp(argv[i], "--read-only") == 0)
            read_only = true;
        else if (std::strcmp(argv[i], "--stdio") == 0)
            stdio = true;
        else
            args.emplace_back(argv[i]);
    }
    if (args.empty()) {
        std::fputs("usage: barnetslov_parse_baseline [-j N] [--read-only] [--stdio] FILE|DIR...\n", stderr);
        return 2;
    }
    const std::vector<File> files = stdio ? std::vector<File>{} : discover(args);
    const std::vector<fs::path> paths = stdio ? discover_stdio(args) : std::vector<fs::path>{};
    const std::size_t count = stdio ? paths.size() : files.size();
    std::atomic<std::size_t> next{0};
    std::atomic<std::uint64_t> total{0};
    auto work = [&] {
        std::uint64_t sum = 0;
        std::string buffer;  // one a thread, reused
        for (std::size_t i; (i = next.fetch_add(1)) < count;) {
            if (stdio ? !read_file_stdio(paths[i], buffer) : !read_file(files[i], buffer)) continue;
            sum += read_only ? touch(buffer) : parse_and_walk(buffer);
        }
        total += sum;
    };
    {
        std::vector<std::jthread> pool;
        for (unsigned k = 1; k < jobs; ++k) pool.emplace_back(work);
        work();
    }
    std::printf("%zu files, checksum %llu\n", count, static_cast<unsigned long long>(total.load()));
    return 0;
}
