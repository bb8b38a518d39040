package cn.js.reduction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages in the order of the README's code map: each may use only those before it, so the arrows run one
 * way (a stage never reaches into a later stage, and inside report/ the building blocks never reach into the
 * sheets, nor a sheet into the writer that assembles the workbook) and a newcomer finds a concept where the map
 * says it is. A package not listed belongs to the nearest listed one above it (operations/distributed to
 * operations).
 */
class PackageArrowsTest {

    private static final List<String> ORDER = List.of("core", "reference", "store", "discover", "intake",
            "consolidate", "reconcile", "report.sheet", "clerk", "report.data", "report.csv", "report.changes",
            "report.workbook", "report.city", "report.province", "report", "publish", "operations");

    private static final Pattern USE = Pattern.compile("cn\\.js\\.reduction\\.([a-z.]+?)\\.[A-Z]");

    @Test
    void everyPackageUsesOnlyThoseBeforeIt() throws IOException {
        Path main = Path.of("src/main/java/cn/js/reduction");
        List<String> wrongWay = new ArrayList<>();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = main.relativize(file.getParent()).toString().replace('/', '.');
                String unit = unitOf(pkg);
                assertThat(unit).as("package of %s is in the code map", file).isNotNull();
                Matcher m = USE.matcher(Files.readString(file));
                while (m.find()) {
                    String used = unitOf(m.group(1));
                    if (ORDER.indexOf(used) > ORDER.indexOf(unit)) {
                        wrongWay.add(main.relativize(file) + " uses " + m.group(1));
                    }
                }
            }
        }
        assertThat(wrongWay).isEmpty();
    }

    @Test
    void theReadmeCodeMapListsThePackagesInThatOrder() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> listed = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^      ([a-z/]+)/ ").matcher(readme);
        while (m.find()) {
            listed.add(m.group(1).replace('/', '.'));
        }
        assertThat(listed).isEqualTo(ORDER);
    }

    /** The listed package that holds {@code pkg}: itself, or the longest listed one it lies in. */
    private static String unitOf(String pkg) {
        return ORDER.stream().filter(u -> pkg.equals(u) || pkg.startsWith(u + "."))
                .max(Comparator.comparingInt(String::length)).orElse(null);
    }
}
