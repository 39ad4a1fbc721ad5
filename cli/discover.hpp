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
    // Every *.xml below `folder`, recursively, in the order of their paths compared component by
    // component (std::filesystem::path's order). Symbolic links to folders are not followed.
    // False, with `error` set, when a folder cannot be read; the files found before stay.
    bool add_folder(const std::filesystem::path& folder, std::error_code& error);

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
    FileList files;                    // case files, in argument order, folders sorted
    std::vector<std::string> problems; // arguments that could not be read
};

// A file argument is taken as given; a folder contributes every *.xml below it, sorted
// (FileList::add_folder), so that output never depends on directory order.
Discovered discover(const std::vector<std::string>& args);

}  // namespace barnetslov::cli
