// The case builder's text, appended a value at a time: the fields' text (caseworkers, refs to
// parties and goals, free text) and the ids events' refs name.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

#include "case/name_index.hpp"

namespace barnetslov::detail {

// A std::string whose size is the room made for text (zeroed once), with the part in use counted apart: a value of
// up to 16 bytes is copied by two overlapping loads and stores, where std::string::append was a
// call and a call to memcpy, ~65 instructions a value and ~67 values a generated file (issue 20,
// session 32). The block (its std::string) goes to the case as it is, cut to the part in use.
class TextBlock {
public:
    TextBlock() = default;
    // A moved-from block is empty, not a count of bytes in use over a string that has gone.
    TextBlock(TextBlock&& other) noexcept : block_(std::move(other.block_)), used_(std::exchange(other.used_, 0)) {}
    TextBlock& operator=(TextBlock&& other) noexcept {
        block_ = std::move(other.block_);
        used_ = std::exchange(other.used_, 0);
        return *this;
    }
    TextBlock(const TextBlock&) = default;
    TextBlock& operator=(const TextBlock&) = default;

    [[nodiscard]] std::size_t size() const noexcept { return used_; }
    [[nodiscard]] bool empty() const noexcept { return used_ == 0; }
    [[nodiscard]] std::size_t capacity() const noexcept { return block_.capacity(); }
    [[nodiscard]] const char* data() const noexcept { return block_.data(); }
    [[nodiscard]] std::string_view view() const noexcept { return {block_.data(), used_}; }

    // Whether append() copies `n` bytes in place, without a call: for a caller that must make none.
    [[nodiscard]] bool fits(std::size_t n) const noexcept { return n <= 16 && block_.size() - used_ >= n; }
    [[gnu::always_inline]] void append(std::string_view v) {
        if (!fits(v.size())) [[unlikely]] {
            append_long(v);
            return;
        }
        append_fitting(v);
    }
    // append() of a `v` that fits (for a caller that tested it before stores GCC could not tell apart).
    [[gnu::always_inline]] void append_fitting(std::string_view v) noexcept {
        const std::size_t n = v.size();
        char* to = block_.data() + used_;
        const char* p = v.data();
        used_ += n;
        if (n >= 8) {
            const std::uint64_t a = load8(p), b = load8(p + n - 8);
            std::memcpy(to, &a, 8);
            std::memcpy(to + n - 8, &b, 8);
        } else if (n >= 4) {
            const std::uint32_t a = load4(p), b = load4(p + n - 4);
            std::memcpy(to, &a, 4);
            std::memcpy(to + n - 4, &b, 4);
        } else if (n >= 2) {
            const std::uint16_t a = load2(p), b = load2(p + n - 2);
            std::memcpy(to, &a, 2);
            std::memcpy(to + n - 2, &b, 2);
        } else if (n == 1) {
            *to = *p;
        }
    }
    void push_back(char c) {
        if (used_ == block_.size()) [[unlikely]] grow(1);
        block_[used_++] = c;
    }
    void assign(std::string_view v) {
        used_ = 0;
        append(v);
    }
    // Back to the first `n` bytes (n <= size()).
    void truncate(std::size_t n) noexcept { used_ = n; }
    void clear() noexcept { used_ = 0; }
    // Room for `n` bytes in all (the room is zeroed: filled as needed, not the whole capacity).
    void reserve(std::size_t n) {
        if (n > block_.size()) block_.resize(n);
    }
    // Takes `kept` (an empty block left by an earlier case) where it is larger than this one, which
    // must be empty; this one's block is left there, emptied.
    void take_larger(std::string& kept) {
        if (kept.capacity() <= block_.capacity()) return;
        std::swap(kept, block_);
        kept.clear();
        used_ = 0;
    }
    // The text in use as a std::string (this block, cut to it); this one is left empty.
    [[nodiscard]] std::string take() {
        block_.resize(used_);
        used_ = 0;
        return std::move(block_);
    }

private:
    [[gnu::noinline]] void append_long(std::string_view v) {
        if (block_.size() - used_ < v.size()) {
            // A view into this block would not outlive its growth: copied first, as std::string::append does.
            if (!v.empty() && v.data() >= block_.data() && v.data() < block_.data() + block_.size()) {
                const std::string own(v);
                grow(own.size());
                std::memcpy(block_.data() + used_, own.data(), own.size());
                used_ += own.size();
                return;
            }
            grow(v.size());
        }
        if (!v.empty()) std::memcpy(block_.data() + used_, v.data(), v.size());
        used_ += v.size();
    }
    // Room for `more` bytes after those in use, at least doubling the room.
    void grow(std::size_t more) { block_.resize(std::max(used_ + more, 2 * block_.size())); }

    std::string block_;
    std::size_t used_ = 0;
};

}  // namespace barnetslov::detail
