#include "discover.hpp"

#include <algorithm>
#include <system_error>

namespace barnetslov::cli {

Discovered discover(const std::vector<std::string>& args) {
    namespace fs = std::filesystem;
    Discovered out;
    for (const std::string& arg : args) {
        std::error_code ec;
        const fs::path p(arg);
        if (fs::is_directory(p, ec)) {
            std::vector<std::string> found;
            fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
            for (; !ec && it != end; it.increment(ec))
                if (it->is_regular_file(ec) && it->path().extension() == ".xml") found.push_back(it->path().string());
            if (ec) out.problems.push_back(arg + ": cannot read the folder: " + ec.message());
            // Sorted as paths (component by component), as before, so the order never changes.
            std::sort(found.begin(), found.end(), [](const std::string& a, const std::string& b) { return fs::path(a) < fs::path(b); });
            out.files.insert(out.files.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
            found.clear();
            found.shrink_to_fit();
        } else {
            out.files.push_back(arg);  // the loader reports a missing or unreadable file
        }
    }
    return out;
}

}  // namespace barnetslov::cli
