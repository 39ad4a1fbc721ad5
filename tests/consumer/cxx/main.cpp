// Reads a case file with the installed C++ library and prints its text report; fails unless the
// report shows the late 24-hour assessment of examples/03, and unless the figures of the reports
// library (barnetslov::reports) count that case.
#include <cstdio>
#include <string>

#include <barnetslov/aggregate.hpp>
#include <barnetslov/engine.hpp>
#include <barnetslov/loader.hpp>
#include <barnetslov/report.hpp>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    const barnetslov::Engine engine;
    const auto loaded = barnetslov::load_case_file(argv[1], engine.calendar());
    if (!loaded.ok()) return 2;
    const auto report = engine.evaluate(loaded.kase, barnetslov::Instant{barnetslov::Seconds{1736938800}});
    std::string text;
    barnetslov::write_text(text, engine, report);
    std::fputs(text.c_str(), stdout);
    barnetslov::Aggregates figures(engine, barnetslov::GroupBy::rule);
    figures.add(report);
    return text.find("late by 1 h 30 min") != std::string::npos && figures.case_count() == 1 ? 0 : 1;
}
