// The JSON loader on arbitrary bytes, as one JSON case file and as a JSON Lines file; whatever it
// accepts evaluated by every rule and written as text and JSON. Checked as for the XML loader
// (fuzz_checks.hpp): no crash, a case or errors, positions inside the input, no CPR-shaped
// number and no raw control character in any message or report; and a JSON Lines file gives one
// result for each line that is not blank, in order.
#include <cstdint>
#include <string_view>

#include "barnetslov/loader.hpp"
#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace barnetslov;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    Limits limits;
    limits.max_file_bytes = 1u << 20;
    // A file's lines end at LF, CRLF or a CR alone; a JSON Lines file's at LF.
    std::size_t lines = 1, lf_lines = 1, cases = 0;
    bool content = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        lines += text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
        if (text[i] == '\n') {
            ++lf_lines;
            cases += content;
            content = false;
        } else if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') {
            content = true;
        }
    }
    cases += content;
    fuzz::check_load(load_case_json_buffer(text, "fuzz.json", fuzz::engine().calendar(), limits), "fuzz.json", lines, limits);
    std::size_t results = 0;
    load_cases_json_lines_buffer(text, "fuzz.jsonl", fuzz::engine().calendar(), [&](LoadResult&& r) {
        fuzz::check_load(r, "fuzz.jsonl", lf_lines, limits);
        ++results;
        return true;
    }, limits);
    FUZZ_CHECK(results == (cases == 0 ? 1 : cases));  // no case at all is one error
    return 0;
}
