package cn.js.reduction.operations;

/** The software version written into every run's metadata: the jar's Implementation-Version. */
public final class Version {

    private Version() {
    }

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return "reduction-accounting " + (v == null ? "dev" : v);
    }
}
