package dk.barnetslov.tests;

import dk.barnetslov.Barnetslov;

/** Loads the library and prints its version: run by EngineTests in a JVM of its own with a wrong path. */
public final class LoadProbe {
    private LoadProbe() {}

    public static void main(String[] args) {
        System.out.println(Barnetslov.version());
    }
}
