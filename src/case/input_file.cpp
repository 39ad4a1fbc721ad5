#include "case/input_file.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "barnetslov/echo.hpp"
#include "barnetslov/file_reader.hpp"
#include "xml/lexical.hpp"

namespace barnetslov::detail {

namespace {

// Reads `size` bytes from `offset` into `to` (pread: the same file may be read at many offsets).
bool read_all(int fd, std::uint64_t offset, char* to, std::size_t size) {
    std::size_t got = 0;
    while (got < size) {
        const ssize_t n = ::pread(fd, to + got, size - got, static_cast<off_t>(offset + got));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    return got == size;
}

}  // namespace

OpenFile::~OpenFile() {
    if (fd >= 0) ::close(fd);
}

LoadResult read_failure(const std::string& source, std::string message) {
    InputError e{source, {}, std::move(message)};
    e.code = input_error_code::io;
    return LoadResult{nullptr, {std::move(e)}};
}

namespace {

// Opens `name` relative to the folder open as `dir` (AT_FDCWD: the working folder) and fstats
// it; or the message of the error to report.
std::optional<std::string> open_at(int dir, const char* name, OpenFile& file) {
    file.fd = ::openat(dir, name, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (file.fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR) return "cannot open the file: it does not exist";
        return std::string("cannot open the file: ") + std::strerror(errno);
    }
    struct stat st {};
    if (::fstat(file.fd, &st) != 0) return std::string("cannot read the file size: ") + std::strerror(errno);
    if (!S_ISREG(st.st_mode)) return "cannot read: not a regular file";
    file.size = static_cast<std::uint64_t>(st.st_size);
    return std::nullopt;
}

}  // namespace

std::optional<LoadResult> open_case_file(const std::filesystem::path& path, const std::string& source, OpenFile& file) {
    if (auto problem = open_at(AT_FDCWD, path.c_str(), file)) return read_failure(source, std::move(*problem));
    return std::nullopt;
}

LoadResult too_big(std::string source, std::uintmax_t size, const Limits& limits) {
    InputError e{std::move(source), {}, fmt::format("file of {} bytes exceeds the limit of {} bytes", size, limits.max_file_bytes)};
    e.code = input_error_code::limit;
    return {nullptr, {std::move(e)}};
}

namespace {

// open (relative to the folder open as `dir`), fstat, read, close: a batch reads tens of thousands
// of small files, and the system calls of std::filesystem::status, file_size and stdio were a third
// of its time. `source()` names the file in a message: made only when there is one. The file's
// bytes are content's first `size`, and content holds at least `room` bytes more.
template <class Source>
std::optional<LoadResult> read_whole_file(int dir, const char* name, Source source, const Limits& limits, std::string& content,
                                          std::size_t& size, std::size_t room) {
    OpenFile file;
    if (auto problem = open_at(dir, name, file)) return read_failure(source(), std::move(*problem));
    if (file.size > limits.max_file_bytes) return too_big(source(), file.size, limits);
    size = static_cast<std::size_t>(file.size);
    // Only grown: growing zero-fills, bytes about to be read over.
    if (content.size() < size + room) content.resize(size + room);
    if (!read_all(file.fd, 0, content.data(), size)) return read_failure(source(), "cannot read the whole file");
    return std::nullopt;
}

}  // namespace

std::optional<LoadResult> read_case_file(const std::filesystem::path& path, const std::string& source, const Limits& limits,
                                         std::string& content) {
    std::size_t size = 0;
    auto problem = read_whole_file(AT_FDCWD, path.c_str(), [&] { return source; }, limits, content, size, 0);
    if (!problem) content.resize(size);
    return problem;
}

std::optional<LoadResult> read_case_file_at(int dir, const char* name, std::string_view path, const Limits& limits,
                                            std::string& content, std::size_t& size, std::size_t room) {
    return read_whole_file(dir, name, [&] { return shown_name(path); }, limits, content, size, room);
}

std::optional<LoadResult> read_file_range(const std::filesystem::path& path, const std::string& source, std::uint64_t offset,
                                          std::uint64_t size, std::string& content) {
    OpenFile file;
    if (auto problem = open_case_file(path, source, file)) return problem;
    if (offset + size > file.size) return read_failure(source, "cannot read the line: the file has become shorter");
    content.assign(static_cast<std::size_t>(size), '\0');
    if (!read_all(file.fd, offset, content.data(), content.size())) return read_failure(source, "cannot read the whole line");
    return std::nullopt;
}

}  // namespace barnetslov::detail

namespace barnetslov {

CaseFileReader::~CaseFileReader() {
    if (dir_ >= 0) ::close(dir_);
}

int CaseFileReader::open_folder(std::string_view folder) {
    if (dir_ >= 0 && folder == folder_) return dir_;
    if (dir_ >= 0) ::close(dir_);
    folder_.assign(folder);
#ifdef O_PATH
    constexpr int flags = O_PATH | O_DIRECTORY | O_CLOEXEC;  // only to open files below it
#else
    constexpr int flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC;
#endif
    dir_ = ::open(folder_.c_str(), flags);
    return dir_;
}

LoadResult CaseFileReader::load(std::string_view folder, std::string_view name, bool json, const Calendar& calendar,
                                const Limits& limits) {
    path_.assign(folder);
    path_.append(name);
    int dir = AT_FDCWD;
    const char* at = path_.c_str();
    if (!folder.empty() && !name.empty()) {
        if (const int d = open_folder(folder); d >= 0) {
            dir = d;
            at = path_.c_str() + folder.size();
        }
    }
    // buffer_ is never shrunk, so that a file larger than the last one is no zero-fill of the
    // difference (~0.9 k instructions a file, issue 20, session 33): the file is its first `size`
    // bytes, whatever earlier files left after them.
    std::size_t size = 0;
    if (auto problem = detail::read_case_file_at(dir, at, path_, limits, buffer_, size, xml::scan_padding)) return std::move(*problem);
    const std::string_view bytes(buffer_.data(), size);
    // The loaders show the path as load_case_file does (shown_name; shown twice is shown once).
    if (json) return load_case_json_buffer(bytes, path_, calendar, limits);
    // NULs after the bytes, so that the XML loader reads them here, without a copy of its own
    // (detail::load_case_padded).
    std::memset(buffer_.data() + size, 0, xml::scan_padding);
    return detail::load_case_padded(bytes, path_, calendar, limits);
}

}  // namespace barnetslov
