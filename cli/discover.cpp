#include "discover.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <system_error>

namespace barnetslov::cli {

namespace fs = std::filesystem;

std::string FileList::path(std::size_t i) const {
    const auto run = std::upper_bound(runs_.begin(), runs_.end(), i, [](std::size_t x, const auto& r) { return x < r.first; }) - 1;
    std::string out = folders_[run->second];
    out += name(entries_[i]);
    return out;
}

void FileList::append(std::uint32_t folder, std::uint32_t name) {
    if (runs_.empty() || runs_.back().second != folder) runs_.emplace_back(entries_.size(), folder);
    entries_.push_back(name);
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

void FileList::add_file(std::string_view path) { append(folder(std::string(path)), store({})); }

// The folder's *.xml files and subfolders, each in name order, merged, depth first. That is the
// order of sorting every path below the folder component by component: a subfolder's whole
// subtree sorts where its name sorts among its siblings. The names are stored as they come;
// only the folder's entries are set aside while its subfolders are walked.
bool FileList::add_folder(const fs::path& folder, std::error_code& error) {
    const std::uint32_t f = this->folder((folder / "").string());
    const std::size_t first = entries_.size();
    std::vector<std::string> subfolders;
    fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, error), end;
    for (; !error && it != end; it.increment(error)) {
        std::error_code ec;
        if (fs::is_directory(it->symlink_status(ec))) {  // a link to a folder is not followed
            subfolders.push_back(it->path().filename().string());
        } else if (it->is_regular_file(ec) && it->path().extension() == ".xml") {
            append(f, store(it->path().filename().string()));
        }
    }
    if (error) return false;
    const auto by_name = [&](std::uint32_t a, std::uint32_t b) { return name(a) < name(b); };
    std::sort(entries_.begin() + std::ptrdiff_t(first), entries_.end(), by_name);  // all of folder f
    if (subfolders.empty()) return true;
    std::sort(subfolders.begin(), subfolders.end());
    const std::vector<std::uint32_t> files(entries_.begin() + std::ptrdiff_t(first), entries_.end());
    truncate(first);
    auto next = files.begin();
    for (const std::string& sub : subfolders) {
        for (; next != files.end() && name(*next) < sub; ++next) append(f, *next);
        if (!add_folder(folder / sub, error)) return false;
    }
    for (; next != files.end(); ++next) append(f, *next);
    return true;
}

Discovered discover(const std::vector<std::string>& args) {
    Discovered out;
    for (const std::string& arg : args) {
        std::error_code ec;
        if (!fs::is_directory(arg, ec)) out.files.add_file(arg);  // the loader reports a missing or unreadable file
        else if (!out.files.add_folder(arg, ec)) out.problems.push_back(arg + ": cannot read the folder: " + ec.message());
    }
    return out;
}

}  // namespace barnetslov::cli
