// The pugixml front end: parses in place on a buffer the library owns and feeds a CaseBuilder.
#include "barnetslov/loader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "case/echo.hpp"
#include "xml/lexical.hpp"

namespace barnetslov {

// The loader checks the whole file's UTF-8 before the builder sees any of it (Loader::run).
struct detail::BuilderAccess {
    static void utf8_checked(CaseBuilder& b) { b.utf8_checked_ = true; }
};

namespace {

// Maps byte offsets of the original input to 1-based line and column (columns in characters).
// It reads the caller's bytes, not pugixml's buffer: parsing in place rewrites that buffer
// (decoded escapes, line ends), which would shift the columns after them. The loader asks in
// document order, so a cursor moves forward through the text and every byte is looked at about
// once (a file on one long line costs linear time, not quadratic); a step back starts over.
class Positions {
public:
    explicit Positions(std::string_view text)
        : text_(text), bom_(text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {}

    SourceLocation at(std::size_t offset) const {
        offset = std::min(offset, text_.size());
        if (offset < pos_) line_ = 1, column_ = 1, pos_ = 0;
        while (const void* nl = std::memchr(text_.data() + pos_, '\n', offset - pos_)) {
            ++line_;
            column_ = 1;
            pos_ = std::size_t(static_cast<const char*>(nl) - text_.data()) + 1;
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
    // The offset of the first character at or after `offset` that is not XML white space.
    std::size_t skip_space(std::size_t offset) const {
        while (offset < text_.size() && std::string_view(" \t\r\n").find(text_[offset]) != std::string_view::npos) ++offset;
        return offset;
    }

private:
    std::string_view text_;
    bool bom_;
    mutable std::uint32_t line_ = 1, column_ = 1;  // of pos_
    mutable std::size_t pos_ = 0;
};

// Another Unicode encoding recognised by its byte-order mark or, without one, by the NUL bytes
// around the first '<' (UTF-16 of "<?xml" or "<case"); or null. Exports from Windows tools are
// often UTF-16; said plainly, that is easier to act on than "not valid UTF-8" or "a NUL character".
const char* other_encoding(std::string_view s) {
    auto starts = [&](std::string_view p) { return s.substr(0, p.size()) == p; };
    using namespace std::string_view_literals;
    if (starts("\xFF\xFE\0\0"sv)) return "UTF-32 (byte-order mark FF FE 00 00)";
    if (starts("\0\0\xFE\xFF"sv)) return "UTF-32 (byte-order mark 00 00 FE FF)";
    if (starts("\xFF\xFE"sv)) return "UTF-16 (byte-order mark FF FE)";
    if (starts("\xFE\xFF"sv)) return "UTF-16 (byte-order mark FE FF)";
    if (starts("<\0"sv) || starts("\0<"sv)) return "UTF-16 without a byte-order mark";
    return nullptr;
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
    // `original` must outlive the loader; pugixml parses a copy, in place.
    Loader(std::string_view original, std::string source, const Calendar& calendar, const Limits& limits)
        : original_(original), buffer_(new char[original.size() + xml::scan_padding]), size_(original.size()), positions_(original),
          builder_(std::move(source), calendar, limits), limits_(limits) {
        std::memcpy(buffer_.get(), original.data(), size_);
        std::memset(buffer_.get() + size_, 0, xml::scan_padding);  // pugixml's end, and the lexical scan's
    }

    LoadResult run() {
        // Checked before parsing: pugixml does not validate encodings.
        std::string_view text = original_;
        if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0) text.remove_prefix(3);
        if (const char* other = other_encoding(original_))
            return error_only({}, fmt::format("the file is {}; case files are UTF-8", other));
        if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return error_only({}, "the file is empty");
        if (const auto bad = invalid_utf8_at(text); bad != std::string_view::npos)
            return error_only(positions_.at(std::size_t(text.data() - original_.data()) + bad), "the file is not valid UTF-8");
        // pugixml takes a NUL for the end of the input and would silently drop what follows it.
        if (const auto nul = text.find('\0'); nul != std::string_view::npos)
            return error_only(positions_.at(std::size_t(text.data() - original_.data()) + nul),
                              "not well-formed XML: the file contains a NUL character");

        // What pugixml does not check, on its buffer before it parses it in place: the XML
        // declaration, DOCTYPE, comments, references, control characters (xml/lexical.hpp).
        const std::size_t start = std::size_t(text.data() - original_.data());
        if (auto problem = xml::lexical_problem({buffer_.get(), size_}, start))
            return error_only(positions_.at(problem->offset), std::move(problem->message));
        // Values are then pieces of the checked text, or characters of checked character references.
        detail::BuilderAccess::utf8_checked(builder_);
        pugi::xml_document doc;
        // parse_fragment keeps text outside the root element, so that it can be refused below
        // (in document mode pugixml drops it silently); the length includes the terminator so
        // that pugixml keeps the last character of such text.
        const unsigned flags = (pugi::parse_default | pugi::parse_fragment) & ~pugi::parse_doctype;
        const pugi::xml_parse_result parsed = doc.load_buffer_inplace(buffer_.get(), size_ + 1, flags, pugi::encoding_utf8);
        if (!parsed) {
            return error_only(positions_.at(std::size_t(std::max<std::ptrdiff_t>(0, parsed.offset))),
                              fmt::format("not well-formed XML: {}", parsed.description()));
        }
        if (const pugi::xml_node deep = too_deep(doc))
            return error_only(where(deep), fmt::format("element {} is nested more than {} levels deep (limit)", quoted(deep.name()),
                                                       limits_.max_depth));
        pugi::xml_node root;
        for (const pugi::xml_node n : doc.children()) {
            if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
                const std::size_t at = positions_.skip_space(offset_of(n.value()));
                return error_only(positions_.at(at), "not well-formed XML: text outside the root element");
            }
            if (n.type() != pugi::node_element) continue;
            if (root) return error_only(where(n), "not well-formed XML: a second root element");
            root = n;
        }
        if (!root) return error_only({}, "not well-formed XML: no root element");
        if (!walk_case(root)) return {nullptr, builder_.errors()};
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

    std::size_t offset_of(const char* p) const {
        return p >= buffer_.get() && p < buffer_.get() + size_ ? std::size_t(p - buffer_.get()) : 0;
    }
    SourceLocation where(const char* p) const { return positions_.at(offset_of(p)); }
    // An element is located at its '<', one before its name.
    SourceLocation where(pugi::xml_node n) const { return where(n.name() - 1); }
    SourceLocation where(pugi::xml_attribute a) const { return where(a.name()); }

    // The first element, in document order, nested deeper than Limits::max_depth (the vocabulary
    // needs three levels: case, events, an event). Walked without recursion and never below the
    // limit, so a file of a million nested elements costs no stack and little time.
    pugi::xml_node too_deep(const pugi::xml_document& doc) const {
        std::size_t depth = 1;
        pugi::xml_node n = doc.first_child();
        while (n) {
            if (n.type() == pugi::node_element && depth > limits_.max_depth) return n;
            if (const pugi::xml_node child = n.first_child()) {
                n = child;
                ++depth;
                continue;
            }
            while (!n.next_sibling()) {
                n = n.parent();
                if (--depth == 0) return {};
            }
            n = n.next_sibling();
        }
        return {};
    }

    bool ours(pugi::xml_node n) const { return prefix_of(n.name()) == prefix_; }

    // False when the root is not a case of this format: nothing else is worth reporting then.
    bool walk_case(pugi::xml_node root) {
        const SourceLocation at = where(root);
        if (local_name(root.name()) != "case") {
            builder_.add_error(at, fmt::format("the root element is {}, expected 'case'", quoted(root.name())));
            return false;
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
            return false;
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
        return true;
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
            std::string_view v = n.value();
            const auto first = v.find_first_not_of(" \t\r\n");
            if (first != std::string_view::npos) {
                v = v.substr(first, v.find_last_not_of(" \t\r\n") - first + 1);
                // Located at its first character, counted in the original bytes (see Positions).
                builder_.add_error(positions_.at(positions_.skip_space(offset_of(n.value()))),
                                   fmt::format("unexpected text {}", quoted(v)));
            }
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

    std::string_view original_;
    std::unique_ptr<char[]> buffer_;
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
    // The loader parses its own copy; the caller's bytes stay untouched.
    return Loader(data, std::move(source), calendar, limits).run();
}

LoadResult load_case_file(const std::filesystem::path& path, const Calendar& calendar, const Limits& limits) {
    const std::string source = path.string();
    auto fail = [&](std::string message) { return LoadResult{nullptr, {{source, {}, std::move(message)}}}; };
    // open, fstat, read, close: a batch reads tens of thousands of small files, and the system
    // calls of std::filesystem::status, file_size and stdio were a third of its time. Opened
    // without blocking, so that a FIFO is refused as not a regular file instead of waited on.
    const int fd = ::open(source.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR) return fail("cannot open the file: it does not exist");
        return fail(std::string("cannot open the file: ") + std::strerror(errno));
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } const closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) return fail(std::string("cannot read the file size: ") + std::strerror(errno));
    if (!S_ISREG(st.st_mode)) return fail("cannot read: not a regular file");
    const auto size = static_cast<std::uintmax_t>(st.st_size);
    if (size > limits.max_file_bytes) return too_big(source, size, limits);
    std::string content(static_cast<std::size_t>(size), '\0');
    std::size_t got = 0;
    while (got < content.size()) {
        const ssize_t n = ::read(fd, content.data() + got, content.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    if (got != content.size()) return fail("cannot read the whole file");
    return Loader(content, source, calendar, limits).run();
}

}  // namespace barnetslov
