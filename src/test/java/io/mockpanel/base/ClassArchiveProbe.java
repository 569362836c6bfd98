package io.mockpanel.base;

/** Prints {@link ClassArchive#current()} of the JVM it runs in (for {@link ClassArchiveTest}). */
final class ClassArchiveProbe {

    private ClassArchiveProbe() {
    }

    public static void main(String[] arguments) {
        System.out.println(ClassArchive.current());
    }
}
