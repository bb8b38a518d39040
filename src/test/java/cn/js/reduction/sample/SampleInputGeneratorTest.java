package cn.js.reduction.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regenerates the sample into a temporary folder once, reads every file back with POI or opencsv the way a
 * clerk's file would be read (header found by its text, not its position), and checks the set is what docs/input-format.md
 * and SAMPLE.md promise.
 */
class SampleInputGeneratorTest {

    private static final Pattern PROJECT_ID = Pattern.compile("JS-\\d{6}-2020-\\d{4}");
    private static final String OLD_WUXI = "wuxi_projects_20201215.xlsx";

    @TempDir
    static Path folder;
    static SampleInputGenerator.Result result;
    static Map<String, Table> tables = new TreeMap<>();

    @BeforeAll
    static void generateAndReadBack() throws IOException {
        result = SampleInputGenerator.generate(folder);
        for (Path file : result.files()) {
            tables.put(file.getFileName().toString(), read(file));
        }
    }

    @Test
    void holdsAProjectListAndAnEmissionReportForEachOfThe13Cities() {
        assertThat(tables).hasSize(26);
        Map<String, List<String>> citiesByKind = new HashMap<>();
        tables.values().forEach(t -> citiesByKind.computeIfAbsent(t.kind, k -> new ArrayList<>()).addAll(t.cities()));
        List<String> all = SampleCity.ALL.stream().map(SampleCity::code).toList();
        assertThat(citiesByKind.get("项目清单")).containsAll(all);
        assertThat(citiesByKind.get("排放量报表")).containsAll(all);
        assertThat(tables.get("泰州宿迁排放量报表.xlsx").cities()).containsExactlyInAnyOrder("321200", "321300");
    }

    @Test
    void comesInTheFormatsCitiesReallySend() throws IOException {
        Map<String, Long> byExtension = tables.keySet().stream()
                .collect(Collectors.groupingBy(n -> n.substring(n.lastIndexOf('.') + 1), Collectors.counting()));
        assertThat(byExtension).containsEntry("xls", 2L).containsEntry("csv", 2L).containsEntry("xlsx", 22L);
        byte[] bom = Files.readAllBytes(folder.resolve("changzhou_xiangmu_qingdan.csv"));
        assertThat(bom).startsWith(0xEF, 0xBB, 0xBF);
        byte[] gbk = Files.readAllBytes(folder.resolve("taizhou_projects.csv"));
        assertThat(isUtf8(gbk)).as("the GBK file must not also be valid UTF-8").isFalse();
        assertThat(new String(gbk, Charset.forName("GBK"))).startsWith("项目编号,设区市");
        assertThat(tables.get("yangzhou.xlsx").sheet).as("first sheet 填报说明 has no header").isEqualTo("项目清单");
    }

    @Test
    void projectRowsAreNearAnnex4AndEveryRowIsWhereSampleMdSaysItIs() {
        int all = 0;
        int current = 0;
        for (Table t : tables.values()) {
            Layout.FileEntry entry = result.entries().stream().filter(e -> e.file().equals(t.file)).findFirst()
                    .orElseThrow();
            assertThat(t.dataRows).as(t.file).hasSize(entry.dataRows());
            assertThat(t.dataRows.get(0).number).as(t.file).isEqualTo(entry.firstDataRow());
            if (t.kind.equals("项目清单")) {
                all += t.dataRows.size();
                current += t.file.equals(OLD_WUXI) ? 0 : t.dataRows.size();
            }
        }
        assertThat(current).isBetween(4500, 4600);
        assertThat(all).isBetween(4750, 4950);
        assertThat(result.acceptedProjectCount()).isEqualTo(4535 - 15 + 10);
    }

    @Test
    void projectIdsAreUniqueSaveTheOneDeliberateDuplicate() {
        Map<String, List<String>> where = new LinkedHashMap<>();
        for (Table t : tables.values()) {
            if (t.kind.equals("项目清单") && !t.file.equals(OLD_WUXI)) {
                for (DataRow r : t.dataRows) {
                    where.computeIfAbsent(r.value("项目编号"), k -> new ArrayList<>()).add(t.file + "!" + r.number);
                }
            }
        }
        Map<String, List<String>> duplicates = where.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(duplicates).hasSize(1);
        assertThat(duplicates.values().iterator().next()).hasSize(2)
                .anyMatch(s -> s.startsWith("南京市")).anyMatch(s -> s.startsWith("镇江市"));
        assertThat(duplicates.keySet().iterator().next()).matches(PROJECT_ID).startsWith("JS-320100-");
    }

    @Test
    void creditCodesPassTheCheckDigitSaveTheOneDeliberateTypo() {
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (Table t : tables.values()) {
            for (DataRow r : t.dataRows) {
                String code = r.value("统一社会信用代码");
                if (code != null) {
                    checked++;
                    if (!CreditCode.isValid(code)) {
                        bad.add(t.file + "!" + r.number);
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(3000);
        assertThat(bad).hasSize(1).allMatch(s -> s.startsWith("苏州市大气污染防治工程项目汇总表.xlsx!"));
        assertThat(CreditCode.isValid("9144030071526726XG")).as("a published code").isTrue();
        assertThat(CreditCode.isValid("91110000802100433B")).as("a published code").isTrue();
        assertThat(CreditCode.isValid("91110000802100433C")).isFalse();
    }

    @Test
    void notedCellsHoldWhatSampleMdSays() {
        for (SampleNote note : result.notes()) {
            Table t = tables.get(note.file());
            List<String> row = t.raw.get(note.row());
            assertThat(row).as(note.markdown()).isNotNull();
            if (note.what().startsWith("合计") || note.what().startsWith("小计")) {
                assertThat(row.stream().filter(c -> c != null).findFirst()).as(note.markdown())
                        .contains(note.what().substring(0, 2));
                assertThat(row.stream().filter(c -> c != null && c.matches("\\d+(\\.\\d+)?"))
                        .map(BigDecimal::new)).as("cached sums of " + note.markdown()).isNotEmpty()
                        .allMatch(n -> n.signum() > 0);
            }
        }
        Map<String, String> cells = new HashMap<>();
        result.notes().forEach(n -> {
            if (!n.cell().isEmpty()) {
                int col = new CellReference(n.cell()).getCol();
                List<String> row = tables.get(n.file()).raw.get(n.row());
                cells.put(n.what().split(" ")[0], col < row.size() ? row.get(col) : null);
            }
        });
        assertThat(cells).containsEntry("UNKNOWN_CATEGORY", "秸秆综合利用项目").containsEntry("UNKNOWN_STATUS", "已验收")
                .containsEntry("BAD_DATE", "待定").containsEntry("NEGATIVE_NUMBER", "-3.5")
                .containsEntry("COMPLETED_WITHOUT_DATE", null).containsEntry("REQUIRED_MISSING", null)
                .containsEntry("COMPLETION_AFTER_YEAR_END", "2021/1/15").containsEntry("BAD_NUMBER", "约12")
                .containsEntry("POLLUTANT_NOT_ACCOUNTED", "颗粒物");
        assertThat(cells.get("全角数字")).as("full-width digits").matches(".*[０-９].*");
        String formulaNote = result.notes().stream().filter(n -> n.what().startsWith("公式单元格")).findFirst()
                .orElseThrow().what();
        assertThat(new BigDecimal(cells.get("公式单元格"))).as("cached value of the formula")
                .isEqualByComparingTo(formulaNote.substring(formulaNote.lastIndexOf(' ') + 1));
    }

    @Test
    void theStoryOfTargetsAndClaimsHolds() {
        for (SampleCity city : SampleCity.ALL) {
            for (String pollutant : SampleCity.POLLUTANTS) {
                var r = SampleInputGenerator.reduction(city, pollutant, result.acceptedProjects().get(city),
                        result.emissions().get(city));
                boolean miss = pollutant.equals(SampleInputGenerator.TARGET_MISSES.get(city.name()));
                assertThat(r.met()).as(r.toString()).isEqualTo(!miss);
                if (city.name().equals(SampleInputGenerator.OVERCLAIMING_CITY) && pollutant.equals("VOCS")) {
                    assertThat(r.claimRatio()).isGreaterThan(1.5);
                } else {
                    assertThat(r.claimRatio()).as(r.toString()).isLessThan(0.6);
                }
            }
        }
        int[] perCategory = new int[SampleCategory.values().length];
        SampleCity.ALL.forEach(c -> {
            for (int i = 0; i < perCategory.length; i++) {
                perCategory[i] += c.planned()[i];
            }
        });
        assertThat(perCategory).as("annex 4 全省 row")
                .containsExactly(41, 102, 23, 6, 506, 782, 40, 92, 615, 491, 7, 196, 216, 1119, 111, 26, 137, 25);
        assertThat(java.util.Arrays.stream(perCategory).sum()).isEqualTo(SampleCity.PROVINCE_PLANNED);
    }

    @Test
    void sampleMdListsEveryFeatureAndTheCommittedSampleIsWhatTheGeneratorMakes() throws IOException {
        String sampleMd = Files.readString(Path.of("src/test/java/cn/js/reduction/sample/SAMPLE.md"));
        for (String line : result.markdown().split("\n")) {
            assertThat(sampleMd).as("SAMPLE.md is stale; paste the generator's output").contains(line);
        }
        Path committed = Path.of("input/2020");
        for (Path file : result.files()) {
            Path other = committed.resolve(file.getFileName());
            assertThat(other).as("input/2020 is stale; rerun the generator").exists();
            assertThat(content(other)).as(other.toString()).isEqualTo(content(file));
        }
    }

    // ------------------------------------------------------------------ reading back, as a clerk's file is read

    /** The rows of the first sheet with a recognisable header. */
    static final class Table {
        String file;
        String kind;
        String sheet;
        /** Every row by 1-based number, as text per 0-based column. */
        final Map<Integer, List<String>> raw = new TreeMap<>();
        final Map<String, Integer> columns = new HashMap<>();
        final List<DataRow> dataRows = new ArrayList<>();

        List<String> cities() {
            return dataRows.stream().map(r -> cityCode(r.value("设区市"))).distinct().toList();
        }
    }

    record DataRow(int number, List<String> cells, Map<String, Integer> columns) {
        String value(String header) {
            Integer c = columns.get(header);
            return c == null || c >= cells.size() ? null : cells.get(c);
        }
    }

    static Table read(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<Map<Integer, List<String>>> sheets = new ArrayList<>();
        List<String> sheetNames = new ArrayList<>();
        if (name.endsWith(".csv")) {
            byte[] bytes = Files.readAllBytes(file);
            String text = isUtf8(bytes) ? new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "")
                    : new String(bytes, Charset.forName("GBK"));
            Map<Integer, List<String>> rows = new TreeMap<>();
            try (Reader r = new StringReader(text); CSVReader csv = new CSVReader(r)) {
                int n = 0;
                for (String[] line : csv) {
                    List<String> cells = new ArrayList<>();
                    for (String v : line) {
                        cells.add(v.isEmpty() ? null : v);
                    }
                    rows.put(++n, cells);
                }
            }
            sheets.add(rows);
            sheetNames.add(name.substring(0, name.length() - 4));
        } else {
            try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
                for (Sheet sheet : wb) {
                    Map<Integer, List<String>> rows = new TreeMap<>();
                    for (Row row : sheet) {
                        List<String> cells = new ArrayList<>();
                        for (int c = 0; c < row.getLastCellNum(); c++) {
                            cells.add(text(row.getCell(c)));
                        }
                        rows.put(row.getRowNum() + 1, cells);
                    }
                    sheets.add(rows);
                    sheetNames.add(sheet.getSheetName());
                }
            }
        }
        for (int s = 0; s < sheets.size(); s++) {
            Table t = table(name, sheetNames.get(s), sheets.get(s));
            if (t != null) {
                return t;
            }
        }
        throw new AssertionError(name + ": no header in the first 20 rows of any sheet");
    }

    private static Table table(String file, String sheet, Map<Integer, List<String>> rows) {
        Table t = new Table();
        t.file = file;
        t.sheet = sheet;
        t.raw.putAll(rows);
        int headerRow = 0;
        for (var e : rows.entrySet()) {
            if (e.getKey() > 20) {
                break;
            }
            List<String> cells = e.getValue();
            for (int c = 0; c < cells.size(); c++) {
                String h = cells.get(c) == null ? "" : cells.get(c).replaceAll("\\s", "");
                if (h.equals("项目编号") || h.equals("污染物")) {
                    t.kind = h.equals("项目编号") ? "项目清单" : "排放量报表";
                    headerRow = e.getKey();
                }
                if (!h.isEmpty()) {
                    t.columns.putIfAbsent(h, c);
                }
            }
            if (headerRow > 0) {
                break;
            }
            t.columns.clear();
        }
        if (headerRow == 0) {
            return null;
        }
        for (var e : rows.entrySet()) {
            if (e.getKey() <= headerRow) {
                continue;
            }
            DataRow r = new DataRow(e.getKey(), e.getValue(), t.columns);
            boolean data = t.kind.equals("项目清单") ? r.value("项目编号") != null && PROJECT_ID.matcher(r.value("项目编号")).matches()
                    : r.value("污染物") != null;
            if (data) {
                t.dataRows.add(r);
            }
        }
        return t;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> null;
        };
    }

    static String cityCode(String text) {
        for (SampleCity c : SampleCity.ALL) {
            if (c.code().equals(text) || c.name().equals(text) || c.nameWithShi().equals(text)) {
                return c.code();
            }
        }
        throw new AssertionError("not a city: " + text);
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A file's content: an .xlsx by its parts (compression may differ between JDKs), anything else by its bytes. */
    private static Map<String, String> content(Path file) throws IOException {
        Map<String, String> parts = new TreeMap<>();
        if (!file.toString().endsWith(".xlsx")) {
            parts.put("", java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
            return parts;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    in.transferTo(out);
                    parts.put(e.getName(), out.toString(StandardCharsets.UTF_8));
                }
            }
        }
        return parts;
    }
}
