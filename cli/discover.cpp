#include "discover.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <system_error>

#include <fmt/format.h>

namespace barnetslov::cli {

namespace fs = std::filesystem;

std::string FileList::path(std::size_t i) const {
    const auto run = std::upper_bound(runs_.begin(), runs_.end(), i, [](std::size_t x, const auto& r) { return x < r.first; }) - 1;
    std::string out = folders_[run->second];
    out += name(entries_[i].name);
    return out;
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

// A case file's name for `forms`: .xml, .json or .jsonl in any letter case (.XML, .Json). A name
// that is only ".xml" has no extension (a hidden file), as std::filesystem sees it.
bool is_case_file_name(const fs::path& name, InputForms forms) {
    std::string ext = name.extension().string();
    for (char& c : ext) c = c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
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

// Why a folder entry is not walked and not checked, or "" when it is either.
std::string skip_reason(const fs::directory_entry& entry, fs::file_type& type) {
    std::error_code ec;
    const fs::file_status own = entry.symlink_status(ec);
    type = own.type();
    if (ec && type != fs::file_type::not_found) return "skipped, cannot tell what it is: " + ec.message();
    if (type == fs::file_type::not_found) return "skipped, removed while its folder was read";
    if (type == fs::file_type::directory || type == fs::file_type::regular) return "";
    if (type != fs::file_type::symlink) return "skipped, " + kind(type);
    const fs::file_status target = entry.status(ec);
    type = target.type();
    if (type == fs::file_type::not_found) return "skipped, a broken symbolic link (its target does not exist)";
    if (ec) return "skipped, a symbolic link that cannot be followed: " + ec.message();
    if (type == fs::file_type::directory) return "skipped, a symbolic link to a folder (not followed)";
    if (type == fs::file_type::regular) return "";
    return "skipped, a symbolic link to " + kind(type);
}

}  // namespace

// The folder's case files, subfolders and skipped entries, each in name order, merged, depth
// first. That is the order of sorting every path below the folder component by component: a
// subfolder's whole subtree sorts where its name sorts among its siblings. The names are stored
// as they come; only the folder's entries are set aside while its subfolders are walked.
void FileList::add_folder(const fs::path& folder, InputForms forms, std::vector<Skipped>& skipped) {
    std::error_code error;
    fs::directory_iterator it(folder, error), end;
    if (error) {
        skipped.push_back({folder.string(), "skipped, cannot read the folder: " + error.message()});
        return;
    }
    const std::string prefix = (folder / "").string();
    const std::uint32_t f = this->folder(prefix);
    const std::size_t first = entries_.size();
    std::vector<std::string> subfolders;
    std::vector<Skipped> odd;  // name (not yet the path) and why
    for (; !error && it != end; it.increment(error)) {
        std::string name = it->path().filename().string();
        fs::file_type type{};
        if (std::string why = skip_reason(*it, type); !why.empty()) odd.push_back({std::move(name), std::move(why)});
        else if (type == fs::file_type::directory) subfolders.push_back(std::move(name));  // a real folder, not a link to one
        else if (!is_case_file_name(name, forms)) continue;
        else if (case_file_form(name) != CaseFileForm::json_lines) append(f, {store(name), whole});
        // Its lines now, in file order (the sort below keeps them so); why it has none as the others skipped.
        else if (std::vector<Skipped> none; !add_lines(folder / name, f, store(name), name, none)) odd.push_back(std::move(none.front()));
    }
    if (error) skipped.push_back({folder.string(), "skipped the rest of the folder, cannot read it: " + error.message()});
    const auto by_name = [&](const Entry& a, const Entry& b) { return name(a.name) < name(b.name); };
    std::stable_sort(entries_.begin() + std::ptrdiff_t(first), entries_.end(), by_name);  // all of folder f
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
