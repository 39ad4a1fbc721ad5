// The XML loader on arbitrary bytes, and whatever it accepts evaluated by every rule and written
// as text and JSON. Checked: no crash, a case or errors (never both, never neither), at most
// Limits::max_errors errors, each with a message and a position inside the input, and no
// CPR-shaped number in any message or text report (privacy: the loader refuses CPR numbers
// outside a cpr attribute, and never echoes one), nor a raw control character (fuzz_checks.hpp).
// And the loader's two front ends agree: what load_case_buffer gives (the one-pass front end for
// a plain file, src/xml/direct_loader.hpp) is what pugixml and the walk alone give, every error
// field and the whole case (load_result_text.hpp), so that libFuzzer hunts for divergences.
#include <cstdint>
#include <string_view>

#include "../load_result_text.hpp"
#include "barnetslov/loader.hpp"
#include "fuzz_checks.hpp"
#include "xml/front_end.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    barnetslov::Limits limits;
    limits.max_file_bytes = 1u << 20;
    // Lines end at LF, CRLF or a CR alone, as the loader counts them (XML 1.0 2.11).
    std::size_t lines = 1;
    for (std::size_t i = 0; i < text.size(); ++i)
        lines += text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
    const barnetslov::LoadResult loaded = barnetslov::load_case_buffer(text, "fuzz.xml", fuzz::engine().calendar(), limits);
    const auto reference =
        barnetslov::xml::load_case_buffer_with(barnetslov::xml::FrontEnd::pugixml, text, "fuzz.xml", fuzz::engine().calendar(), limits);
    FUZZ_CHECK(reference && barnetslov::test::describe(loaded) == barnetslov::test::describe(*reference));
    fuzz::check_load(loaded, "fuzz.xml", lines, limits);
    return 0;
}
