// A vector that keeps its first N elements inside itself and goes to the heap only past them:
// Finding::events, where nearly every finding names two to four events and an allocation per
// finding was a third of evaluating a typical case (bench/ANALYSIS.md). Only what a finding
// needs: elements that are trivially copyable (copied with memcpy, never destroyed one by one),
// appended at the end, read by index or iteration. Standard library only, so that a public
// header ties a Finding's layout to no third-party version.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace barnetslov {

template <class T, std::size_t N>
class InlineVector {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>,
                  "InlineVector copies its elements with memcpy");
    static_assert(N > 0 && N < 0xFFFFFFFFu);

public:
    using value_type = T;
    using size_type = std::size_t;
    using reference = T&;
    using const_reference = const T&;
    using iterator = T*;
    using const_iterator = const T*;

    InlineVector() noexcept {}
    InlineVector(std::initializer_list<T> items) { assign(items.begin(), items.size()); }
    InlineVector(const InlineVector& other) { assign(other.data(), other.size_); }
    InlineVector(InlineVector&& other) noexcept { take(other); }
    InlineVector& operator=(const InlineVector& other) {
        if (this != &other) {
            size_ = 0;
            assign(other.data(), other.size_);
        }
        return *this;
    }
    InlineVector& operator=(InlineVector&& other) noexcept {
        if (this != &other) {
            release();
            take(other);
        }
        return *this;
    }
    ~InlineVector() { release(); }

    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
    [[nodiscard]] std::size_t capacity() const noexcept { return capacity_; }
    // Whether the elements are still inside the object (no allocation made).
    [[nodiscard]] bool is_inline() const noexcept { return capacity_ == N; }
    [[nodiscard]] static constexpr std::size_t inline_capacity() noexcept { return N; }

    [[nodiscard]] T* data() noexcept { return is_inline() ? inline_ : heap_; }
    [[nodiscard]] const T* data() const noexcept { return is_inline() ? inline_ : heap_; }
    [[nodiscard]] T* begin() noexcept { return data(); }
    [[nodiscard]] T* end() noexcept { return data() + size_; }
    [[nodiscard]] const T* begin() const noexcept { return data(); }
    [[nodiscard]] const T* end() const noexcept { return data() + size_; }

    // Unchecked, as std::vector's: `i` < size().
    [[nodiscard]] T& operator[](std::size_t i) noexcept { return data()[i]; }
    [[nodiscard]] const T& operator[](std::size_t i) const noexcept { return data()[i]; }
    // Checked: throws std::out_of_range when `i` >= size().
    [[nodiscard]] const T& at(std::size_t i) const {
        if (i >= size_) throw std::out_of_range("barnetslov::InlineVector::at: index past the end");
        return data()[i];
    }
    [[nodiscard]] T& front() noexcept { return data()[0]; }
    [[nodiscard]] const T& front() const noexcept { return data()[0]; }
    [[nodiscard]] T& back() noexcept { return data()[size_ - 1]; }
    [[nodiscard]] const T& back() const noexcept { return data()[size_ - 1]; }

    void push_back(const T& value) {
        if (size_ == capacity_) grow(static_cast<std::size_t>(capacity_) * 2);
        data()[size_++] = value;
    }
    template <class... Args>
    T& emplace_back(Args&&... args) {
        push_back(T{std::forward<Args>(args)...});
        return back();
    }
    void pop_back() noexcept { --size_; }
    void clear() noexcept { size_ = 0; }
    void reserve(std::size_t n) {
        if (n > capacity_) grow(n);
    }

    friend bool operator==(const InlineVector& a, const InlineVector& b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end());
    }

private:
    void assign(const T* from, std::size_t n) {
        reserve(n);
        if (n) std::memcpy(static_cast<void*>(data()), from, n * sizeof(T));
        size_ = static_cast<std::uint32_t>(n);
    }
    void grow(std::size_t n) {
        if (n > 0xFFFFFFFFu) throw std::length_error("barnetslov::InlineVector: too many elements");
        T* bigger = std::allocator<T>().allocate(n);
        if (size_) std::memcpy(static_cast<void*>(bigger), data(), size_ * sizeof(T));
        release();
        heap_ = bigger;
        capacity_ = static_cast<std::uint32_t>(n);
    }
    void release() noexcept {
        if (!is_inline()) std::allocator<T>().deallocate(heap_, capacity_);
        capacity_ = N;
    }
    // Leaves `other` empty and inline.
    void take(InlineVector& other) noexcept {
        if (other.is_inline()) {
            // A small inline buffer is copied whole, with a size known when compiling (a few vector moves),
            // where a call of memcpy for the elements in use was most of moving a Finding.
            if constexpr (sizeof(inline_) <= 64) std::memcpy(static_cast<void*>(inline_), other.inline_, sizeof(inline_));
            else if (other.size_) std::memcpy(static_cast<void*>(inline_), other.inline_, other.size_ * sizeof(T));
        } else {
            heap_ = other.heap_;
            capacity_ = other.capacity_;
            other.capacity_ = N;
        }
        size_ = other.size_;
        other.size_ = 0;
    }

    std::uint32_t size_ = 0;
    std::uint32_t capacity_ = N;  // N: the elements are in inline_; more: in heap_
    union {
        T inline_[N];
        T* heap_;
    };
};

}  // namespace barnetslov
