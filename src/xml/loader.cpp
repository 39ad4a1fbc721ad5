// The XML loader. After the checks of the raw bytes, the ordinary file is read by the one-pass front
// end (direct_loader.hpp); any other, or one it gives up on halfway, by pugixml, which parses in
// place on a buffer the library owns, and the walk below, with a new CaseBuilder. pugixml's path is
// the reference for every message; the two are compared by tests/direct_loader_test.cpp.
#include "barnetslov/loader.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <fmt/format.h>
#include <pugixml.hpp>

#include "barnetslov/echo.hpp"
#include "case/builder_access.hpp"
#include "case/input_file.hpp"
#include "case/input_text.hpp"
#include "case/thread_kept.hpp"
#include "xml/direct_loader.hpp"
#include "xml/front_end.hpp"
#include "xml/lexical.hpp"

namespace barnetslov {

namespace {

using detail::Positions;
using detail::other_encoding;

std::string_view local_name(std::string_view qname) {
    const auto colon = qname.find(':');
    return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

std::string_view prefix_of(std::string_view qname) {
    const auto colon = qname.find(':');
    return colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon);
}

constexpr std::string_view xml_namespace = "http://www.w3.org/XML/1998/namespace";
constexpr std::string_view xmlns_namespace = "http://www.w3.org/2000/xmlns/";
constexpr std::string_view xsi_namespace = "http://www.w3.org/2001/XMLSchema-instance";

// A name with a prefix is a qualified name of XML Namespaces: prefix and local part are NCNames.
bool qualified_name(std::string_view prefix, std::string_view local) { return xml::is_ncname(prefix) && xml::is_ncname(local); }

// Whether a namespace name is a URI reference (RFC 3986), as XML Namespaces asks and libxml2
// checks: ASCII without spaces, '%' with two hex digits, at most one '#', and a ':' before any
// '/', '?' or '#' ends a scheme (a letter, then letters, digits, '+', '-', '.'). IPv6 hosts in
// brackets are refused with the rest of '[' and ']'; no case file needs them.
bool uri_reference(std::string_view s) {
    bool fragment = false, path = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum || std::string_view("-._~/?@!$&'()*+,;=").find(c) != std::string_view::npos) {
            if (c == '/' || c == '?') path = true;
            continue;
        }
        if (c == '%') {
            auto hex = [&](std::size_t k) { return k < s.size() && std::isxdigit(static_cast<unsigned char>(s[k])); };
            if (!hex(i + 1) || !hex(i + 2)) return false;
            i += 2;
        } else if (c == '#') {
            if (fragment) return false;
            fragment = path = true;
        } else if (c == ':') {
            if (path) continue;
            path = true;
            const std::string_view scheme = s.substr(0, i);
            if (scheme.empty() || !std::isalpha(static_cast<unsigned char>(scheme[0])) ||
                scheme.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.") != std::string_view::npos)
                return false;
        } else {
            return false;
        }
    }
    return true;
}

// invalid_utf8_at(text), with the runs of ASCII between other bytes skipped 16 at a time where
// SSE2 is there (8 at a time, its own way, was ~1.1 instructions a byte, a twentieth of loading
// a file; issue 20). Each run of bytes above 0x7F is checked by invalid_utf8_at alone: a UTF-8
// sequence is such bytes only, so it neither spans an ASCII byte nor begins inside a run that
// follows one, and the offset found is the one the whole text's check finds.
std::size_t first_invalid_utf8(std::string_view text) {
#if defined(__SSE2__)
    const char* const b = text.data();
    const std::size_t n = text.size();
    std::size_t i = 0;
    for (;;) {
        while (i + 16 <= n) {
            const unsigned high = unsigned(_mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i))));
            if (high) {
                i += unsigned(__builtin_ctz(high));
                break;
            }
            i += 16;
        }
        while (i < n && static_cast<unsigned char>(b[i]) < 0x80) ++i;
        if (i == n) return std::string_view::npos;
        std::size_t j = i + 1;
        while (j < n && static_cast<unsigned char>(b[j]) >= 0x80) ++j;
        if (const std::size_t bad = invalid_utf8_at(text.substr(i, j - i)); bad != std::string_view::npos) return i + bad;
        i = j;
    }
#else
    return invalid_utf8_at(text);
#endif
}

// The loader's working copy of a file (pugixml parses in place, and the scanners read past the
// end): one block a thread, kept from file to file, where a block of the file's size was made and
// freed for every file (with the copy, ~500 instructions a file; issue 20, session 29). A block
// above kept_copy_bytes is freed after its file instead of kept for the next. A loader
// takes the thread's block for its lifetime and gives it back after, so that a loader running
// while another is (none does today) simply makes its own.
constexpr std::size_t kept_copy_bytes = std::size_t{1} << 20;
struct WorkingCopy {
    std::unique_ptr<char[]> bytes;
    std::size_t capacity = 0;
};
// After the thread's kept block is destroyed (thread exit), a loader makes its own.
WorkingCopy take_spare_copy() {
    WorkingCopy* kept = detail::thread_kept<WorkingCopy>();
    return kept ? std::exchange(*kept, {}) : WorkingCopy{};
}
void keep_spare_copy(WorkingCopy& copy) {
    if (WorkingCopy* kept = detail::thread_kept<WorkingCopy>(); kept && !kept->bytes && copy.capacity <= kept_copy_bytes)
        *kept = std::move(copy);
}

class Loader {
public:
    // `original` must outlive the loader; pugixml parses a copy, in place. `padded`: `original` is
    // followed in memory by xml::scan_padding NULs (the batch's reader leaves them), so that the
    // one-pass front end reads it where it is, without a copy. `source` is shown already
    // (shown_name), and goes to the builder and on to the case without another copy.
    Loader(std::string_view original, bool padded, std::string source, const Calendar& calendar, const Limits& limits,
           xml::FrontEnd front_end = xml::FrontEnd::automatic)
        : original_(original), padded_(padded), size_(original.size()), positions_(original), calendar_(calendar), limits_(limits),
          front_end_(front_end), copy_(take_spare_copy()) {
        new_builder(std::move(source));
    }
    ~Loader() { keep_spare_copy(copy_); }
    Loader(const Loader&) = delete;
    Loader& operator=(const Loader&) = delete;

    // Empty only for FrontEnd::direct when the one-pass front end gave up.
    std::optional<LoadResult> run() {
        // Checked before parsing: pugixml does not validate encodings.
        std::string_view text = original_;
        if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0) text.remove_prefix(3);
        if (const char* other = other_encoding(original_, '<'))
            return error_only({}, fmt::format("the file is {}; case files are UTF-8", other), input_error_code::encoding);
        if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return error_only({}, "the file is empty", input_error_code::syntax);

        const std::size_t start = std::size_t(text.data() - original_.data());
        // The ordinary file in one pass (xml/direct_loader.hpp); anything else, or a file it gave
        // up on halfway, from scratch with a new builder through the checks below, the lexical
        // pass, pugixml and the walk. The one-pass front end takes no byte the lexical pass would
        // refuse, so that pass runs only when it gives up (it was ~5 % of loading a file; issue 20),
        // nor a NUL or a byte that is not UTF-8, so that the two passes over the whole file that
        // look for those run only then too (~2 k instructions a file; issue 20, session 34). It
        // hands the builder only values it found valid UTF-8.
        if (front_end_ != xml::FrontEnd::pugixml) {
            detail::BuilderAccess::utf8_checked(*builder_);
            if (xml::load_direct({padded_ ? original_.data() : working_copy(), size_}, start, *builder_, limits_)) return finished();
            new_builder(std::move(detail::BuilderAccess::shown_source(*builder_)));
        }
        if (const auto bad = first_invalid_utf8(text); bad != std::string_view::npos)
            return error_only(positions_.at(start + bad), "the file is not valid UTF-8", input_error_code::encoding);
        // pugixml takes a NUL for the end of the input and would silently drop what follows it.
        if (const auto nul = text.find('\0'); nul != std::string_view::npos)
            return error_only(positions_.at(start + nul), "not well-formed XML: the file contains a NUL character", input_error_code::syntax);
        if (front_end_ == xml::FrontEnd::direct) return std::nullopt;
        // pugixml's copy, parsed in place (the one-pass front end reads and never writes: a copy
        // it read is the file still).
        if (!buffer_) working_copy();
        // What pugixml does not check, on its buffer before it parses it in place: the XML
        // declaration, DOCTYPE, comments, references, control characters (xml/lexical.hpp).
        if (auto problem = xml::lexical_problem({buffer_, size_}, start))
            return error_only(positions_.at(problem->offset), std::move(problem->message), input_error_code::syntax);
        // Values are then pieces of the checked text, or characters of checked character references.
        detail::BuilderAccess::utf8_checked(*builder_);
        pugi::xml_document doc;
        // parse_fragment keeps text outside the root element, so that it can be refused below
        // (in document mode pugixml drops it silently); the length includes the terminator so
        // that pugixml keeps the last character of such text.
        const unsigned flags = (pugi::parse_default | pugi::parse_fragment) & ~pugi::parse_doctype;
        const pugi::xml_parse_result parsed = doc.load_buffer_inplace(buffer_, size_ + 1, flags, pugi::encoding_utf8);
        if (!parsed) {
            return error_only(positions_.at(std::size_t(std::max<std::ptrdiff_t>(0, parsed.offset))),
                              fmt::format("not well-formed XML: {}", parsed.description()), input_error_code::syntax);
        }
        if (const pugi::xml_node deep = too_deep(doc))
            return error_only(where(deep), fmt::format("element {} is nested more than {} levels deep (limit)", quoted(deep.name()),
                                                       limits_.max_depth), input_error_code::limit);
        pugi::xml_node root;
        for (const pugi::xml_node n : doc.children()) {
            if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
                const std::size_t at = positions_.skip_space(offset_of(n.value()));
                return error_only(positions_.at(at), "not well-formed XML: text outside the root element", input_error_code::syntax);
            }
            if (n.type() != pugi::node_element) continue;
            if (root) return error_only(where(n), "not well-formed XML: a second root element", input_error_code::syntax);
            root = n;
        }
        if (!root) return error_only({}, "not well-formed XML: no root element", input_error_code::syntax);
        if (!walk_case(root)) return LoadResult{nullptr, builder_->errors()};
        return finished();
    }

private:
    // A fresh builder whose source is `shown` (shown_name already: not shown again).
    void new_builder(std::string shown) {
        builder_.emplace(std::string(), calendar_, limits_);
        detail::BuilderAccess::shown_source(*builder_) = std::move(shown);
    }

    LoadResult finished() {
        LoadResult r;
        detail::BuilderAccess::last_case(*builder_);  // the loader builds one case and reads only errors() after
        r.kase = builder_->finish();
        r.errors = builder_->errors();
        return r;
    }

    LoadResult error_only(SourceLocation at, std::string message, std::string_view code = input_error_code::structure) {
        builder_->add_error(at, code, std::move(message));
        return {nullptr, builder_->errors()};
    }

    // The file copied to the working block with scan_padding NULs after it (pugixml's end, and the
    // lexical scan's), once: buffer_.
    const char* working_copy() {
        if (buffer_) return buffer_;
        if (copy_.capacity < size_ + xml::scan_padding) {
            copy_.bytes.reset();  // freed before the larger one is made
            copy_.capacity = size_ + xml::scan_padding;
            copy_.bytes.reset(new char[copy_.capacity]);
        }
        buffer_ = copy_.bytes.get();
        std::memcpy(buffer_, original_.data(), size_);
        std::memset(buffer_ + size_, 0, xml::scan_padding);
        return buffer_;
    }

    std::size_t offset_of(const char* p) const {
        return buffer_ && p >= buffer_ && p < buffer_ + size_ ? std::size_t(p - buffer_) : 0;
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

    // ---- namespaces, resolved by URI ----

    struct Binding {
        std::string_view prefix, uri;  // prefix "": the default namespace
    };

    // Pushes the namespace declarations of `n` (xmlns, xmlns:p) onto scope_, checked as XML
    // Namespaces asks; the caller pops them when it leaves `n`.
    void declare(pugi::xml_node n) {
        const std::size_t own = scope_.size();
        for (const pugi::xml_attribute a : n.attributes()) {
            const char* name = a.name();
            if (name[0] != 'x' || std::strncmp(name, "xmlns", 5) != 0 || (name[5] != '\0' && name[5] != ':')) continue;
            const std::string_view prefix = name[5] ? std::string_view(name + 6) : std::string_view{};
            const std::string_view uri = a.value();
            std::string why;
            if (name[5] && !xml::is_ncname(prefix)) why = "the prefix is not an XML name without ':'";
            else if (prefix == "xmlns") why = "the prefix 'xmlns' is reserved";
            else if (prefix == "xml" && uri != xml_namespace) why = fmt::format("the prefix 'xml' is bound to {} only", xml_namespace);
            else if (prefix != "xml" && uri == xml_namespace) why = fmt::format("{} is bound to the prefix 'xml' only", xml_namespace);
            else if (uri == xmlns_namespace) why = fmt::format("{} is never declared", xmlns_namespace);
            else if (name[5] && uri.empty()) why = "a prefix cannot be bound to no namespace";
            else if (!uri_reference(uri)) why = fmt::format("{} is not a URI", quoted(uri));
            for (std::size_t i = own; why.empty() && i < scope_.size(); ++i)
                if (scope_[i].prefix == prefix) why = "given twice";
            if (!why.empty()) builder_->add_error(where(a), input_error_code::syntax, fmt::format("not well-formed XML: namespace declaration {}: {}", quoted(name), why));
            scope_.push_back({prefix, uri});
        }
    }

    // The namespace bound to `prefix`: for "" the default namespace (none when undeclared);
    // nothing for an undeclared prefix.
    std::optional<std::string_view> lookup(std::string_view prefix) const {
        for (auto b = scope_.rbegin(); b != scope_.rend(); ++b)
            if (b->prefix == prefix) return b->uri;
        if (prefix.empty()) return std::string_view{};
        if (prefix == "xml") return xml_namespace;
        return std::nullopt;
    }

    // `n`'s namespace and local name; false after reporting a name that is not a qualified name
    // or has an undeclared prefix.
    bool resolve(pugi::xml_node n, std::string_view& uri, std::string_view& local) {
        const std::string_view name = n.name();
        const auto colon = name.find(':');
        std::string_view prefix;
        local = name;
        if (colon != std::string_view::npos) {
            prefix = name.substr(0, colon);
            local = name.substr(colon + 1);
            if (!qualified_name(prefix, local)) {
                builder_->add_error(where(n), input_error_code::syntax,
                                   fmt::format("not well-formed XML: element name {} is not a qualified name (prefix:name)", quoted(name)));
                return false;
            }
        }
        const auto found = lookup(prefix);
        if (!found) {
            builder_->add_error(where(n), input_error_code::syntax, fmt::format("not well-formed XML: element {} has an undeclared namespace prefix {}", quoted(name),
                                                     quoted(prefix)));
            return false;
        }
        uri = *found;
        return true;
    }

    // Namespace declarations (checked by declare) and attributes of other vocabularies, which
    // README says are ignored: once they are well-formed and valid against the XSD. `name` is a's.
    // `length` is set to the name's length when it has no ':' (one pass over the name for both).
    bool foreign(pugi::xml_attribute a, const char* name, std::size_t& length) {
        std::size_t i = 0;
        for (; name[i]; ++i)
            if (name[i] == ':') return prefixed(a, name, i);
        length = i;
        return name[0] == 'x' && std::strcmp(name, "xmlns") == 0;
    }

    bool prefixed(pugi::xml_attribute a, std::string_view name, std::size_t colon) {
        if (name.substr(0, colon) == "xmlns") return true;
        const std::string_view prefix = name.substr(0, colon), local = name.substr(colon + 1);
        const auto bad = [&](std::string message) {
            builder_->add_error(where(a), input_error_code::syntax, std::move(message));
            return true;
        };
        if (!qualified_name(prefix, local))
            return bad(fmt::format("not well-formed XML: attribute name {} is not a qualified name (prefix:name)", quoted(name)));
        const auto uri = lookup(prefix);
        if (!uri) return bad(fmt::format("not well-formed XML: attribute {} has an undeclared namespace prefix {}", quoted(name), quoted(prefix)));
        // The same attribute twice: one name twice, or two prefixes bound to one namespace.
        for (pugi::xml_attribute b = a.previous_attribute(); b; b = b.previous_attribute()) {
            const std::string_view other = b.name();
            const auto c = other.find(':');
            if (c == std::string_view::npos || other.substr(c + 1) != local || other.substr(0, c) == "xmlns") continue;
            if (lookup(other.substr(0, c)) != uri) continue;
            return bad(other == name ? fmt::format("not well-formed XML: attribute {} given twice", quoted(name))
                                     : fmt::format("not well-formed XML: attributes {} and {} are one attribute ({} in {})", quoted(other),
                                                   quoted(name), quoted(local), *uri));
        }
        if (*uri == case_namespace_v1)
            return bad(fmt::format("attribute {} is in namespace {}; the format's attributes are written without a prefix", quoted(name),
                                   case_namespace_v1));
        if (*uri == xsi_namespace && local != "schemaLocation" && local != "noNamespaceSchemaLocation")
            return bad(fmt::format("attribute {} is not allowed: of the XML Schema instance attributes a case file may carry only "
                                   "schemaLocation and noNamespaceSchemaLocation",
                                   quoted(name)));
        if (*uri == xml_namespace) {
            const std::string_view value = a.value();
            if (local == "space" && value != "default" && value != "preserve")
                return bad(fmt::format("attribute {}: {} is not one of: default, preserve", quoted(name), quoted(value)));
            if (local == "id") {
                if (!xml::is_ncname(value)) return bad(fmt::format("attribute {}: {} is not an XML name without ':'", quoted(name), quoted(value)));
                if (std::find(xml_ids_.begin(), xml_ids_.end(), value) != xml_ids_.end())
                    return bad(fmt::format("attribute {}: {} is used twice", quoted(name), quoted(value)));
                xml_ids_.push_back(value);
            }
        }
        return true;
    }

    // ---- the vocabulary ----

    // Hands `n`'s attributes to `give` (the builder's call for its kind of element), all but those
    // of other vocabularies; returns where the last one's value starts (null without any).
    template <class Give>
    const char* attributes(pugi::xml_node n, Give give) {
        const char* last = nullptr;
        for (const pugi::xml_attribute a : n.attributes()) {
            const char* name = a.name();
            last = a.value();
            if (std::size_t length = 0; !foreign(a, name, length)) give(std::string_view(name, length), last, where(name));
        }
        return last;
    }

    // False when the root is not a case of this format: nothing else is worth reporting then.
    bool walk_case(pugi::xml_node root) {
        const SourceLocation at = where(root);
        const std::string_view qname = root.name();
        if (local_name(qname) != "case") {
            builder_->add_error(at, input_error_code::format, fmt::format("the root element is {}, expected 'case'", quoted(qname)));
            return false;
        }
        const std::string_view prefix = prefix_of(qname);
        if (qname.find(':') != std::string_view::npos && !qualified_name(prefix, "case")) {
            builder_->add_error(at, input_error_code::syntax,
                               fmt::format("not well-formed XML: element name {} is not a qualified name (prefix:name)", quoted(qname)));
            return false;
        }
        declare(root);
        const std::string_view uri = lookup(prefix).value_or("");
        if (uri != case_namespace_v1) {
            if (uri.rfind("urn:barnetslov:case:", 0) == 0)
                builder_->add_error(at, input_error_code::format, fmt::format("case-file format {} is not supported (this version reads {})", quoted(uri), case_namespace_v1));
            else
                builder_->add_error(at, input_error_code::format, fmt::format("the root element 'case' is not in namespace {} (found {})", case_namespace_v1,
                                                   uri.empty() ? "no namespace" : quoted(uri)));
            return false;
        }
        attributes(root, [&](std::string_view name, const char* value, SourceLocation loc) { builder_->case_attribute(name, value, loc); });
        // Declarations below the root are rare: elements are searched for them only where "xmlns"
        // occurs after the root's start tag.
        for (const pugi::xml_node n : root.children())
            if (n.type() == pugi::node_element) {
                nested_declarations_ = original_.find("xmlns", offset_of(n.name())) != std::string_view::npos;
                break;
            }
        // The XSD's sequence: one child, then any party and sibling, then at most one events.
        bool child = false, people = false, events = false;
        for (const pugi::xml_node n : root.children()) {
            if (!element_or_text(n, "case")) continue;
            const std::size_t outer = scope_.size();
            if (nested_declarations_) declare(n);
            std::string_view ns, name;
            if (!resolve(n, ns, name)) {
            } else if (ns != case_namespace_v1) {
                unexpected(n, "case");
            } else if (name == "child") {
                if (!child && (people || events)) out_of_order(n);
                child = true;
                builder_->begin_child(where(n));
                leaf(n, name, attributes(n, [&](std::string_view a, const char* v, SourceLocation loc) { builder_->child_attribute(a, v, loc); }));
            } else if (name == "party" || name == "sibling") {
                if (events) out_of_order(n);
                people = true;
                builder_->begin_person(name, where(n));
                leaf(n, name, attributes(n, [&](std::string_view a, const char* v, SourceLocation loc) { builder_->person_attribute(a, v, loc); }));
            } else if (name == "events") {
                if (events) builder_->add_error(where(n), "case has more than one events element");
                events = true;
                walk_events(n);
            } else {
                unexpected(n, "case");
            }
            scope_.resize(outer);
        }
        return true;
    }

    void walk_events(pugi::xml_node events) {
        attributes(events, [&](std::string_view name, const char*, SourceLocation loc) {
            builder_->add_error(loc, fmt::format("events has no attribute {}", quoted(name)));
        });
        // The builder's list of events sized once: growing it moved every event built so far.
        std::size_t count = 0;
        for (pugi::xml_node n = events.first_child(); n; n = n.next_sibling()) count += n.type() == pugi::node_element;
        detail::BuilderAccess::reserve_events(*builder_, count);
        for (const pugi::xml_node n : events.children()) {
            if (!element_or_text(n, "events")) continue;
            const std::size_t outer = scope_.size();
            if (nested_declarations_) declare(n);
            std::string_view ns, name;
            if (resolve(n, ns, name)) {
                if (ns != case_namespace_v1) {
                    unexpected(n, "events");
                } else if (builder_->begin_event(name, where(n))) {
                    leaf(n, name, attributes(n, [&](std::string_view a, const char* v, SourceLocation loc) { builder_->event_attribute(a, v, loc); }));
                } else if (builder_->event_count() > limits_.max_events) {
                    scope_.resize(outer);
                    return;
                }
            }
            scope_.resize(outer);
        }
    }

    // True for elements; reports text, which the vocabulary never has: any but white space, and
    // any CDATA section (the XSD's element-only content allows white space, but as text only).
    bool element_or_text(pugi::xml_node n, std::string_view parent) {
        const pugi::xml_node_type type = n.type();
        if (type == pugi::node_element) return true;
        if (type == pugi::node_pcdata || type == pugi::node_cdata) {
            std::string_view v = n.value();
            const auto first = v.find_first_not_of(" \t\r\n");
            if (first != std::string_view::npos) {
                v = v.substr(first, v.find_last_not_of(" \t\r\n") - first + 1);
                // Located at its first character, counted in the original bytes (see Positions).
                builder_->add_error(positions_.at(positions_.skip_space(offset_of(n.value()))),
                                   fmt::format("unexpected text {}", quoted(v)));
            } else if (type == pugi::node_cdata) {
                builder_->add_error(where(n.value() - std::strlen("<![CDATA[")), fmt::format("unexpected CDATA section in {}", quoted(parent)));
            }
        }
        return false;
    }

    // Elements of the vocabulary carry everything in attributes; their content is empty, which in
    // the XSD means no text at all, not even white space. `last_value`: where the value of n's last
    // attribute starts, or null.
    void leaf(pugi::xml_node n, std::string_view name, const char* last_value) {
        if (!n.first_child()) {
            if (const std::size_t space = space_in_empty(n, last_value); space != std::string_view::npos)
                builder_->add_error(positions_.at(space), fmt::format("element {} may not contain text, not even white space", quoted(name)));
            return;
        }
        for (const pugi::xml_node c : n.children()) {
            if (c.type() == pugi::node_pcdata && std::string_view(c.value()).find_first_not_of(" \t\r\n") == std::string_view::npos) {
                // White space that pugixml kept: written as character references (&#32;).
                builder_->add_error(where(c.value()), fmt::format("element {} may not contain text, not even white space", quoted(name)));
                continue;
            }
            if (!element_or_text(c, name)) continue;
            builder_->add_error(where(c), fmt::format("element {} may not contain element {}", quoted(name), quoted(c.name())));
            return;
        }
    }

    // Where the content of `n`, an element without child nodes, holds white space, or npos. pugixml
    // keeps no text of white space alone, so this is read in the original text: from the end of the
    // start tag (after the last attribute's value, or the name) over comments and processing
    // instructions to the end tag. An empty-element tag (<x/>), the usual form, ends it at once.
    std::size_t space_in_empty(pugi::xml_node n, const char* last_value) const {
        constexpr auto none = std::string_view::npos;
        const std::size_t size = original_.size();
        std::size_t i;
        if (last_value) {
            i = offset_of(last_value);
            const char quote = i > 0 ? original_[i - 1] : '\0';
            if (quote != '"' && quote != '\'') return none;
            while (i < size && original_[i] != quote) ++i;
            ++i;
        } else {
            i = offset_of(n.name()) + std::strlen(n.name());
        }
        i = positions_.skip_space(i);
        if (i >= size || original_[i] != '>') return none;
        for (++i; i < size;) {
            const char c = original_[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return i;
            std::size_t end;
            if (original_.compare(i, 4, "<!--") == 0)
                end = original_.find("-->", i + 4), i = end == none ? end : end + 3;
            else if (original_.compare(i, 2, "<?") == 0)
                end = original_.find("?>", i + 2), i = end == none ? end : end + 2;
            else
                return none;  // the end tag
        }
        return none;
    }

    void unexpected(pugi::xml_node n, std::string_view parent) {
        builder_->add_error(where(n), fmt::format("unexpected element {} in '{}'", quoted(n.name()), parent));
    }

    void out_of_order(pugi::xml_node n) {
        builder_->add_error(where(n), fmt::format("element {} is out of order in 'case' (child first, then any party and sibling, then events)",
                                                 quoted(n.name())));
    }

    std::string_view original_;
    bool padded_;
    std::size_t size_;
    Positions positions_;
    const Calendar& calendar_;
    const Limits& limits_;
    xml::FrontEnd front_end_;
    WorkingCopy copy_;        // this thread's block while the loader lives (spare_copy)
    char* buffer_ = nullptr;  // the copy in copy_, once made (working_copy)
    std::optional<CaseBuilder> builder_;  // made again when the one-pass front end gives up
    std::vector<Binding> scope_;            // namespace declarations in scope, innermost last
    std::vector<std::string_view> xml_ids_;  // values of xml:id so far (unique in a file)
    bool nested_declarations_ = true;        // whether elements below the root may declare namespaces
};

}  // namespace

LoadResult load_case_buffer(std::string_view data, std::string source, const Calendar& calendar, const Limits& limits) {
    if (data.size() > limits.max_file_bytes) return detail::too_big(shown_name(source), data.size(), limits);
    // The loader parses its own copy; the caller's bytes stay untouched.
    return *Loader(data, false, shown_name(source), calendar, limits).run();
}

std::optional<LoadResult> xml::load_case_buffer_with(FrontEnd front_end, std::string_view data, std::string source, const Calendar& calendar,
                                                     const Limits& limits) {
    if (data.size() > limits.max_file_bytes) return detail::too_big(shown_name(source), data.size(), limits);
    return Loader(data, false, shown_name(source), calendar, limits, front_end).run();
}

LoadResult detail::load_case_padded(std::string_view data, std::string_view path, const Calendar& calendar, const Limits& limits) {
    if (data.size() > limits.max_file_bytes) return detail::too_big(shown_name(path), data.size(), limits);
    return *Loader(data, true, shown_name(path), calendar, limits).run();
}

LoadResult load_case_file(const std::filesystem::path& path, const Calendar& calendar, const Limits& limits) {
    // The path as given opens the file; messages show its name escaped and masked (echo.hpp).
    std::string source = shown_name(path.string());
    std::string content;
    if (auto problem = detail::read_case_file(path, source, limits, content)) return std::move(*problem);
    const std::size_t size = content.size();
    content.append(xml::scan_padding, '\0');  // read where it is (Loader's `padded`)
    return *Loader(std::string_view(content.data(), size), true, std::move(source), calendar, limits).run();
}

}  // namespace barnetslov
