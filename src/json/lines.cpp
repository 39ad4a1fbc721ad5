// JSON case files: one document, and JSON Lines (one case a line). Each line is read as a
// document of its own (json::load_document), its positions those of the file's line.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>

#include <unistd.h>

#include <fmt/format.h>

#include "barnetslov/echo.hpp"
#include "barnetslov/loader.hpp"
#include "case/input_file.hpp"
#include "json/document.hpp"

namespace barnetslov {

namespace {

LoadResult line_too_big(const std::string& source, std::uint32_t number, std::uint64_t size, const Limits& limits) {
    InputError e{source, {number, 1}, fmt::format("line of {} bytes exceeds the limit of {} bytes", size, limits.max_file_bytes)};
    e.code = input_error_code::limit;
    return LoadResult{nullptr, {std::move(e)}};
}

bool blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

// Line `number` of a JSON Lines file: over the limit, or loaded as a document.
LoadResult load_line(std::string_view text, const std::string& source, std::uint32_t number, const Calendar& calendar, const Limits& limits) {
    if (text.size() > limits.max_file_bytes) return line_too_big(source, number, text.size(), limits);
    return json::load_document(text, source, calendar, limits, number);
}

LoadResult no_cases(const std::string& source) {
    InputError e{source, {}, "the file is empty (no line holds a case)"};
    e.code = input_error_code::syntax;
    return {nullptr, {std::move(e)}};
}

// Calls `each(offset, size, number)` for every line that is not blank, reading the file a block at
// a time; a line is never held whole, so that one of any length costs no memory. Returns the error
// of a file that cannot be read, `source` naming it.
template <class Each>
std::optional<LoadResult> scan_lines(const std::filesystem::path& path, const std::string& source, Each each) {
    detail::OpenFile file;
    if (auto problem = detail::open_case_file(path, source, file)) return problem;
    const int fd = file.fd;
    std::string block(1u << 16, '\0');
    std::uint64_t offset = 0, start = 0;
    std::uint64_t number = 1;
    bool content = false;  // the line so far has more than white space
    for (;;) {
        const ssize_t n = ::read(fd, block.data(), block.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return detail::read_failure(source, std::string("cannot read the whole file: ") + std::strerror(errno));
        if (n == 0) break;
        for (std::size_t i = 0; i < std::size_t(n); ++i, ++offset) {
            const char c = block[i];
            if (c == '\n') {
                if (content && number > std::numeric_limits<std::uint32_t>::max()) return detail::read_failure(source, "more lines than 4294967295");
                if (content) each(start, offset - start, std::uint32_t(number));
                ++number;
                start = offset + 1;
                content = false;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                content = true;
            }
        }
    }
    if (content) each(start, offset - start, std::uint32_t(std::min<std::uint64_t>(number, std::numeric_limits<std::uint32_t>::max())));
    return std::nullopt;
}

}  // namespace

LoadResult load_case_json_buffer(std::string_view data, std::string source, const Calendar& calendar, const Limits& limits) {
    if (data.size() > limits.max_file_bytes) return detail::too_big(shown_name(source), data.size(), limits);
    return json::load_document(data, std::move(source), calendar, limits);
}

LoadResult load_case_json_file(const std::filesystem::path& path, const Calendar& calendar, const Limits& limits) {
    const std::string source = shown_name(path.string());
    std::string content;
    if (auto problem = detail::read_case_file(path, source, limits, content)) return std::move(*problem);
    return json::load_document(content, source, calendar, limits);
}

void load_cases_json_lines_buffer(std::string_view data, std::string source, const Calendar& calendar,
                                  const std::function<bool(LoadResult&&)>& each, const Limits& limits) {
    source = shown_name(source);
    bool any = false;
    std::uint32_t number = 0;
    for (std::size_t start = 0; start <= data.size();) {
        const std::size_t end = std::min(data.find('\n', start), data.size());
        const std::string_view line = data.substr(start, end - start);
        ++number;
        start = end + 1;
        if (blank(line)) continue;
        any = true;
        if (!each(load_line(line, source, number, calendar, limits))) return;
    }
    if (!any) each(no_cases(source));
}

JsonLinesIndex index_json_lines(const std::filesystem::path& path) {
    JsonLinesIndex index;
    const std::string source = shown_name(path.string());
    auto problem = scan_lines(path, source, [&](std::uint64_t offset, std::uint64_t size, std::uint32_t number) {
        index.lines.push_back(JsonLine{offset, size, number});
    });
    if (problem) {
        index.lines.clear();
        index.errors = std::move(problem->errors);
    } else if (index.lines.empty()) {
        index.errors = no_cases(source).errors;
    }
    return index;
}

LoadResult load_json_line(const std::filesystem::path& path, const JsonLine& line, const Calendar& calendar, const Limits& limits) {
    const std::string source = shown_name(path.string());
    if (line.size > limits.max_file_bytes) return line_too_big(source, line.number, line.size, limits);
    std::string content;
    if (auto problem = detail::read_file_range(path, source, line.offset, line.size, content)) return std::move(*problem);
    return load_line(content, source, line.number, calendar, limits);
}

void load_cases_json_lines_file(const std::filesystem::path& path, const Calendar& calendar, const std::function<bool(LoadResult&&)>& each,
                                const Limits& limits) {
    const JsonLinesIndex index = index_json_lines(path);
    if (!index.errors.empty()) {
        each(LoadResult{nullptr, index.errors});
        return;
    }
    for (const JsonLine& line : index.lines)
        if (!each(load_json_line(path, line, calendar, limits))) return;
}

CaseFileForm case_file_form(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
    if (ext == ".json") return CaseFileForm::json;
    if (ext == ".jsonl") return CaseFileForm::json_lines;
    return CaseFileForm::xml;
}

}  // namespace barnetslov
