// The pugixml front end: parses in place on a buffer the library owns and feeds a CaseBuilder.
#include "barnetslov/loader.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "case/echo.hpp"

namespace barnetslov {
namespace {

// Maps byte offsets of the original buffer to 1-based line and column (columns in characters).
class Positions {
public:
    explicit Positions(std::string_view text) : text_(text) {
        starts_.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') starts_.push_back(i + 1);
    }
    SourceLocation at(std::size_t offset) const {
        const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset) - 1;
        const std::size_t start = *it;
        std::uint32_t col = 1;
        for (std::size_t i = start; i < offset && i < text_.size(); ++i)
            if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
        return {static_cast<std::uint32_t>(it - starts_.begin() + 1), col};
    }

private:
    std::string_view text_;
    std::vector<std::size_t> starts_;
};

// Offset of the first byte that is not valid UTF-8 (overlongs and surrogates included), or npos.
std::size_t invalid_utf8_at(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned c = p[i];
        std::size_t len;
        unsigned min;
        if (c < 0x80) { ++i; continue; }
        if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; }
        else return i;
        if (i + len > n) return i;
        unsigned cp = c & (0x7F >> len);
        for (std::size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return std::string_view::npos;
}

std::string_view local_name(std::string_view qname) {
    const auto colon = qname.find(':');
    return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

std::string_view prefix_of(std::string_view qname) {
    const auto colon = qname.find(':');
    return colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon);
}

class Loader {
public:
    Loader(char* buffer, std::size_t size, std::string source, const Calendar& calendar, const Limits& limits)
        : buffer_(buffer), size_(size), positions_({buffer, size}),
          builder_(std::move(source), calendar, limits), limits_(limits) {}

    LoadResult run() {
        // Checked before parsing: pugixml does not validate encodings.
        std::string_view text{buffer_, size_};
        if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0) text.remove_prefix(3);
        if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return error_only({}, "the file is empty");
        if (const auto bad = invalid_utf8_at(text); bad != std::string_view::npos)
            return error_only(positions_.at(std::size_t(text.data() - buffer_) + bad), "the file is not valid UTF-8");

        pugi::xml_document doc;
        const unsigned flags = pugi::parse_default & ~pugi::parse_doctype;
        const pugi::xml_parse_result parsed = doc.load_buffer_inplace(buffer_, size_, flags, pugi::encoding_utf8);
        if (!parsed) {
            return error_only(positions_.at(std::size_t(std::max<std::ptrdiff_t>(0, parsed.offset))),
                              fmt::format("not well-formed XML: {}", parsed.description()));
        }
        const pugi::xml_node root = doc.document_element();
        walk_case(root);
        LoadResult r;
        r.kase = builder_.finish();
        r.errors = builder_.errors();
        return r;
    }

private:
    LoadResult error_only(SourceLocation at, std::string message) {
        builder_.add_error(at, std::move(message));
        return {nullptr, builder_.errors()};
    }

    SourceLocation where(const char* p) const {
        const auto off = p >= buffer_ && p < buffer_ + size_ ? std::size_t(p - buffer_) : 0;
        return positions_.at(off);
    }
    // An element is located at its '<', one before its name.
    SourceLocation where(pugi::xml_node n) const { return where(n.name() - 1); }
    SourceLocation where(pugi::xml_attribute a) const { return where(a.name()); }

    bool ours(pugi::xml_node n) const { return prefix_of(n.name()) == prefix_; }

    void walk_case(pugi::xml_node root) {
        const SourceLocation at = where(root);
        if (local_name(root.name()) != "case") {
            builder_.add_error(at, fmt::format("the root element is {}, expected 'case'", quoted(root.name())));
            return;
        }
        prefix_ = prefix_of(root.name());
        const std::string decl = prefix_.empty() ? std::string("xmlns") : fmt::format("xmlns:{}", prefix_);
        const pugi::xml_attribute ns = root.attribute(decl.c_str());
        const std::string_view uri = ns ? ns.value() : "";
        if (uri != case_namespace_v1) {
            if (uri.rfind("urn:barnetslov:case:", 0) == 0)
                builder_.add_error(at, fmt::format("case-file format {} is not supported (this version reads {})", quoted(uri), case_namespace_v1));
            else
                builder_.add_error(at, fmt::format("the root element 'case' is not in namespace {} (found {})", case_namespace_v1,
                                                   uri.empty() ? "no namespace" : quoted(uri)));
            return;
        }
        for (const pugi::xml_attribute a : root.attributes()) {
            if (foreign(a)) continue;
            builder_.case_attribute(a.name(), a.value(), where(a));
        }
        for (const pugi::xml_node n : root.children()) {
            if (!element_or_text(n)) continue;
            const std::string_view name = local_name(n.name());
            if (!ours(n)) { unexpected(n, "case"); continue; }
            if (name == "child") {
                builder_.begin_child(where(n));
                for (const pugi::xml_attribute a : n.attributes())
                    if (!foreign(a)) builder_.child_attribute(a.name(), a.value(), where(a));
                leaf(n);
            } else if (name == "party" || name == "sibling") {
                builder_.begin_person(name, where(n));
                for (const pugi::xml_attribute a : n.attributes())
                    if (!foreign(a)) builder_.person_attribute(a.name(), a.value(), where(a));
                leaf(n);
            } else if (name == "events") {
                walk_events(n);
            } else {
                unexpected(n, "case");
            }
        }
    }

    void walk_events(pugi::xml_node events) {
        for (const pugi::xml_attribute a : events.attributes())
            if (!foreign(a)) builder_.add_error(where(a), fmt::format("events has no attribute {}", quoted(a.name())));
        for (const pugi::xml_node n : events.children()) {
            if (!element_or_text(n)) continue;
            if (!ours(n)) { unexpected(n, "events"); continue; }
            if (!builder_.begin_event(local_name(n.name()), where(n))) {
                if (builder_.event_count() > limits_.max_events) return;
                continue;
            }
            for (const pugi::xml_attribute a : n.attributes())
                if (!foreign(a)) builder_.event_attribute(a.name(), a.value(), where(a));
            leaf(n);
        }
    }

    // True for elements; reports stray text, which the vocabulary never has.
    bool element_or_text(pugi::xml_node n) {
        if (n.type() == pugi::node_element) return true;
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
            const std::string_view v = n.value();
            if (v.find_first_not_of(" \t\r\n") != std::string_view::npos)
                builder_.add_error(where(v.data()), fmt::format("unexpected text {}", quoted(v.substr(v.find_first_not_of(" \t\r\n")))));
        }
        return false;
    }

    // Elements of the vocabulary carry everything in attributes; content is an error.
    void leaf(pugi::xml_node n) {
        for (const pugi::xml_node c : n.children()) {
            if (!element_or_text(c)) continue;
            builder_.add_error(where(c), fmt::format("element {} may not contain element {}", quoted(local_name(n.name())),
                                                     quoted(c.name())));
            return;
        }
    }

    void unexpected(pugi::xml_node n, std::string_view parent) {
        builder_.add_error(where(n), fmt::format("unexpected element {} in '{}'", quoted(n.name()), parent));
    }

    // Namespace declarations and attributes of other vocabularies (xsi:...) are not ours to check.
    bool foreign(pugi::xml_attribute a) const {
        const std::string_view name = a.name();
        if (name == "xmlns" || name.rfind("xmlns:", 0) == 0) return true;
        return name.find(':') != std::string_view::npos;
    }

    char* buffer_;
    std::size_t size_;
    Positions positions_;
    CaseBuilder builder_;
    const Limits& limits_;
    std::string_view prefix_;
};

LoadResult too_big(std::string source, std::uintmax_t size, const Limits& limits) {
    return {nullptr, {{std::move(source), {}, fmt::format("file of {} bytes exceeds the limit of {} bytes", size, limits.max_file_bytes)}}};
}

}  // namespace

LoadResult load_case_buffer(std::string_view data, std::string source, const Calendar& calendar, const Limits& limits) {
    if (data.size() > limits.max_file_bytes) return too_big(std::move(source), data.size(), limits);
    // pugixml parses in place; the copy keeps the caller's bytes untouched.
    std::unique_ptr<char[]> buffer(new char[data.size() + 1]);
    std::memcpy(buffer.get(), data.data(), data.size());
    buffer[data.size()] = '\0';
    return Loader(buffer.get(), data.size(), std::move(source), calendar, limits).run();
}

LoadResult load_case_file(const std::filesystem::path& path, const Calendar& calendar, const Limits& limits) {
    const std::string source = path.string();
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status))
        return {nullptr, {{source, {}, "cannot open the file: it does not exist"}}};
    if (!std::filesystem::is_regular_file(status)) return {nullptr, {{source, {}, "cannot read: not a regular file"}}};
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return {nullptr, {{source, {}, "cannot read the file size: " + ec.message()}}};
    if (size > limits.max_file_bytes) return too_big(source, size, limits);

    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(source.c_str(), "rb"), &std::fclose);
    if (!f) return {nullptr, {{source, {}, std::string("cannot open the file: ") + std::strerror(errno)}}};
    std::unique_ptr<char[]> buffer(new char[size + 1]);
    const std::size_t got = std::fread(buffer.get(), 1, size, f.get());
    if (got != size) return {nullptr, {{source, {}, "cannot read the whole file"}}};
    buffer[size] = '\0';
    return Loader(buffer.get(), size, source, calendar, limits).run();
}

}  // namespace barnetslov
