#include "batch.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include <fmt/format.h>

namespace barnetslov::cli {

bool json_case_name(std::string_view name) {
    // As path::extension(): ".json" ends the name's last component and is not all of it (".json"
    // is a hidden file with no extension). The last five bytes first: a name that is not a JSON
    // case file's differs there at once (finding the last '/' and '.' was ~0.13 k instructions a file).
    constexpr std::string_view json = ".json";
    if (name.size() <= json.size()) return false;
    for (std::size_t k = 0; k < json.size(); ++k) {
        const char c = name[name.size() - json.size() + k];
        if ((c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c) != json[k]) return false;
    }
    return name[name.size() - json.size() - 1] != '/';
}

void FileResult::count(const std::array<std::uint64_t, status_count>& taken) {
    for (std::size_t k = 0; k < status_count; ++k) {
        const auto status = static_cast<Status>(k);
        by_status[k] += taken[k];
        findings += taken[k];
        if (is_problem(status)) failures += taken[k];
        if (status == Status::not_applicable) skipped += taken[k];
    }
    problems = problems || failures != 0;
}

namespace {

// Input i as its name says: a line of a JSON Lines file, a JSON file, an XML file. Whole files
// through the thread's `reader`: openat relative to the folder, one buffer for every file.
LoadResult load(const FileList& files, std::size_t i, const Calendar& calendar, const BatchOptions& options,
                CaseFileReader& reader) {
    if (const JsonLine* line = files.line(i)) return load_json_line(files.path(i), *line, calendar);
    const auto [folder, name] = files.parts(i);
    if (folder.empty() && name == "-" && options.standard_input) {
        // Messages name the input "<stdin>", as a file's name them by its path.
        if (options.standard_input_json) return load_case_json_buffer(*options.standard_input, "<stdin>", calendar);
        return load_case_buffer(*options.standard_input, "<stdin>", calendar);
    }
    return reader.load(folder, name, json_case_name(name), calendar);
}

// BatchOptions::figures_only: the case's figures made in place in the result (a CaseFigures made apart
// and moved in, its indicators too, was ~0.4 k instructions a file).
FileResult figures_of(const Case& kase, const Engine& engine, Instant as_of, const BatchOptions& options) {
    static const EvidenceIndex none;  // an lvalue as *options.evidence is: `? :` with a temporary would copy the index
    FileResult r(std::in_place, engine, kase, options.evidence ? *options.evidence : none, options.figures_detail, options.indicators);
    // One pointer captured, so that the std::function holds it in place: four references were a
    // heap block a file (issue 20, session 33).
    const auto add = [&](std::span<const Finding> findings) { r.figures.add(engine, kase, findings, *options.figures_only); };
    engine.evaluate_each_rule(kase, as_of, [add = &add](std::span<const Finding> findings) { (*add)(findings); }, options.rules);
    r.count(r.figures.statuses());
    return r;
}

FileResult check_one(const FileList& files, std::size_t i, const Engine& engine, Instant as_of, const BatchOptions& options,
                     CaseFileReader& reader) {
    LoadResult loaded = load(files, i, engine.calendar(), options, reader);
    if (loaded.ok() && options.figures_only) return figures_of(*loaded.kase, engine, as_of, options);
    FileResult r;
    r.loaded = loaded.ok();
    if (loaded.ok()) r.report = engine.evaluate(std::move(loaded.kase), as_of, EvaluateOptions{false, options.rules});
    else r.errors = std::move(loaded.errors);
    if (options.render) options.render(r);
    if (!options.keep_report) r.report.reset();
    return r;
}

// Files done, rate and time left, redrawn at most ten times a second on one stderr line.
class Progress {
public:
    Progress(std::size_t total, bool on) : total_(total), on_(on), start_(Clock::now()), last_(start_) {}
    void update(std::size_t done) {
        if (!on_) return;
        const auto now = Clock::now();
        if (done != total_ && now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        const double secs = std::chrono::duration<double>(now - start_).count();
        const double rate = secs > 0 ? static_cast<double>(done) / secs : 0.0;
        const double left = rate > 0 ? static_cast<double>(total_ - done) / rate : 0.0;
        std::fputs(fmt::format("\r{}/{} files  {:.0f} files/s  {:.0f} s left ", done, total_, rate, left).c_str(), stderr);
        if (done == total_) std::fputs("\n", stderr);
    }

private:
    using Clock = std::chrono::steady_clock;
    std::size_t total_;
    bool on_;
    Clock::time_point start_, last_;
};

}  // namespace

BatchOutcome run_batch(const FileList& files, const Engine& engine, Instant as_of,
                       const BatchOptions& options, const std::function<bool(std::size_t, FileResult&)>& sink) {
    const std::size_t n = files.size();
    const unsigned jobs = std::max(1u, options.jobs);
    Progress progress(n, options.progress && n > 0);
    BatchOutcome outcome;
    // Both loops below stop before a file once max_failures inputs have failed, or after one the
    // sink refused.
    auto gave_up = [&] { return options.max_failures != 0 && options.failed_before + outcome.failures >= options.max_failures; };
    auto hand_on = [&](std::size_t i, FileResult& r) {
        if (!r.loaded) ++outcome.failures;
        outcome.stopped = !sink(i, r);
        return !outcome.stopped;
    };
    CaseFileReader reader;  // the calling thread's; each worker has its own
    if (jobs == 1) {
        for (std::size_t i = 0; i < n; ++i) {
            if (gave_up()) {
                outcome.unread += n - i;
                break;
            }
            FileResult r = check_one(files, i, engine, as_of, options, reader);
            if (!hand_on(i, r)) break;
            progress.update(i + 1);
        }
        return outcome;
    }

    // A ring of result slots: file i may be taken only while i < emitted + window. The calling
    // thread is one of the `jobs`: it hands results on in order and, while the next one is not
    // ready, checks a file itself instead of sleeping. Waking a thread per file (futex calls and
    // three threads on two CPUs) cost more than a second thread gained (bench/ANALYSIS.md).
    const std::size_t window = 16 * static_cast<std::size_t>(jobs);
    std::vector<std::optional<FileResult>> slots(window);
    std::mutex m;
    std::condition_variable ready, room;
    std::size_t emitted = 0;        // guarded by m; written by the calling thread only
    bool caller_waiting = false;    // guarded by m: the calling thread sleeps until slot `emitted` fills
    std::size_t room_waiters = 0;   // guarded by m
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    auto store = [&](std::size_t i, FileResult&& r) {
        bool wake = false;
        {
            std::lock_guard lock(m);
            slots[i % window] = std::move(r);
            wake = caller_waiting && i == emitted;
        }
        if (wake) ready.notify_one();
    };
    auto work = [&] {
        CaseFileReader own;
        for (;;) {
            const std::size_t i = next.fetch_add(1);
            if (i >= n) return;
            {
                std::unique_lock lock(m);
                if (i >= emitted + window && !stop.load()) {
                    ++room_waiters;
                    room.wait(lock, [&] { return i < emitted + window || stop.load(); });
                    --room_waiters;
                }
                if (stop.load()) return;
            }
            store(i, check_one(files, i, engine, as_of, options, own));
        }
    };
    // The calling thread claims a file only when it has room, since it is the one making room.
    auto claim = [&]() -> std::optional<std::size_t> {
        std::size_t i = next.load();
        while (i < n && i < emitted + window)
            if (next.compare_exchange_weak(i, i + 1)) return i;
        return std::nullopt;
    };
    std::vector<std::jthread> pool;
    for (unsigned k = 1; k < jobs; ++k) pool.emplace_back(work);
    auto stop_workers = [&] {
        {
            std::lock_guard lock(m);
            stop = true;
        }
        room.notify_all();
    };
    for (std::size_t i = 0; i < n; ++i) {
        if (gave_up()) {
            outcome.unread += n - i;
            stop_workers();
            break;
        }
        FileResult r;
        for (;;) {
            {
                std::unique_lock lock(m);
                if (slots[i % window].has_value()) break;
            }
            if (const auto j = claim()) {
                store(*j, check_one(files, *j, engine, as_of, options, reader));
                continue;
            }
            std::unique_lock lock(m);
            caller_waiting = true;
            ready.wait(lock, [&] { return slots[i % window].has_value(); });
            caller_waiting = false;
            break;
        }
        bool wake_workers = false;
        {
            std::lock_guard lock(m);
            r = std::move(*slots[i % window]);
            slots[i % window].reset();
            emitted = i + 1;
            wake_workers = room_waiters > 0;
        }
        if (wake_workers) room.notify_all();
        if (!hand_on(i, r)) {
            stop_workers();
            break;
        }
        progress.update(i + 1);
    }
    return outcome;  // the jthreads join here
}

}  // namespace barnetslov::cli
