// A cursor over a fuzzer's bytes, shared by the harnesses. libFuzzer's FuzzedDataProvider would
// do, but it ships with clang only and the harnesses must also build with GCC (replay_main.cpp).
// Reads past the end give zeros, so every input, even an empty one, is a valid program.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace fuzz {

class Input {
public:
    Input(const std::uint8_t* data, std::size_t size) : p_(data), n_(size) {}

    [[nodiscard]] bool empty() const { return i_ >= n_; }
    std::uint8_t byte() { return i_ < n_ ? p_[i_++] : 0; }
    std::uint32_t u32() {
        std::uint32_t v = 0;
        for (int k = 0; k < 4; ++k) v = (v << 8) | byte();
        return v;
    }
    std::int64_t i64() {
        std::uint64_t v = 0;
        for (int k = 0; k < 8; ++k) v = (v << 8) | byte();
        return static_cast<std::int64_t>(v);
    }
    // A value in [lo, hi] (inclusive; hi - lo < 2^32).
    std::int64_t range(std::int64_t lo, std::int64_t hi) {
        const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
        return lo + static_cast<std::int64_t>(u32() % span);
    }
    // Up to `max` raw bytes, length first.
    std::string bytes(std::size_t max) {
        std::size_t len = byte();
        if (len > max) len %= max + 1;
        std::string s;
        while (len-- > 0 && !empty()) s += static_cast<char>(byte());
        return s;
    }
    // Everything that is left.
    std::string_view rest() {
        const std::string_view s(reinterpret_cast<const char*>(p_ + i_), n_ - i_);
        i_ = n_;
        return s;
    }
    // One of a dictionary's words, or (for the value 255) raw bytes.
    template <std::size_t N>
    std::string pick(const char* const (&words)[N]) {
        const std::uint8_t b = byte();
        if (b == 255) return bytes(64);
        return words[b % N];
    }

private:
    const std::uint8_t* p_;
    std::size_t n_;
    std::size_t i_ = 0;
};

// An invariant a harness checks: a violation is a crash the fuzzer keeps, not a silent pass.
[[noreturn]] inline void violated(const char* what, const char* file, int line) {
    std::fprintf(stderr, "%s:%d: invariant violated: %s\n", file, line, what);
    std::abort();
}

}  // namespace fuzz

#define FUZZ_CHECK(cond) \
    do { \
        if (!(cond)) ::fuzz::violated(#cond, __FILE__, __LINE__); \
    } while (0)
