#include "case/input_file.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace barnetslov::detail {

namespace {

// Reads content.size() bytes from `offset` (pread: the same file may be read at many offsets).
bool read_all(int fd, std::uint64_t offset, std::string& content) {
    std::size_t got = 0;
    while (got < content.size()) {
        const ssize_t n = ::pread(fd, content.data() + got, content.size() - got, static_cast<off_t>(offset + got));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    return got == content.size();
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

std::optional<LoadResult> open_case_file(const std::filesystem::path& path, const std::string& source, OpenFile& file) {
    file.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (file.fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR) return read_failure(source, "cannot open the file: it does not exist");
        return read_failure(source, std::string("cannot open the file: ") + std::strerror(errno));
    }
    struct stat st {};
    if (::fstat(file.fd, &st) != 0) return read_failure(source, std::string("cannot read the file size: ") + std::strerror(errno));
    if (!S_ISREG(st.st_mode)) return read_failure(source, "cannot read: not a regular file");
    file.size = static_cast<std::uint64_t>(st.st_size);
    return std::nullopt;
}

LoadResult too_big(std::string source, std::uintmax_t size, const Limits& limits) {
    InputError e{std::move(source), {}, fmt::format("file of {} bytes exceeds the limit of {} bytes", size, limits.max_file_bytes)};
    e.code = input_error_code::limit;
    return {nullptr, {std::move(e)}};
}

// open, fstat, read, close: a batch reads tens of thousands of small files, and the system calls
// of std::filesystem::status, file_size and stdio were a third of its time.
std::optional<LoadResult> read_case_file(const std::filesystem::path& path, const std::string& source, const Limits& limits,
                                         std::string& content) {
    OpenFile file;
    if (auto problem = open_case_file(path, source, file)) return problem;
    if (file.size > limits.max_file_bytes) return too_big(source, file.size, limits);
    content.assign(static_cast<std::size_t>(file.size), '\0');
    if (!read_all(file.fd, 0, content)) return read_failure(source, "cannot read the whole file");
    return std::nullopt;
}

std::optional<LoadResult> read_file_range(const std::filesystem::path& path, const std::string& source, std::uint64_t offset,
                                          std::uint64_t size, std::string& content) {
    OpenFile file;
    if (auto problem = open_case_file(path, source, file)) return problem;
    if (offset + size > file.size) return read_failure(source, "cannot read the line: the file has become shorter");
    content.assign(static_cast<std::size_t>(size), '\0');
    if (!read_all(file.fd, offset, content)) return read_failure(source, "cannot read the whole line");
    return std::nullopt;
}

}  // namespace barnetslov::detail
