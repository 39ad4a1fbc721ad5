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
inline std::uint32_t load4(const char* p) noexcept {
    std::uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

// Equal bytes, `n` of them: two overlapping loads from each end instead of a call to memcmp,
// which for names and ids of 2 to 30 bytes cost more than the rest of a lookup (issue 20). Shared
// by NameIndex, the case builder's enumerated values and its id table.
inline bool same_bytes(const char* a, const char* b, std::size_t n) noexcept {
    if (n >= 8) return load8(a) == load8(b) && load8(a + n - 8) == load8(b + n - 8) && (n <= 16 || std::memcmp(a + 8, b + 8, n - 16) == 0);
    if (n >= 4) return load4(a) == load4(b) && load4(a + n - 4) == load4(b + n - 4);
    for (std::size_t i = 0; i < n; ++i)
        if (a[i] != b[i]) return false;
    return true;
}

// Names to enumerators through a hash table built once: the loader looks up every element,
// attribute and enumerated value it reads, and a linear scan of 100-odd names was 3 % of a
// batch (bench/ANALYSIS.md). Open addressing in a table at most a quarter full, the hash of the
// length and three bytes (the vocabulary's names are short): a lookup is a few instructions and
// one compare, where std::unordered_map's was ~140 instructions a name (issue 20).
template <class Enum>
class NameIndex {
public:
    template <class Names>
    explicit NameIndex(const Names& names) {
        std::size_t size = 16;
        while (size < 4 * std::size(names)) size *= 2;
        slots_.assign(size, Slot{});
        mask_ = size - 1;
        std::size_t i = 0;
        for (const std::string_view n : names) {
            std::size_t k = hash(n) & mask_;
            while (slots_[k].used && slots_[k].name != n) k = (k + 1) & mask_;
            if (!slots_[k].used) slots_[k] = {n, static_cast<Enum>(i), true};  // the first of equal names wins
            ++i;
        }
    }
    [[nodiscard]] std::optional<Enum> find(std::string_view name) const {
        for (std::size_t k = hash(name) & mask_;; k = (k + 1) & mask_) {
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
    static std::size_t hash(std::string_view s) noexcept {
        if (s.empty()) return 0;
        const auto byte = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(s[i])); };
        const std::size_t h = s.size() * 0x9E3779B1u ^ byte(0) * 0x85EBCA77u ^ byte(s.size() / 2) * 0xC2B2AE3Du ^ byte(s.size() - 1) * 0x27D4EB2Fu;
        return h ^ (h >> 15);
    }
    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
};

}  // namespace barnetslov::detail
