package cn.js.reduction.reference;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The cities' own words, from the plan year's reference folder (docs/input-format.md): the county-level units of
 * GB/T 2260 under each city ({@code districts.csv}: 江阴市, 武进区 …; also the national development zones clerks
 * write as their place, 苏州工业园区, 江北新区 …, without a code) and the other names a category goes by
 * ({@code category_aliases.csv}: the plan's own 建筑工地 where annex 4 says 施工工地 …). Data, not code: a new
 * district or alias is a line in those files.
 *
 * <p>Read from the shipped reference folder of the year (classpath reference/Y/); a year without the files has
 * no district or alias.
 */
final class LocalNames {

    static final String DISTRICTS = "districts.csv";
    static final String CATEGORY_ALIASES = "category_aliases.csv";

    /** No districts and no aliases: reference data made in code (tests), not read from a folder. */
    static final LocalNames NONE = new LocalNames(Map.of(), Map.of());
    // what joins a group and a category written together: VOCs污染治理项目-源头替代, 扬尘治理/施工工地
    private static final Pattern JOINERS = Pattern.compile("[-—–_/|:·、,()]+");

    /** A county-level unit: its GB/T 2260 code, its name (江阴市) and the code of the city it is under. */
    record District(String code, String name, String cityCode) {
    }

    /** District names (normalised) to the districts of that name: 鼓楼区 is in both 南京 and 徐州. */
    private final Map<String, List<District>> districts;
    /** Alias keys (normalised, upper case) to category codes. */
    private final Map<String, String> categoryAliases;

    private LocalNames(Map<String, List<District>> districts, Map<String, String> categoryAliases) {
        this.districts = districts;
        this.categoryAliases = categoryAliases;
    }

    static LocalNames load(ReferenceFolder folder) {
        Map<String, List<District>> districts = new HashMap<>();
        for (String[] row : rows(folder, DISTRICTS)) {
            District d = new District(row[0].strip(), row[1].strip(), row[2].strip());
            districts.computeIfAbsent(Text.normalise(d.name()), k -> new ArrayList<>()).add(d);
        }
        Map<String, String> aliases = new HashMap<>();
        for (String[] row : rows(folder, CATEGORY_ALIASES)) {
            aliases.put(Text.key(row[0]), row[1].strip());
        }
        return new LocalNames(Map.copyOf(districts), Map.copyOf(aliases));
    }

    private static List<String[]> rows(ReferenceFolder folder, String file) {
        Optional<InputStream> in = folder.open(file);
        if (in.isEmpty()) {
            return List.of();
        }
        List<String[]> out = new ArrayList<>();
        try (CSVReader csv = new CSVReader(new InputStreamReader(in.get(), StandardCharsets.UTF_8))) {
            csv.readNext(); // the header
            String[] row;
            while ((row = csv.readNext()) != null) {
                if (row.length >= 2 && !(row[0].isBlank() && row[1].isBlank())) {
                    out.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CsvValidationException e) {
            throw new IllegalStateException(folder.describe() + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The districts named exactly so (normalised), or none. */
    List<District> districtsNamed(String key) {
        return districts.getOrDefault(key, List.of());
    }

    /** A category code by one of its aliases, or null. */
    String categoryAlias(String key) {
        return categoryAliases.get(key);
    }

    /** The parts of a category written with its group: 【VOCs污染治理项目, 源头替代】. */
    static List<String> parts(String key) {
        List<String> parts = new ArrayList<>();
        for (String p : JOINERS.split(key)) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }
}
