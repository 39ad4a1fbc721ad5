#include "discover.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <cerrno>
#include <system_error>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <fmt/format.h>

namespace barnetslov::cli {

namespace fs = std::filesystem;

std::string FileList::path(std::size_t i) const {
    const auto run = std::upper_bound(runs_.begin(), runs_.end(), i, [](std::size_t x, const auto& r) { return x < r.first; }) - 1;
    std::string out = folders_[run->second];
    out += name(entries_[i].name);
    return out;
}

std::pair<std::string_view, std::string_view> FileList::parts(std::size_t i) const {
    const auto run = std::upper_bound(runs_.begin(), runs_.end(), i, [](std::size_t x, const auto& r) { return x < r.first; }) - 1;
    const std::string_view n = name(entries_[i].name);
    if (n.empty()) return {{}, folders_[run->second]};  // a file argument: its "folder" is its path
    return {folders_[run->second], n};
}

void FileList::append(std::uint32_t folder, Entry entry) {
    if (runs_.empty() || runs_.back().second != folder) runs_.emplace_back(entries_.size(), folder);
    entries_.push_back(entry);
}

// Keeps the first `files` files.
void FileList::truncate(std::size_t files) {
    entries_.resize(files);
    while (!runs_.empty() && runs_.back().first >= files) runs_.pop_back();
}

std::uint32_t FileList::folder(std::string path) {
    if (folders_.size() == std::numeric_limits<std::uint32_t>::max()) throw std::length_error("too many folders for one batch");
    folders_.push_back(std::move(path));
    return static_cast<std::uint32_t>(folders_.size() - 1);
}

std::uint32_t FileList::store(std::string_view n) {
    if (n.size() >= block_size) throw std::length_error("a file name longer than 64 KiB");
    if (used_ + n.size() + 1 > block_size) {
        if (blocks_.size() == block_size) throw std::length_error("more than 4 GiB of file names in one batch");
        blocks_.push_back(std::make_unique<char[]>(block_size));
        used_ = 0;
    }
    char* at = blocks_.back().get() + used_;
    n.copy(at, n.size());
    at[n.size()] = '\0';
    const auto id = static_cast<std::uint32_t>((blocks_.size() - 1) << 16 | used_);
    used_ += n.size() + 1;
    return id;
}

bool FileList::add_lines(const fs::path& path, std::uint32_t folder, std::uint32_t name, const std::string& shown,
                         std::vector<Skipped>& skipped) {
    JsonLinesIndex index = index_json_lines(path);
    if (!index.errors.empty()) {
        skipped.push_back({shown, index.errors.front().message});
        return false;
    }
    for (const JsonLine& l : index.lines) {
        if (lines_.size() == whole) throw std::length_error("more than 4294967294 lines of JSON Lines files in one batch");
        lines_.push_back(l);
        append(folder, {name, static_cast<std::uint32_t>(lines_.size() - 1)});
    }
    return true;
}

void FileList::add_file(std::string_view path, std::vector<Skipped>& skipped) {
    const std::uint32_t f = folder(std::string(path));
    const std::uint32_t n = store({});
    if (case_file_form(fs::path(path)) == CaseFileForm::json_lines) add_lines(fs::path(path), f, n, std::string(path), skipped);
    else append(f, {n, whole});
}

namespace {

// A file name's extension as std::filesystem::path::extension finds it (from the last dot, which
// must not be the first character), in lower case, written to `lower`; "" when it has none or a
// long one. Without making a path, or a string, of each name of a folder.
std::string_view lower_extension(std::string_view name, char (&lower)[6]) {
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || name.size() - dot > std::size(lower)) return {};
    const std::size_t size = name.size() - dot;
    for (std::size_t k = 0; k < size; ++k) {
        const char c = name[dot + k];
        lower[k] = c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
    }
    return {lower, size};
}

// A case file's name for `forms`: .xml, .json or .jsonl in any letter case (.XML, .Json). A name
// that is only ".xml" has no extension (a hidden file), as std::filesystem sees it.
bool is_case_file_name(std::string_view ext, InputForms forms) {
    const bool xml = ext == ".xml", json = ext == ".json" || ext == ".jsonl";
    return forms == InputForms::any ? xml || json : forms == InputForms::json ? json : xml;
}

std::string_view case_file_names(InputForms forms) {
    return forms == InputForms::any ? "*.xml, *.json, *.jsonl" : forms == InputForms::json ? "*.json, *.jsonl" : "*.xml";
}

// What a folder entry is when it is neither a folder nor a regular file.
std::string kind(fs::file_type t) {
    switch (t) {
        case fs::file_type::fifo: return "a FIFO (named pipe)";
        case fs::file_type::socket: return "a socket";
        case fs::file_type::block: return "a block device";
        case fs::file_type::character: return "a character device";
        default: return "not a regular file";
    }
}

fs::file_type type_of_mode(mode_t mode) {
    if (S_ISREG(mode)) return fs::file_type::regular;
    if (S_ISDIR(mode)) return fs::file_type::directory;
    if (S_ISLNK(mode)) return fs::file_type::symlink;
    if (S_ISFIFO(mode)) return fs::file_type::fifo;
    if (S_ISSOCK(mode)) return fs::file_type::socket;
    if (S_ISBLK(mode)) return fs::file_type::block;
    if (S_ISCHR(mode)) return fs::file_type::character;
    return fs::file_type::unknown;
}

// What getdents' d_type says the entry is; none when it does not say (DT_UNKNOWN: some file
// systems never do), so that the entry is stat'ed.
fs::file_type type_of_dirent(unsigned char d_type) {
    switch (d_type) {
        case DT_REG: return fs::file_type::regular;
        case DT_DIR: return fs::file_type::directory;
        case DT_LNK: return fs::file_type::symlink;
        case DT_FIFO: return fs::file_type::fifo;
        case DT_SOCK: return fs::file_type::socket;
        case DT_BLK: return fs::file_type::block;
        case DT_CHR: return fs::file_type::character;
        case DT_UNKNOWN: return fs::file_type::none;
        default: return fs::file_type::unknown;
    }
}

std::string message(int error) { return std::error_code(error, std::generic_category()).message(); }

// std::filesystem's "not found": the entry, or a folder on the way to a link's target, is gone.
bool not_found(int error) { return error == ENOENT || error == ENOTDIR; }

// Why the entry `name` of the folder open as `dir` is not walked and not checked, or "" when it
// is either. `type` is what getdents said it is (none: it did not say); a stat only for a
// symbolic link (to follow it) or an entry of unknown type: a batch of 100,000 files in one
// folder spent a stat on each (bench/ANALYSIS.md, issue 20). The words are those of
// std::filesystem's status and symlink_status, which this replaced.
std::string skip_reason(int dir, const char* name, fs::file_type& type) {
    struct stat st {};
    if (type == fs::file_type::none) {
        if (::fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
            const int error = errno;
            if (not_found(error)) return "skipped, removed while its folder was read";
            return "skipped, cannot tell what it is: " + message(error);
        }
        type = type_of_mode(st.st_mode);
    }
    if (type == fs::file_type::directory || type == fs::file_type::regular) return "";
    if (type != fs::file_type::symlink) return "skipped, " + kind(type);
    if (::fstatat(dir, name, &st, 0) != 0) {
        const int error = errno;
        if (not_found(error)) return "skipped, a broken symbolic link (its target does not exist)";
        return "skipped, a symbolic link that cannot be followed: " + message(error);
    }
    type = type_of_mode(st.st_mode);
    if (type == fs::file_type::directory) return "skipped, a symbolic link to a folder (not followed)";
    if (type == fs::file_type::regular) return "";
    return "skipped, a symbolic link to " + kind(type);
}

// A folder open for reading (opendir), closed when it goes out of scope.
struct Folder {
    DIR* dir;
    explicit Folder(const fs::path& path) : dir(::opendir(path.c_str())) {}
    Folder(const Folder&) = delete;
    Folder& operator=(const Folder&) = delete;
    ~Folder() {
        if (dir) ::closedir(dir);
    }
};

}  // namespace

// The folder's case files, subfolders and skipped entries, each in name order, merged, depth
// first. That is the order of sorting every path below the folder component by component: a
// subfolder's whole subtree sorts where its name sorts among its siblings. The names are stored
// as they come; only the folder's entries are set aside while its subfolders are walked.
void FileList::add_folder(const fs::path& folder, InputForms forms, std::vector<Skipped>& skipped) {
    const Folder d(folder);
    if (!d.dir) {
        const int error = errno;
        skipped.push_back({folder.string(), "skipped, cannot read the folder: " + message(error)});
        return;
    }
    const std::string prefix = (folder / "").string();
    const std::uint32_t f = this->folder(prefix);
    const std::size_t first = entries_.size();
    std::vector<std::string> subfolders;
    std::vector<Skipped> odd;  // name (not yet the path) and why
    int error = 0;
    for (;;) {
        errno = 0;
        const dirent* e = ::readdir(d.dir);
        if (!e) {
            error = errno;
            break;
        }
        const std::string_view entry = e->d_name;
        if (entry == "." || entry == "..") continue;
        fs::file_type type = type_of_dirent(e->d_type);
        char lower[6];
        if (std::string why = skip_reason(::dirfd(d.dir), e->d_name, type); !why.empty()) odd.push_back({std::string(entry), std::move(why)});
        else if (type == fs::file_type::directory) subfolders.emplace_back(entry);  // a real folder, not a link to one
        else if (const std::string_view ext = lower_extension(entry, lower); !is_case_file_name(ext, forms)) continue;
        else if (ext != ".jsonl") append(f, {store(entry), whole});
        // Its lines now, in file order (the sort below keeps them so); why it has none as the others skipped.
        else if (std::vector<Skipped> none; !add_lines(folder / entry, f, store(entry), std::string(entry), none)) odd.push_back(std::move(none.front()));
    }
    if (error) skipped.push_back({folder.string(), "skipped the rest of the folder, cannot read it: " + message(error)});
    sort_by_name(first);  // all of folder f
    std::sort(odd.begin(), odd.end(), [](const Skipped& a, const Skipped& b) { return a.path < b.path; });
    std::sort(subfolders.begin(), subfolders.end());
    auto next_odd = odd.begin();
    auto skip_before = [&](const std::string* sub) {
        for (; next_odd != odd.end() && (!sub || next_odd->path < *sub); ++next_odd)
            skipped.push_back({prefix + next_odd->path, std::move(next_odd->reason)});
    };
    if (subfolders.empty()) {
        skip_before(nullptr);
        return;
    }
    const std::vector<Entry> files(entries_.begin() + std::ptrdiff_t(first), entries_.end());
    truncate(first);
    auto next = files.begin();
    for (const std::string& sub : subfolders) {
        for (; next != files.end() && name(next->name) < sub; ++next) append(f, *next);
        skip_before(&sub);
        add_folder(folder / sub, forms, skipped);
    }
    for (; next != files.end(); ++next) append(f, *next);
    skip_before(nullptr);
}

// Sorted by name as std::string_view compares names (bytes as unsigned), stably (a JSON Lines
// file's lines keep their file order). Each entry is compared first by the eight bytes after the
// names' common prefix (a folder of "case-00001.xml" ... "case-10000.xml" shares "case-") as one
// big-endian number, which orders them as the bytes do (a shorter name pads with zeros, and a
// name holds no zero byte); only entries alike in those eight bytes compare their names. Comparing
// the names themselves was 1.3 k instructions a file of a 10,000-file folder (issue 20, session 33).
void FileList::sort_by_name(std::size_t first) {
    if (entries_.size() - first < 2) return;
    const auto begin = entries_.begin() + std::ptrdiff_t(first);
    const std::string_view one = name(begin->name);
    std::size_t common = one.size();
    for (auto e = begin + 1; e != entries_.end() && common > 0; ++e) {
        const std::string_view n = name(e->name);
        common = std::size_t(std::mismatch(one.begin(), one.begin() + std::ptrdiff_t(std::min(common, n.size())), n.begin()).first - one.begin());
    }
    struct Keyed {
        std::uint64_t key;
        Entry entry;
    };
    std::vector<Keyed> keyed;
    keyed.reserve(entries_.size() - first);
    for (auto e = begin; e != entries_.end(); ++e) {
        const std::string_view rest = name(e->name).substr(common);
        std::uint64_t key = 0;
        for (std::size_t k = 0; k < 8; ++k) key = key << 8 | (k < rest.size() ? static_cast<unsigned char>(rest[k]) : 0u);
        keyed.push_back({key, *e});
    }
    std::stable_sort(keyed.begin(), keyed.end(), [&](const Keyed& a, const Keyed& b) {
        return a.key != b.key ? a.key < b.key : name(a.entry.name) < name(b.entry.name);
    });
    std::transform(keyed.begin(), keyed.end(), begin, [](const Keyed& k) { return k.entry; });
}

Discovered discover(const std::vector<std::string>& args, InputForms forms) {
    Discovered out;
    for (const std::string& arg : args) {
        std::error_code ec;
        // "-" is standard input (read by the batch), even beside a folder named "-".
        if (arg == "-" || !fs::is_directory(arg, ec)) {
            out.files.add_file(arg, out.problems);  // the loader reports a missing or unreadable file
            continue;
        }
        const std::size_t files = out.files.size(), problems = out.problems.size();
        out.files.add_folder(arg, forms, out.problems);
        if (out.files.size() == files && out.problems.size() == problems)
            out.problems.push_back({arg, fmt::format("no case files ({}) in the folder or below it", case_file_names(forms))});
    }
    return out;
}

}  // namespace barnetslov::cli
