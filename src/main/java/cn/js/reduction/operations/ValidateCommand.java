package cn.js.reduction.operations;

import cn.js.reduction.clerk.AnnotatedReturn;
import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.core.RuleCatalogue;
import cn.js.reduction.core.Severity;
import cn.js.reduction.intake.SubmissionCheck;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.reference.ReferenceLibrary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code validate FILE...}: a city clerk checks submissions before sending them. The job's own intake code
 * runs over each file ({@link SubmissionCheck}); no database is opened, not even the embedded one. Prints a
 * summary per file and writes the clerk's workbook back annotated into {@code --output} (default
 * output/validate). Exit 0 when no file has an ERROR, 1 when one has, 2 for usage errors.
 */
final class ValidateCommand {

    /** The plan year shipped with the program, taken when --year is not given. */
    static final int DEFAULT_YEAR = 2020;
    static final String DEFAULT_OUTPUT = "output/validate";

    static final String HELP = """
            validate FILE... [--year Y] [--output DIR]

            Checks submission files (xlsx, xls, csv; a folder stands for the files in it) exactly as the run's intake does, without touching any
            database, and prints per file the rows read, accepted, rejected and ignored and the errors and
            warnings by rule. Writes each file back annotated into DIR (default output/validate) as
            校验结果_<name>.xlsx: faulty cells filled red (error) or yellow (warning) with a comment saying what
            is wrong, a sheet 问题清单 linking every finding to its cell, and the sheet 规则说明.
            Not checked here (they need every file of the year): resubmissions, duplicate ids across files.
              --year Y    the plan year whose reference data applies (default 2020)
              --reference DIR  that year's reference data from DIR/Y/ (default: the data shipped in the program)
            Exit codes: 0 no errors, 1 errors found (or a file cannot be read), 2 bad usage.
            """;

    private ValidateCommand() {
    }

    static Commands.Prepared prepare(Options options, Map<String, String> env) {
        ReferenceLibrary references = Commands.references(options);
        ReferenceData reference = references.year(Commands.year(options, references, DEFAULT_YEAR));
        if (options.positional().isEmpty()) {
            throw new UsageException("name at least one file to check, e.g. validate 南京_项目清单.xlsx");
        }
        List<Path> files = new ArrayList<>();
        for (String name : options.positional()) {
            Path file = Path.of(name);
            if (Files.isDirectory(file)) {
                files.addAll(filesIn(file));
            } else if (Files.isRegularFile(file)) {
                files.add(file);
            } else {
                throw new UsageException("no such file: " + name + "（找不到文件）");
            }
        }
        if (files.isEmpty()) {
            throw new UsageException("no files to check in " + String.join(", ", options.positional()));
        }
        Path output = ReductionAccountingApplication.absolute(options.path("output", DEFAULT_OUTPUT));
        return new Commands.Prepared(null, (context, out, err) -> run(files, reference, output, out, err));
    }

    /** A folder stands for the files a run would take from it (the run's own listing). */
    private static List<Path> filesIn(Path folder) {
        try {
            return cn.js.reduction.discover.InputSet.scan(folder).files().stream()
                    .map(cn.js.reduction.discover.InputSet.InputFile::path).toList();
        } catch (java.io.IOException e) {
            throw new UsageException("cannot list the folder " + folder + ": " + e.getMessage());
        }
    }

    static int run(List<Path> files, ReferenceData reference, Path output, PrintStream out, PrintStream err) {
        SubmissionCheck check = new SubmissionCheck(reference, reference.year());
        long errors = 0;
        long warnings = 0;
        for (Path file : files) {
            SubmissionCheck.Report report = check.check(file);
            errors += report.count(Severity.ERROR);
            warnings += report.count(Severity.WARNING);
            out.println(file.getFileName());
            summarise(report, out);
            Path returned = output.resolve(AnnotatedReturn.fileName(file));
            try {
                AnnotatedReturn.Written written = AnnotatedReturn.write(file, !unreadable(report),
                        report.findings(), reference.terms(), returned);
                out.println("  标注文件 annotated copy: " + written.path());
                if (written.note() != null) {
                    out.println("  （" + written.note() + "）");
                }
            } catch (IOException | RuntimeException e) {
                err.println("  标注文件未能写出 annotated copy not written: " + returned + " (" + Commands.oneLine(e) + ")");
            }
            out.println();
        }
        out.println("共 " + files.size() + " 个文件：错误 " + errors + " 条，警告 " + warnings + " 条。"
                + (errors == 0 ? "可以报送。 (no errors: ready to submit)"
                : "请按标注改正错误后再报送。 (fix the errors, then submit)"));
        return errors == 0 ? ReductionAccountingApplication.OK : ReductionAccountingApplication.FAILED;
    }

    private static boolean unreadable(SubmissionCheck.Report report) {
        return report.skipped() && report.findings().get(0).rule() == Rule.FILE_UNREADABLE;
    }

    private static void summarise(SubmissionCheck.Report r, PrintStream out) {
        if (r.skipped()) {
            Finding f = r.findings().get(0);
            out.println("  未读取 not read: " + f.rule().name() + " " + f.rule().title());
            out.println("  " + f.message());
            return;
        }
        out.println("  " + r.header().kind().title() + "，工作表「" + r.header().sheet() + "」，表头在第"
                + r.header().headerRowNumber() + "行");
        out.println("  读取 " + r.rowsRead() + " 行：接受 " + r.accepted() + "，退回 " + r.rejected() + "，忽略 " + r.ignored()
                + "  (rows read " + r.rowsRead() + ": accepted " + r.accepted() + ", rejected " + r.rejected()
                + ", ignored " + r.ignored() + ")");
        for (Severity s : Severity.values()) {
            Map<Rule, Long> byRule = r.byRule(s);
            if (byRule.isEmpty()) {
                continue;
            }
            out.println("  " + RuleCatalogue.chinese(s) + " " + s.name() + " " + r.count(s) + " 条：");
            byRule.forEach((rule, n) -> out.println(String.format("    %-26s %-24s %d", rule.name(), rule.title(), n)));
        }
        if (r.findings().isEmpty()) {
            out.println("  没有发现问题 (no findings)");
        }
        if (r.notKept() > 0) {
            out.println("  （问题过多，标注文件只标出前 " + SubmissionCheck.MAX_KEPT_FINDINGS + " 条，其余 " + r.notKept()
                    + " 条只计数 (only the first " + SubmissionCheck.MAX_KEPT_FINDINGS + " findings are annotated)）");
        }
    }
}
