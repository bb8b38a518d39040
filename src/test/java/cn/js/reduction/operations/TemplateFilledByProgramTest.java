package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 §3: the project's own template passes validate however it is filled and saved. A program (openpyxl,
 * pandas, POI without recalculating) stores no formula results, so the template's 设区市 cell,
 * =IF(COUNTA(…)=0,"","盐城"), holds a formula and no value: it is read as a person sees it, 盐城 on a filled row
 * and nothing on the others; the pre-formatted rows are no rows read.
 */
class TemplateFilledByProgramTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final int ROWS = 16;

    @TempDir
    Path dir;

    /** 16 project rows as a script fills them: every column but 设区市 (A and C to P). */
    private static List<List<Object>> projectRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= ROWS; i++) {
            rows.add(List.of("YC-2020-" + i, "亭湖区", "项目" + i, "盐城某公司" + i, "", "锅炉提标改造项目",
                    i % 2 == 0 ? "已完成" : "在建", LocalDate.of(2020, 6, 30),
                    i % 2 == 0 ? LocalDate.of(2020, 5, 31) : "", 100 + i, 1.5, 2, 3, 0.5, ""));
        }
        return rows;
    }

    private Path template(String kind, String name) {
        Path file = dir.resolve(name);
        Cli.Result r = Cli.run(List.of("template", "--kind", kind, "--city", "盐城", "--out", file.toString()));
        assertThat(r.exitCode()).as(r.all()).isZero();
        return file;
    }

    private Cli.Result validate(Path... files) {
        List<String> args = new ArrayList<>(List.of("validate"));
        for (Path f : files) {
            args.add(f.toString());
        }
        args.addAll(List.of("--output", dir.resolve("checked").toString()));
        return Cli.run(args);
    }

    private static void assertNoFinding(Cli.Result r, int projects) {
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).as(r.all()).contains("读取 " + projects + " 行：接受 " + projects + "，退回 0，忽略 0",
                "读取 3 行：接受 3，退回 0，忽略 0").contains("错误 0 条，警告 0 条")
                .doesNotContain("提示 INFO", "警告 WARNING", "为空");
    }

    @Test
    void filledByOpenpyxlEveryRowIsAcceptedWithNoFinding() throws Exception {
        requireOrSkip(Files.isExecutable(Path.of(PYTHON)) && python("import openpyxl") == 0,
                PYTHON + " with the openpyxl module (apt-get install python3-openpyxl)");
        Path projects = template("projects", "盐城_项目清单.xlsx");
        Path emissions = template("emissions", "盐城_排放量报表.xlsx");
        fillWithOpenpyxl(projects);
        fillWithOpenpyxl(emissions);
        try (XSSFWorkbook wb = open(projects)) {
            // what openpyxl leaves: the formula, no value (the point of the test)
            org.apache.poi.xssf.usermodel.XSSFCell city = wb.getSheet("项目清单").getRow(1).getCell(1);
            assertThat(city.getCellFormula()).startsWith("IF(COUNTA(");
            assertThat(city.getCTCell().isSetV() && !city.getCTCell().getV().isEmpty()).isFalse();
        }

        assertNoFinding(validate(projects, emissions), ROWS);
    }

    @Test
    void filledByPoiWithoutRecalculatingEveryRowIsAcceptedWithNoFinding() throws Exception {
        Path projects = template("projects", "盐城_项目清单.xlsx");
        Path emissions = template("emissions", "盐城_排放量报表.xlsx");
        try (XSSFWorkbook wb = open(projects)) {
            XSSFSheet sheet = wb.getSheet("项目清单");
            List<List<Object>> rows = projectRows();
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.getRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    set(row, c == 0 ? 0 : c + 1, values.get(c)); // column B (设区市) is the template's formula
                }
            }
            save(wb, projects);
        }
        try (XSSFWorkbook wb = open(emissions)) {
            XSSFSheet sheet = wb.getSheet("排放量报表");
            for (int r = 1; r <= 3; r++) {
                set(sheet.getRow(r), 3, 1000.0 * r);
                set(sheet.getRow(r), 4, 800.5 * r);
            }
            save(wb, emissions);
        }

        assertNoFinding(validate(projects, emissions), ROWS);
    }

    @Test
    void savedByLibreOfficeAfterAProgramFilledItEveryRowIsAcceptedWithNoFinding() throws Exception {
        requireOrSkip(Files.isExecutable(Path.of(PYTHON)) && python("import openpyxl") == 0,
                PYTHON + " with the openpyxl module (apt-get install python3-openpyxl)");
        requireOrSkip(onPath("soffice"), "soffice (LibreOffice) on the PATH");
        Path projects = template("projects", "盐城_项目清单.xlsx");
        Path emissions = template("emissions", "盐城_排放量报表.xlsx");
        fillWithOpenpyxl(projects);
        fillWithOpenpyxl(emissions);
        Path saved = Files.createDirectories(dir.resolve("saved"));
        Process p = new ProcessBuilder("soffice", "--headless", "-env:UserInstallation=file://" + dir.resolve("lo"),
                "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", saved.toString(), projects.toString(),
                emissions.toString()).redirectErrorStream(true).start();
        p.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();

        assertNoFinding(validate(saved.resolve(projects.getFileName()), saved.resolve(emissions.getFileName())), ROWS);
    }

    /** Fills the workbook as a clerk's script does: openpyxl.load_workbook, cells set, save (no values computed). */
    private void fillWithOpenpyxl(Path file) throws Exception {
        String script = """
                import sys, datetime, openpyxl
                path = sys.argv[1]
                wb = openpyxl.load_workbook(path)
                if '项目清单' in wb.sheetnames:
                    ws = wb['项目清单']
                    for i in range(1, %d + 1):
                        r = i + 1
                        values = ['YC-2020-%%d' %% i, None, '亭湖区', '项目%%d' %% i, '盐城某公司%%d' %% i, None,
                                  '锅炉提标改造项目', '已完成' if i %% 2 == 0 else '在建', datetime.date(2020, 6, 30),
                                  datetime.date(2020, 5, 31) if i %% 2 == 0 else None, 100 + i, 1.5, 2, 3, 0.5]
                        for c, v in enumerate(values, start=1):
                            if v is not None:
                                ws.cell(row=r, column=c, value=v)
                else:
                    ws = wb['排放量报表']
                    for r in range(2, 5):
                        ws.cell(row=r, column=4, value=1000.0 * r)
                        ws.cell(row=r, column=5, value=800.5 * r)
                wb.save(path)
                """.formatted(ROWS);
        Path py = dir.resolve("fill.py");
        Files.writeString(py, script, StandardCharsets.UTF_8);
        assertThat(python(py.toString(), file.toString())).isZero();
    }

    private int python(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(PYTHON));
        if (args.length == 1 && !args[0].endsWith(".py")) {
            command.addAll(List.of("-c", args[0]));
        } else {
            command.addAll(List.of(args));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        if (p.exitValue() != 0 && args[0].endsWith(".py")) {
            throw new AssertionError(out);
        }
        return p.exitValue();
    }

    /**
     * Skips where the program a clerk's office would use is not installed; fails instead where the build says these
     * tests must run ({@code REDUCTION_TEST_REQUIRE_SOFFICE=1}, set by .ci/run, which installs both), so that CI
     * never passes with them skipped.
     */
    private static void requireOrSkip(boolean installed, String what) {
        if ("1".equals(System.getenv("REDUCTION_TEST_REQUIRE_SOFFICE"))) {
            assertThat(installed).as(what + " is required here (REDUCTION_TEST_REQUIRE_SOFFICE=1) but not installed").isTrue();
        }
        assumeTrue(installed, "skipped: " + what + " is not installed on this machine");
    }

    private static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
    }

    private static void set(Row row, int column, Object v) {
        if (v instanceof String s && s.isEmpty()) {
            return;
        }
        Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
        if (v instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(row.getSheet().getColumnStyle(column));
        } else if (v instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else {
            cell.setCellValue(v.toString());
        }
    }

    private static XSSFWorkbook open(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static void save(XSSFWorkbook wb, Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out); // no evaluateAll: the template's formulas keep no value, as a program leaves them
        }
    }
}
