// Expanding the CLI's FILE|DIR arguments into case files, in a stable order.
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace barnetslov::cli {

// An input that is not checked: a path spelled as FileList::path spells files, and why.
struct Skipped {
    std::string path;
    std::string reason;  // "cannot read the folder: Permission denied", "a FIFO (named pipe), not a case file"
};

// The case files of a batch, kept for the whole run. A batch of 100,000 files should not cost
// 100,000 std::strings (about 100 bytes each with their heap blocks): each folder's path is kept
// once, and each file's name in fixed blocks, about 20 bytes a file. Nothing is ever copied to
// grow (a doubling vector briefly holds both copies, 1.5 times the list at the peak).
class FileList {
public:
    [[nodiscard]] std::size_t size() const { return entries_.size(); }
    [[nodiscard]] bool empty() const { return entries_.empty(); }
    // The path as the caller spelled it: a file argument as given, a found file as its folder
    // argument joined with the names below it (what std::filesystem's iterators would print).
    [[nodiscard]] std::string path(std::size_t i) const;

    // A file argument, taken as given.
    void add_file(std::string_view path);
    // Every case file below `folder`, recursively: a regular file, or a symbolic link to one,
    // whose name ends in .xml in any letter case (.xml, .XML, .Xml). In the order of their paths
    // compared component by component (std::filesystem::path's order). What is neither a case
    // file, another regular file nor a folder is appended to `skipped`, with why, in the same
    // order: a folder that cannot be read (the walk goes on beside it), a symbolic link to a
    // folder (not followed), a broken symbolic link, a FIFO, a socket, a device file.
    void add_folder(const std::filesystem::path& folder, std::vector<Skipped>& skipped);

private:
    static constexpr std::size_t block_size = std::size_t{1} << 16;
    // A file is the id of its name (block << 16 | offset of the 0-terminated name); its folder is
    // that of the run of files it is in, so that a file costs 4 bytes besides its name.
    [[nodiscard]] std::string_view name(std::uint32_t id) const { return blocks_[id >> 16].get() + (id & 0xFFFF); }
    std::uint32_t folder(std::string path);
    std::uint32_t store(std::string_view name);
    void append(std::uint32_t folder, std::uint32_t name);
    void truncate(std::size_t files);

    std::vector<std::string> folders_;  // a folder ending in a separator, or a file argument whole
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::size_t used_ = block_size;     // bytes used in the last block
    std::deque<std::uint32_t> entries_;  // name ids, in batch order
    std::vector<std::pair<std::size_t, std::uint32_t>> runs_;  // (first file, folder), by first file
};

struct Discovered {
    FileList files;                // case files, in argument order, folders sorted
    std::vector<Skipped> problems; // in argument order, each folder's in the order of its files
};

// A file argument is taken as given (the loader reports a missing or unreadable one); a folder
// contributes every case file below it, sorted (FileList::add_folder), so that output never
// depends on directory order, and what it skipped. A folder argument with no case file below it
// and nothing else to report is a problem too ("no case files"): a batch of nothing is not a pass.
Discovered discover(const std::vector<std::string>& args);

}  // namespace barnetslov::cli
