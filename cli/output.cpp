#include "output.hpp"

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "barnetslov/echo.hpp"

namespace barnetslov::cli {

namespace {

// The temporary file of the one report a process writes, for a signal handler to remove: a
// report interrupted by Ctrl-C (or a closed terminal, or kill) leaves no stray file beside its
// target. The handler only calls unlink, which is async-signal-safe.
char pending_temporary[PATH_MAX + 1];
volatile std::sig_atomic_t pending = 0;

extern "C" void remove_pending_and_die(int sig) {
    if (pending) ::unlink(pending_temporary);
    // SA_RESETHAND restored the default action: the signal, raised again, ends the process as
    // it would have without this handler (exit status and core dump alike).
    ::raise(sig);
}

void arm(const std::string& path) {
    if (path.size() > PATH_MAX) return;  // open() would have refused it already
    std::memcpy(pending_temporary, path.c_str(), path.size() + 1);
    pending = 1;
    for (const int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE}) {
        struct sigaction old {};
        if (::sigaction(sig, nullptr, &old) != 0 || old.sa_handler != SIG_DFL) continue;  // ignored or handled: left so
        struct sigaction sa {};
        sa.sa_handler = remove_pending_and_die;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESETHAND;
        ::sigaction(sig, &sa, nullptr);
    }
}

void disarm() { pending = 0; }

std::string reason(int err) { return std::generic_category().message(err); }

// All of `s` to `fd`, retrying what a signal interrupted; 0 or the error.
int write_all(int fd, std::string_view s) {
    while (!s.empty()) {
        const ssize_t n = ::write(fd, s.data(), s.size());
        if (n >= 0) s.remove_prefix(static_cast<std::size_t>(n));
        else if (errno != EINTR) return errno;
    }
    return 0;
}

int print_errno = 0;

}  // namespace

ReportOutput::~ReportOutput() {
    if (!shown_.empty() && fd_ >= 0) ::close(fd_);
    remove_temporary();
}

void ReportOutput::fail(int err, std::string what) {
    if (errno_ != 0) return;  // the first failure is the one to report
    errno_ = err;
    what_ = std::move(what);
}

void ReportOutput::remove_temporary() {
    if (temporary_.empty()) return;
    disarm();
    ::unlink(temporary_.c_str());
    temporary_.clear();
}

bool ReportOutput::open(const std::string& path) {
    shown_ = path;
    fd_ = -1;
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        if (!S_ISREG(st.st_mode)) {
            // /dev/null, /dev/full, a FIFO, a terminal: nothing to replace, and no folder to put a
            // temporary file in (a file beside /dev/null would be a file in /dev). Written in place.
            fd_ = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
            if (fd_ < 0) fail(errno, "");
            return fd_ >= 0;
        }
        // A symbolic link to the report stays a link: the file it names is the one replaced.
        if (char* real = ::realpath(path.c_str(), nullptr)) {
            target_ = real;
            std::free(real);
        } else {
            target_ = path;
        }
    } else if (errno == ENOENT) {
        target_ = path;  // a new file (or a folder that is missing: creating the temporary file says so)
    } else {
        fail(errno, "");
        return false;
    }
    const std::filesystem::path target(target_);
    const std::filesystem::path folder = target.parent_path();
    // ".NAME.tmp-PID-XXXXXXXX" beside NAME: hidden, and plainly not the report. The name is cut
    // so that the temporary name stays within the 255 bytes a file name may have.
    const std::string name = target.filename().string().substr(0, 200);
    std::uint64_t seed = static_cast<std::uint64_t>(::getpid()) << 32;
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    seed ^= static_cast<std::uint64_t>(now.tv_nsec) * 0x9E3779B97F4A7C15u ^ static_cast<std::uint64_t>(now.tv_sec);
    for (int attempt = 0; attempt < 100; ++attempt) {
        seed = seed * 6364136223846793005u + 1442695040888963407u;
        const std::string candidate =
            (folder / fmt::format(".{}.tmp-{}-{:08x}", name, ::getpid(), static_cast<std::uint32_t>(seed >> 32))).string();
        // 0666 less the umask (and any default ACL of the folder): the permissions of any new file.
        fd_ = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd_ >= 0) {
            temporary_ = candidate;
            arm(temporary_);
            return true;
        }
        if (errno != EEXIST) break;
    }
    fail(errno, "");
    return false;
}

bool ReportOutput::write(std::string_view s) {
    if (errno_ == 0)
        if (const int e = write_all(fd_, s)) fail(e, "");
    return errno_ == 0;
}

bool ReportOutput::commit() {
    if (shown_.empty()) return errno_ == 0;  // standard output: written unbuffered, nothing held back
    if (errno_ == 0 && !temporary_.empty() && ::fsync(fd_) != 0) fail(errno, "flushing it to the disk");
    if (fd_ >= 0) {
        if (::close(fd_) != 0) fail(errno, "closing it");
        fd_ = -1;
    }
    if (errno_ == 0 && !temporary_.empty()) {
        disarm();
        if (::rename(temporary_.c_str(), target_.c_str()) != 0) fail(errno, "renaming the finished report over it");
        else temporary_.clear();
    }
    remove_temporary();
    return errno_ == 0;
}

std::string ReportOutput::error() const {
    if (errno_ == 0) return "";
    return fmt::format("cannot write the report to {}{}: {}", shown_.empty() ? std::string("standard output") : barnetslov::quoted(shown_),
                       what_.empty() ? "" : " (" + what_ + ")", reason(errno_));
}

void print(std::string_view s) {
    if (print_errno == 0) print_errno = write_all(1, s);
}

std::string print_error() { return print_errno == 0 ? "" : "cannot write to standard output: " + reason(print_errno); }

}  // namespace barnetslov::cli
