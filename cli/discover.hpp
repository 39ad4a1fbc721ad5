// Expanding the CLI's FILE|DIR arguments into case files, in a stable order.
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "barnetslov/loader.hpp"

namespace barnetslov::cli {

// Which case files a folder walk takes (--input): .xml (the default), .json and .jsonl, or all
// three; in any letter case. A file named on the command line is taken whatever its name.
enum class InputForms : std::uint8_t { xml, json, any };

// An input that is not checked: a path spelled as FileList::path spells files, and why.
struct Skipped {
    std::string path;
    std::string reason;  // "cannot read the folder: Permission denied", "a FIFO (named pipe), not a case file"
};

// The inputs of a batch, kept for the whole run: case files, and the lines of JSON Lines files
// (each line a case, an input of its own). A batch of 100,000 files should not cost 100,000
// std::strings (about 100 bytes each with their heap blocks): each folder's path is kept once, and
// each file's name in fixed blocks, about 24 bytes a file (and 24 more for each line of a JSON
// Lines file). Nothing is ever copied to grow (a doubling vector briefly holds both copies, 1.5
// times the list at the peak).
class FileList {
public:
    [[nodiscard]] std::size_t size() const { return entries_.size(); }
    [[nodiscard]] bool empty() const { return entries_.empty(); }
    // The path as the caller spelled it: a file argument as given, a found file as its folder
    // argument joined with the names below it (what std::filesystem's iterators would print).
    [[nodiscard]] std::string path(std::size_t i) const;
    // The path in two parts, joined as path(i) joins them: its folder (ending in a separator) and
    // its name below it; for a file argument, no folder and the path as given. The name is
    // 0-terminated (a view of a stored name).
    [[nodiscard]] std::pair<std::string_view, std::string_view> parts(std::size_t i) const;
    // Input i's line of its JSON Lines file, or none: the input is the whole file.
    [[nodiscard]] const JsonLine* line(std::size_t i) const {
        const std::uint32_t l = entries_[i].line;
        return l == whole ? nullptr : &lines_[l];
    }

    // A file argument, taken as given: its lines if it is a JSON Lines file (.jsonl), else the
    // file; what makes a JSON Lines file unreadable is appended to `skipped`.
    void add_file(std::string_view path, std::vector<Skipped>& skipped);
    // Every case file below `folder`, recursively: a regular file, or a symbolic link to one,
    // whose name ends as `forms` says, in any letter case (.xml, .XML, .Xml). In the order of
    // their paths compared component by component (std::filesystem::path's order); a JSON Lines
    // file's lines in file order. What is neither a case file, another regular file nor a folder
    // is appended to `skipped`, with why, in the same order: a folder that cannot be read (the walk
    // goes on beside it), a symbolic link to a folder (not followed), a broken symbolic link, a
    // FIFO, a socket, a device file; and a JSON Lines file that cannot be read or holds no case.
    void add_folder(const std::filesystem::path& folder, InputForms forms, std::vector<Skipped>& skipped);

private:
    static constexpr std::size_t block_size = std::size_t{1} << 16;
    static constexpr std::uint32_t whole = 0xFFFFFFFF;
    // An input is the id of its file's name (block << 16 | offset of the 0-terminated name) and
    // its line (an index into lines_, or `whole`); its folder is that of the run of inputs it is
    // in, so that an input costs 8 bytes besides its name.
    struct Entry {
        std::uint32_t name;
        std::uint32_t line;
    };
    [[nodiscard]] std::string_view name(std::uint32_t id) const { return blocks_[id >> 16].get() + (id & 0xFFFF); }
    std::uint32_t folder(std::string path);
    std::uint32_t store(std::string_view name);
    void append(std::uint32_t folder, Entry entry);
    // The lines of the JSON Lines file at `path` as entries of `name`; false when it has none (why
    // appended to `skipped`, as `shown` spells the path).
    bool add_lines(const std::filesystem::path& path, std::uint32_t folder, std::uint32_t name, const std::string& shown,
                   std::vector<Skipped>& skipped);
    void truncate(std::size_t files);
    // Sorts the entries from `first` on by name, stably.
    void sort_by_name(std::size_t first);

    std::vector<std::string> folders_;  // a folder ending in a separator, or a file argument whole
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::size_t used_ = block_size;     // bytes used in the last block
    std::deque<Entry> entries_;         // in batch order
    std::vector<JsonLine> lines_;       // of JSON Lines files, as entries name them
    std::vector<std::pair<std::size_t, std::uint32_t>> runs_;  // (first file, folder), by first file
};

struct Discovered {
    FileList files;                // case files, in argument order, folders sorted
    std::vector<Skipped> problems; // in argument order, each folder's in the order of its files
};

// A file argument is taken as given (the loader reports a missing or unreadable one; a JSON Lines
// file is read now, for its lines); a folder contributes every case file below it that `forms`
// takes, sorted (FileList::add_folder), so that output never depends on directory order, and
// what it skipped. A folder argument with no case file below it and nothing else to report is a
// problem too ("no case files"): a batch of nothing is not a pass.
Discovered discover(const std::vector<std::string>& args, InputForms forms = InputForms::xml);

}  // namespace barnetslov::cli
