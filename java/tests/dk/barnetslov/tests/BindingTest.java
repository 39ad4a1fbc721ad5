package dk.barnetslov.tests;

import java.nio.file.Path;

/**
 * The Java binding's tests, run by CTest as java_test against the built libbarnetslov.so.1:
 *   java -Dbarnetslov.library=build/libbarnetslov.so.1 -cp ... dk.barnetslov.tests.BindingTest SOURCE_DIR
 * The binding must give what the library gives the C tests and the CLI: the examples' findings of
 * examples/expected/, the library's messages and statuses as exceptions, and no crash for a
 * handle used after close or shared between threads.
 */
public final class BindingTest {
    private BindingTest() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: BindingTest SOURCE_DIR");
            System.exit(2);
        }
        Fixtures fx = new Fixtures(Path.of(args[0]));
        Check check = new Check();
        EngineTests.run(check, fx);
        CaseTests.run(check, fx);
        ReportTests.run(check, fx);
        PrecheckTests.run(check, fx);
        TimeTests.run(check, fx);
        LifetimeTests.run(check, fx);
        ThreadTests.run(check, fx);
        fx.engine.close();
        System.exit(check.summary());
    }
}
