// What the loaders share about the text of a case file: positions (line and column) of byte
// offsets, and other Unicode encodings recognised to say so plainly.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "barnetslov/case.hpp"

namespace barnetslov::detail {

// Maps byte offsets of the original input to 1-based line and column (columns in characters).
// It reads the caller's bytes, not pugixml's buffer: parsing in place rewrites that buffer
// (decoded escapes, line ends), which would shift the columns after them. The loader asks in
// document order, so a cursor moves forward through the text and every byte is looked at about
// once (a file on one long line costs linear time, not quadratic); a step back starts over.
// A line ends at LF, CRLF or a CR alone (XML 1.0 § 2.11): the CR of a CRLF is the last character
// of its line, and a CR alone ends one.
class Positions {
public:
    // `cr_ends_line`: whether a CR alone ends a line, as in XML and for editors; JSON Lines
    // separates its lines by LF alone, so that its line numbers are those of the file's lines.
    explicit Positions(std::string_view text, bool cr_ends_line = true)
        : text_(text), bom_(text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF"), bare_cr_(cr_ends_line ? unknown : 0) {}

    SourceLocation at(std::size_t offset) const {
        // Whether a CR ends a line alone is looked for at the first position asked: a file read
        // without an error asks for none (a pass over the file, ~350 instructions; issue 20).
        if (bare_cr_ == unknown) bare_cr_ = has_bare_cr(text_) ? 1 : 0;
        offset = std::min(offset, text_.size());
        if (offset < pos_) line_ = 1, column_ = 1, pos_ = 0;
        if (!bare_cr_) {
            while (const void* nl = std::memchr(text_.data() + pos_, '\n', offset - pos_)) {
                ++line_;
                column_ = 1;
                pos_ = std::size_t(static_cast<const char*>(nl) - text_.data()) + 1;
            }
        } else {
            for (std::size_t i = pos_; i < offset; ++i)
                if (text_[i] == '\n' || (text_[i] == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n'))) {
                    ++line_;
                    column_ = 1;
                    pos_ = i + 1;
                }
        }
        // A byte-order mark is not a character of the text: the first '<' is column 1.
        if (bom_ && line_ == 1 && pos_ < 3 && offset >= 3) pos_ = 3, column_ = 1;
        // Characters are the bytes that do not continue a UTF-8 sequence; ASCII runs, nearly all
        // of a case file, are counted 8 bytes at a time.
        const auto* p = reinterpret_cast<const unsigned char*>(text_.data());
        std::uint32_t column = column_;
        std::size_t i = pos_;
        for (std::uint64_t word; i + 8 <= offset; i += 8) {
            std::memcpy(&word, p + i, 8);
            if ((word & 0x8080808080808080u) != 0) break;
            column += 8;
        }
        for (; i < offset; ++i) column += (p[i] & 0xC0) != 0x80;
        column_ = column;
        pos_ = offset;
        return {line_, column_};
    }
    // The offset of the first character at or after `offset` that is not white space (XML's and
    // JSON's are the same four characters).
    std::size_t skip_space(std::size_t offset) const {
        while (offset < text_.size() && std::string_view(" \t\r\n").find(text_[offset]) != std::string_view::npos) ++offset;
        return offset;
    }

private:
    // Whether a CR ends a line on its own anywhere; files with LF or CRLF line ends, nearly all,
    // are then counted by the LFs alone.
    static bool has_bare_cr(std::string_view text) {
        for (std::size_t i = text.find('\r'); i != std::string_view::npos; i = text.find('\r', i + 1))
            if (i + 1 == text.size() || text[i + 1] != '\n') return true;
        return false;
    }

    static constexpr signed char unknown = -1;
    std::string_view text_;
    bool bom_;
    mutable signed char bare_cr_;  // 1, 0, or unknown until at() is first called
    mutable std::uint32_t line_ = 1, column_ = 1;  // of pos_
    mutable std::size_t pos_ = 0;
};

// Another Unicode encoding recognised by its byte-order mark or, without one, by the NUL bytes
// around the first character, `opening` ('<' of "<?xml" or "<case" in UTF-16; '{' of a JSON
// object); or null. Exports from Windows tools are often UTF-16; said plainly, that is easier to
// act on than "not valid UTF-8" or "a NUL character".
inline const char* other_encoding(std::string_view s, char opening) {
    auto starts = [&](std::string_view p) { return s.substr(0, p.size()) == p; };
    using namespace std::string_view_literals;
    if (starts("\xFF\xFE\0\0"sv)) return "UTF-32 (byte-order mark FF FE 00 00)";
    if (starts("\0\0\xFE\xFF"sv)) return "UTF-32 (byte-order mark 00 00 FE FF)";
    if (starts("\xFF\xFE"sv)) return "UTF-16 (byte-order mark FF FE)";
    if (starts("\xFE\xFF"sv)) return "UTF-16 (byte-order mark FE FF)";
    // The opening character and the next ("<?", "<c", "{\"") as two 16-bit units. One NUL before
    // the opening character is not UTF-16: it is a NUL, and the loader says so.
    auto ascii = [&](std::size_t i) { return i < s.size() && s[i] > 0 && s[i] < 0x7F; };
    if (starts(std::string{opening, '\0'}) && ascii(2) && s.size() > 3 && s[3] == '\0') return "UTF-16 without a byte-order mark";
    if (starts(std::string{'\0', opening, '\0'}) && ascii(3)) return "UTF-16 without a byte-order mark";
    return nullptr;
}

}  // namespace barnetslov::detail
