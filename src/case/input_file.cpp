#include "case/input_file.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace barnetslov::detail {

namespace {

struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
};

LoadResult failure(const std::string& source, std::string message) {
    InputError e{source, {}, std::move(message)};
    e.code = input_error_code::io;
    return LoadResult{nullptr, {std::move(e)}};
}

// Opens `path` for reading, or says why not. Without blocking, so that a FIFO is refused as not a
// regular file instead of waited on.
std::optional<LoadResult> open_regular(const std::filesystem::path& path, const std::string& source, int& fd, struct stat& st) {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR) return failure(source, "cannot open the file: it does not exist");
        return failure(source, std::string("cannot open the file: ") + std::strerror(errno));
    }
    if (::fstat(fd, &st) != 0) return failure(source, std::string("cannot read the file size: ") + std::strerror(errno));
    if (!S_ISREG(st.st_mode)) return failure(source, "cannot read: not a regular file");
    return std::nullopt;
}

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

LoadResult too_big(std::string source, std::uintmax_t size, const Limits& limits) {
    InputError e{std::move(source), {}, fmt::format("file of {} bytes exceeds the limit of {} bytes", size, limits.max_file_bytes)};
    e.code = input_error_code::limit;
    return {nullptr, {std::move(e)}};
}

// open, fstat, read, close: a batch reads tens of thousands of small files, and the system calls
// of std::filesystem::status, file_size and stdio were a third of its time.
std::optional<LoadResult> read_case_file(const std::filesystem::path& path, const std::string& source, const Limits& limits,
                                         std::string& content) {
    int fd = -1;
    struct stat st {};
    auto problem = open_regular(path, source, fd, st);
    const Closer closer{fd};
    if (problem) return problem;
    const auto size = static_cast<std::uintmax_t>(st.st_size);
    if (size > limits.max_file_bytes) return too_big(source, size, limits);
    content.assign(static_cast<std::size_t>(size), '\0');
    if (!read_all(fd, 0, content)) return failure(source, "cannot read the whole file");
    return std::nullopt;
}

std::optional<LoadResult> read_file_range(const std::filesystem::path& path, const std::string& source, std::uint64_t offset,
                                          std::uint64_t size, std::string& content) {
    int fd = -1;
    struct stat st {};
    auto problem = open_regular(path, source, fd, st);
    const Closer closer{fd};
    if (problem) return problem;
    if (offset + size > static_cast<std::uint64_t>(st.st_size)) return failure(source, "cannot read the line: the file has become shorter");
    content.assign(static_cast<std::size_t>(size), '\0');
    if (!read_all(fd, offset, content)) return failure(source, "cannot read the whole line");
    return std::nullopt;
}

}  // namespace barnetslov::detail
