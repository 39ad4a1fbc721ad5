package dk.barnetslov.tests;

import static dk.barnetslov.tests.Check.equal;
import static dk.barnetslov.tests.Check.that;

import dk.barnetslov.Case;
import dk.barnetslov.Engine;
import dk.barnetslov.Finding;
import dk.barnetslov.InputException;
import dk.barnetslov.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** One engine shared by threads; errors per thread; closing while other threads use it. */
final class ThreadTests {
    private ThreadTests() {}

    private static final int THREADS = 8;

    static void run(Check check, Fixtures fx) {
        check.test("threads sharing one engine give one thread's findings", () -> {
            List<Path> files = fx.exampleFiles();
            Map<Path, List<Finding>> alone = new ConcurrentHashMap<>();
            for (Path f : files) alone.put(f, findings(fx.engine, f, fx));
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; ++t) {
                    int offset = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < files.size(); ++i) {
                            Path f = files.get((i + offset) % files.size()); // each thread in another order
                            equal(alone.get(f), findings(fx.engine, f, fx), f.getFileName().toString());
                        }
                        return null;
                    }));
                }
                for (Future<?> d : done) d.get();
            } finally {
                pool.shutdown();
            }
        });

        check.test("each thread reads its own error", () -> {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; ++t) {
                    String source = "thread-" + t + ".xml";
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < 200; ++i) {
                            try {
                                fx.load("<case", source);
                                throw new AssertionError("a broken case was read");
                            } catch (InputException e) {
                                that(e.getMessage().startsWith(source + ":"), "another thread's message: " + e.getMessage());
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> d : done) d.get();
            } finally {
                pool.shutdown();
            }
        });

        check.test("closing an engine other threads are using is an exception there, not a crash", () -> {
            Engine engine = new Engine();
            Path file = fx.examples.resolve("09-open-case-with-deadlines-ahead.xml");
            AtomicInteger evaluated = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> done = new ArrayList<>();
                for (int t = 0; t < 4; ++t) {
                    done.add(pool.submit(() -> {
                        long deadline = System.nanoTime() + 60_000_000_000L; // a bound, should close() not stop them
                        while (System.nanoTime() < deadline) {
                            try (Case kase = engine.load(file); Report r = engine.evaluate(kase, fx.asOf)) {
                                r.warningList();
                                evaluated.incrementAndGet();
                            } catch (IllegalStateException e) {
                                return e.getMessage();
                            }
                        }
                        return "still running 60 s after close()";
                    }));
                }
                while (evaluated.get() < 20) Thread.sleep(5);
                engine.close();
                for (Future<String> d : done) equal("the engine is closed", d.get(), "each thread stops with");
            } finally {
                pool.shutdown();
            }
        });
    }

    private static List<Finding> findings(Engine engine, Path file, Fixtures fx) {
        try (Case kase = engine.load(file); Report r = engine.evaluate(kase, fx.asOf)) {
            return r.findings();
        }
    }
}
