// Loading many case files one after another, at the floor of the system calls: for a caller that
// checks a folder of thousands of small files (the CLI's batch), where the kernel's share of the
// work is a large part of the whole (bench/ANALYSIS.md, issue 20).
#pragma once

#include <string>
#include <string_view>

#include "barnetslov/loader.hpp"

namespace barnetslov {

// Loads case files as load_case_file and load_case_json_file do, with the same results and the
// same messages, in four system calls a file: openat relative to the file's folder (kept open
// from one file to the next in the same folder, so the kernel does not walk the folder's path
// again), fstat, read into a buffer kept from file to file, close. One a thread: not thread-safe.
class CaseFileReader {
public:
    CaseFileReader() = default;
    CaseFileReader(const CaseFileReader&) = delete;
    CaseFileReader& operator=(const CaseFileReader&) = delete;
    ~CaseFileReader();

    // The file `name` in `folder`: a folder's path ending in a separator ("cases/2024/"), the
    // file's path being the two joined, as messages show it. An empty `folder`: `name` is the
    // file's path, opened as given. XML, or JSON when `json`.
    [[nodiscard]] LoadResult load(std::string_view folder, std::string_view name, bool json, const Calendar& calendar,
                                  const Limits& limits = {});

private:
    // The folder open as dir_ (opened if it is another), or -1 when it cannot be opened: the
    // file is then opened by its whole path, to report what that gives.
    int open_folder(std::string_view folder);

    std::string buffer_;  // the last file's bytes; its capacity kept
    std::string path_;    // folder + name of the file being read
    std::string folder_;  // the folder open as dir_
    int dir_ = -1;
};

}  // namespace barnetslov
