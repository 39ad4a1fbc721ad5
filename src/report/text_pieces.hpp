// Pieces of a finding's text written through a pointer rather than by std::string appends: the text
// report writes them straight into its lines, describe_into() copies them into a FindingText.
#pragma once

#include <array>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string_view>

#include "barnetslov/case.hpp"
#include "barnetslov/report.hpp"

namespace barnetslov {

class Calendar;

// The longest text put_moment writes: "-5879610-07-11 23:59:59", a LocalDay's farthest year with a time.
inline constexpr std::size_t moment_text_max = 32;

// Up to 32 bytes (most ids, names, words and sentences) copied without a call, as two fixed-size
// copies that may overlap; an empty view's data may be null.
inline char* put(char* p, std::string_view s) {
    const std::size_t n = s.size();
    const char* const q = s.data();
    if (n > 32) {
        std::memcpy(p, q, n);
    } else if (n >= 16) {
        std::memcpy(p, q, 16);
        std::memcpy(p + n - 16, q + n - 16, 16);
    } else if (n >= 8) {
        std::memcpy(p, q, 8);
        std::memcpy(p + n - 8, q + n - 8, 8);
    } else if (n >= 4) {
        std::memcpy(p, q, 4);
        std::memcpy(p + n - 4, q + n - 4, 4);
    } else if (n != 0) {
        p[0] = q[0];
        p[n / 2] = q[n / 2];
        p[n - 1] = q[n - 1];
    }
    return p + n;
}

// Text written through a pointer into a caller's buffer (on its stack), moved to the heap when a
// piece needs more than is left. Each piece asks room() for a bound on what it writes, writes
// through the cursor it gets and hands the end back to set(): some 40 std::string appends a finding,
// each checking the capacity and storing the length and a terminator, were most of the text
// report's own cost.
class TextBuffer {
public:
    TextBuffer(char* local, std::size_t size) : begin_(local), p_(local), end_(local + size) {}
    TextBuffer(const TextBuffer&) = delete;
    TextBuffer& operator=(const TextBuffer&) = delete;

    // The cursor, with at least n bytes of room after it.
    char* room(std::size_t n) {
        if (static_cast<std::size_t>(end_ - p_) < n) grow(n);
#ifndef NDEBUG
        promised_ = p_ + n;
#endif
        return p_;
    }
    // The end of what was written through room()'s cursor, within the room it asked for.
    void set(char* p) {
        assert(p >= begin_ && p <= promised_);
        p_ = p;
    }
    void append(std::string_view s) {
        char* const p = room(s.size());
        std::memcpy(p, s.data(), s.size());
        set(p + s.size());
    }
    [[nodiscard]] std::size_t size() const { return static_cast<std::size_t>(p_ - begin_); }
    [[nodiscard]] std::string_view text() const { return {begin_, size()}; }
    void resize(std::size_t n) {  // n <= size()
        assert(n <= size());
        p_ = begin_ + n;
    }
    void clear() { p_ = begin_; }

private:
    void grow(std::size_t n);

    char* begin_;
    char* p_;
    char* end_;
    std::unique_ptr<char[]> heap_;
#ifndef NDEBUG
    char* promised_ = nullptr;
#endif
};

// A literal: copied by its known length, without a call.
template <std::size_t N>
char* put(char* p, const char (&s)[N]) {
    std::memcpy(p, s, N - 1);
    return p + (N - 1);
}

// The longest text put_int writes: "-9223372036854775808".
inline constexpr std::size_t int_text_max = 20;

// "00" to "99": two digits copied at once, where dividing each digit out was ~40 instructions a date.
inline constexpr auto digit_pairs = [] {
    std::array<char, 200> t{};
    for (unsigned i = 0; i < 100; ++i) {
        t[2 * i] = char('0' + i / 10);
        t[2 * i + 1] = char('0' + i % 10);
    }
    return t;
}();

// v in decimal, as fmt writes it (fmt::format_int was ~65 instructions an append); returns the end.
// Two digits at a time (digit_pairs): a digit at a time was ~1.3 k instructions a file of the text report.
inline char* put_int(char* p, std::int64_t v) {
    auto u = static_cast<std::uint64_t>(v);
    if (v < 0) {
        *p++ = '-';
        u = 0 - u;
    }
    std::size_t n = 1;
    for (std::uint64_t x = u; x >= 10; x /= 10) ++n;
    char* const end = p + n;
    char* q = end;
    for (; u >= 100; u /= 100) {
        q -= 2;
        std::memcpy(q, &digit_pairs[2 * (u % 100)], 2);
    }
    if (u >= 10) std::memcpy(q - 2, &digit_pairs[2 * u], 2);
    else *p = static_cast<char>('0' + u);
    return end;
}

// Any day as append_day writes it, at p (at most moment_text_max bytes; by fmt outside 0000-9999);
// returns the end.
char* put_any_day(char* p, LocalDay d);
// "2024-03-28 14:30", or "2024-03-28 14:30:05" when the seconds are not zero, at p (at most
// moment_text_max bytes); returns the end.
char* put_instant(char* p, Instant t, const Calendar& cal);
// append_moment()'s text at p (at most moment_text_max bytes); returns its end. Inline: a call of its
// own before put_any_day's was ~11 instructions a moment.
inline char* put_moment(char* p, const Moment& m, const Calendar& cal) {
    return m.has_time ? put_instant(p, m.instant, cal) : put_any_day(p, m.day);
}

// A finding's text (describe_into) piece by piece, as the text report writes it into its lines:
// the summary ("Done after the deadline."), how its deadline was counted ("6 hverdage after
// 2024-03-28 (day 0) = end of 2024-04-05"; nothing without a deadline) and its margin ("late by
// 1 h 30 min"; nothing for a status that shows none). The basis is a phrase.
void put_summary(TextBuffer& out, const Engine& engine, const Report& report, const Finding& f, Lang lang);
// put_summary's sentence for a finding whose reason's own sentence is all of it (most findings; else
// nullopt), for the text report to write without a call: the call was ~40 instructions of the ~75 such a
// summary took.
inline std::optional<std::string_view> reasons_own_summary(const Finding& f, Lang lang) {
    const Reason* const r = f.reason;
    if (f.attribute || f.required != 0 || (r && r->tells_months_open && f.deadline)) return std::nullopt;
    return r ? (lang == Lang::da ? r->da : r->en) : std::string_view{};
}
void put_counting(TextBuffer& out, const Engine& engine, const Report& report, const Finding& f, Lang lang);
void put_margin(TextBuffer& out, const Finding& f, Lang lang);
// The margin inside a summary's full stop, as the text report's result line shows it: written at `stop`
// (the summary's '.'), " (late by 1 h 30 min)." for a finding with a margin to show, else the stop
// kept. At most margin_in_stop_max bytes from stop; returns the end.
inline constexpr std::size_t margin_in_stop_max = 160;
char* put_margin_in_stop(char* stop, const Finding& f, Lang lang);
std::string_view basis_phrase(Basis b, Lang lang);

}  // namespace barnetslov
