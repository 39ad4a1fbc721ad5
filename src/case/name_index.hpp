// Names to enumerators (vocabulary.cpp's element, attribute and value lookups, and the case
// builder's own copy of the attribute index, kept beside its type table so that the lookup inlines),
// and the byte compare they and the builder's id table share.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <optional>
#include <string_view>
#include <vector>

namespace barnetslov::detail {

// Unaligned loads (a memcpy of a fixed size is one instruction).
inline std::uint64_t load8(const char* p) noexcept {
    std::uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline std::uint16_t load2(const char* p) noexcept {
    std::uint16_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline std::uint32_t load4(const char* p) noexcept {
    std::uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

// Equal bytes, `n` of them: two overlapping loads from each end instead of a call to memcmp,
// which for names and ids of 2 to 30 bytes cost more than the rest of a lookup (issue 20), and a
// third load up to 24 bytes, so that a caller that has ruled out longer texts makes no call (the
// case builder's event attributes). Shared by NameIndex, the case builder's enumerated values
// and its id table.
[[gnu::always_inline]] inline bool same_bytes(const char* a, const char* b, std::size_t n) noexcept {
    if (n >= 8)
        return load8(a) == load8(b) && load8(a + n - 8) == load8(b + n - 8) &&
               (n <= 16 || (n <= 24 ? load8(a + 8) == load8(b + 8) : std::memcmp(a + 8, b + 8, n - 16) == 0));
    if (n >= 4) return load4(a) == load4(b) && load4(a + n - 4) == load4(b + n - 4);
    // "id", "at", "ref": two overlapping loads, where a byte loop was ~8 instructions a name.
    if (n >= 2) return load2(a) == load2(b) && load2(a + n - 2) == load2(b + n - 2);
    return n == 0 || a[0] == b[0];
}

// Names to enumerators through a hash table built once: the loader looks up every element,
// attribute and enumerated value it reads, and a linear scan of 100-odd names was 3 % of a
// batch (bench/ANALYSIS.md). Open addressing in a table at most a quarter full, the hash of the
// length and a word of the name's bytes (the vocabulary's names are short; slot()): a lookup is a
// few instructions and one compare, where std::unordered_map's was ~140 instructions a name (issue 20).
template <class Enum>
class NameIndex {
public:
    template <class Names>
    explicit NameIndex(const Names& names) {
        std::size_t size = 16;
        unsigned bits = 4;
        while (size < 4 * std::size(names)) size *= 2, ++bits;
        slots_.assign(size, Slot{});
        mask_ = size - 1;
        shift_ = 64 - bits;
        std::size_t i = 0;
        for (const std::string_view n : names) {
            std::size_t k = slot(n);
            while (slots_[k].used && slots_[k].name != n) k = (k + 1) & mask_;
            if (!slots_[k].used) slots_[k] = {n, static_cast<Enum>(i), true};  // the first of equal names wins
            ++i;
        }
    }
    [[nodiscard, gnu::always_inline]] std::optional<Enum> find(std::string_view name) const {
        for (std::size_t k = slot(name);; k = (k + 1) & mask_) {
            const Slot& s = slots_[k];
            if (!s.used) return std::nullopt;
            if (s.name.size() == name.size() && same_bytes(s.name.data(), name.data(), name.size())) return s.value;
        }
    }

private:
    struct Slot {
        std::string_view name;
        Enum value{};
        bool used = false;
    };
    // The first slot of `s`: its first and last four bytes (all of a name of up to 8; of a
    // shorter one its first and last two, or its one byte) and its length, multiplied once
    // (Fibonacci hashing, the top bits), as the builder's id table does; the length and three
    // bytes each multiplied were ~25 of a lookup's ~45 instructions (issue 20, session 30).
    [[nodiscard, gnu::always_inline]] std::size_t slot(std::string_view s) const noexcept {
        const char* p = s.data();
        const std::size_t n = s.size();
        std::uint64_t w;
        if (n >= 4) w = load4(p) | std::uint64_t{load4(p + n - 4)} << 32;
        else if (n >= 2) w = load2(p) | std::uint64_t{load2(p + n - 2)} << 16;  // "id", "at", "ref"
        else w = n == 0 ? 0 : static_cast<unsigned char>(p[0]);
        return static_cast<std::size_t>(((w ^ std::uint64_t{n} << 56) * 0x9E3779B97F4A7C15u) >> shift_);
    }
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    unsigned shift_ = 60;
};

}  // namespace barnetslov::detail
