package cn.js.reduction.consolidate;

import cn.js.reduction.core.FileKind;
import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Severity;
import cn.js.reduction.discover.FileNameCities;
import cn.js.reduction.discover.InputSet;
import cn.js.reduction.discover.SubmissionSniffer;
import cn.js.reduction.intake.RowOutcome;
import cn.js.reduction.intake.RowProcessor;
import cn.js.reduction.intake.RowValidator;
import cn.js.reduction.intake.SourcedRow;
import cn.js.reduction.intake.SubmissionRowReader;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.ReferenceData;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What a final (year-end) run must check before it starts, because it may only account a year in which every city
 * submitted both a project list and an emission report, whole: which cities an input set holds rows that count of,
 * per kind, and which cities' reductions would be INCOMPLETE. Every row is put through the run's own row rules
 * (as {@code validate} does), so a file whose every row is rejected covers no one, and a file that breaks off
 * part-way counts for nothing. Supersession is applied as the run applies it to emission reports (a city's newest
 * report counts; a rejected row of an older one does not make it incomplete).
 */
public final class SubmissionCoverage {

    /** How many cells to fix are named per city. */
    static final int NAMED_CELLS = 5;

    private final Map<FileKind, Set<String>> cities = new EnumMap<>(FileKind.class);
    /** city code → the reasons its reductions would be INCOMPLETE, in file order */
    private final Map<String, List<String>> incomplete = new LinkedHashMap<>();

    /** What one file gave. */
    private record FileRead(String name, LocalDateTime submittedAt, FileKind kind, Set<String> named,
                            Map<String, Set<String>> acceptedPollutants, Map<String, List<String>> rejectedCells,
                            boolean broken) {
    }

    private SubmissionCoverage() {
        for (FileKind kind : FileKind.values()) {
            cities.put(kind, new TreeSet<>());
        }
    }

    public static SubmissionCoverage of(InputSet set, ReferenceData ref) throws IOException {
        SubmissionCoverage coverage = new SubmissionCoverage();
        SubmissionSniffer sniffer = new SubmissionSniffer(ref);
        RowProcessor processor = new RowProcessor(new RowValidator(ref, ref.year()));
        List<FileRead> emissions = new ArrayList<>();
        for (InputSet.Skipped skipped : set.skipped()) {
            if (skipped.rule().severity() != Severity.ERROR) {
                continue; // a note or a lock file in the folder is no submission
            }
            for (String city : FileNameCities.of(skipped.name(), ref)) {
                coverage.incomplete(city, "「" + skipped.name() + "」未能读取（" + skipped.rule() + "）");
            }
        }
        for (InputSet.InputFile file : set.files()) {
            Set<String> named = FileNameCities.of(file.name(), ref);
            SubmissionSniffer.Result sniff = sniffer.sniff(file.path());
            if (!sniff.readable()) {
                if (sniff.header() == null || sniff.kind() == FileKind.EMISSIONS) {
                    named.forEach(c -> coverage.incomplete(c, "「" + file.name() + "」整个文件未读取（" + sniff.problem() + "）"));
                }
                continue;
            }
            FileRead read = read(file, sniff.kind(), named, processor, ref);
            if (read.broken()) {
                if (read.kind() == FileKind.EMISSIONS) {
                    Set<String> of = new TreeSet<>(named);
                    of.addAll(read.acceptedPollutants().keySet());
                    of.addAll(read.rejectedCells().keySet());
                    of.forEach(c -> coverage.incomplete(c, "「" + file.name() + "」读到一半中断，不计入"));
                }
                continue;
            }
            coverage.cities.get(read.kind()).addAll(read.acceptedPollutants().keySet());
            if (read.kind() == FileKind.EMISSIONS) {
                emissions.add(read);
            }
        }
        coverage.rejectedEmissionRows(emissions, ref.pollutants().size());
        return coverage;
    }

    /** Every row of the file through the row rules: the cities of its accepted rows, its rejected cells, a break. */
    private static FileRead read(InputSet.InputFile file, FileKind kind, Set<String> named, RowProcessor processor,
                                 ReferenceData ref) {
        Map<String, Set<String>> accepted = new HashMap<>();
        Map<String, List<String>> rejected = new HashMap<>();
        SubmissionRowReader reader = new SubmissionRowReader(file.path(), ref);
        boolean broken;
        reader.open(new ExecutionContext());
        try {
            SourcedRow row;
            while ((row = reader.read()) != null) {
                for (RowOutcome<?> o : processor.process(row).outcomes()) {
                    if (o.cityCode() == null) {
                        continue;
                    }
                    switch (o.disposition()) {
                        case ACCEPTED -> accepted.computeIfAbsent(o.cityCode(), k -> new TreeSet<>())
                                .add(o.groupCode() == null ? "" : o.groupCode());
                        case REJECTED -> {
                            // a row of a pollutant annex 2 has no target for (颗粒物) leaves nothing incomplete
                            if (o.groupCode() == null || ref.pollutant(o.groupCode()).map(p -> p.targeted()).orElse(true)) {
                                rejected.computeIfAbsent(o.cityCode(), k -> new ArrayList<>()).add(cells(o));
                            }
                        }
                        case IGNORED -> { }
                    }
                }
            }
            broken = reader.breakage() != null;
        } catch (Exception e) {
            broken = true; // the run reports the break (FILE_UNREADABLE); here it is enough that the file is not whole
        } finally {
            reader.close();
        }
        return new FileRead(file.name(), file.submittedAt(), kind, named, accepted, rejected, broken);
    }

    /** "工作表「s」第5行 D5 BAD_NUMBER": where a rejected row is to be fixed. */
    private static String cells(RowOutcome<?> o) {
        List<String> parts = new ArrayList<>();
        for (Finding f : o.findings()) {
            if (f.severity() == Severity.ERROR) {
                parts.add((f.cell() == null ? "" : f.cell() + " ") + f.rule().name());
            }
        }
        return "工作表「" + o.sheet() + "」第" + o.rowNumber() + "行 " + String.join("、", parts);
    }

    /**
     * The rejected emission rows that would stand in the run: those of a file not superseded for their city (a file
     * submits for a city by its name, or, naming none, by rows of every pollutant; a city's newest submission counts).
     */
    private void rejectedEmissionRows(List<FileRead> files, int pollutants) {
        Map<String, FileRead> newest = new HashMap<>();
        Comparator<FileRead> order = Comparator.comparing(FileRead::submittedAt).thenComparing(FileRead::name);
        for (FileRead f : files) {
            for (String city : f.acceptedPollutants().keySet()) {
                if (submits(f, city, pollutants)) {
                    newest.merge(city, f, (a, b) -> order.compare(a, b) >= 0 ? a : b);
                }
            }
        }
        for (FileRead f : files) {
            f.rejectedCells().forEach((city, cells) -> {
                FileRead counted = newest.get(city);
                if (counted != null && counted != f && submits(f, city, pollutants)) {
                    return; // superseded for the city: the run ignores its rows
                }
                List<String> shown = cells.subList(0, Math.min(NAMED_CELLS, cells.size()));
                incomplete(city, "「" + f.name() + "」" + cells.size() + "行被退回：" + String.join("；", shown)
                        + (cells.size() > NAMED_CELLS ? " 等" : ""));
            });
        }
    }

    private static boolean submits(FileRead f, String city, int pollutants) {
        return f.named().isEmpty() ? f.acceptedPollutants().get(city).size() >= pollutants : f.named().contains(city);
    }

    private void incomplete(String city, String reason) {
        incomplete.computeIfAbsent(city, k -> new ArrayList<>()).add(reason);
    }

    /**
     * "南京: 排放量报表" lines for every city that lacks a kind, and "南京: 排放量报表不完整（INCOMPLETE）…" lines, with
     * the cells to fix, for every city whose reductions would be incomplete; empty when every city has both, whole.
     */
    public List<String> missing(ReferenceData ref) {
        List<String> out = new ArrayList<>();
        for (City city : ref.cities()) {
            List<String> kinds = new ArrayList<>();
            for (FileKind kind : FileKind.values()) {
                if (!cities.get(kind).contains(city.code())) {
                    kinds.add(kind.title());
                }
            }
            if (!kinds.isEmpty()) {
                out.add(city.code() + " " + city.name() + ": " + String.join("、", kinds));
            }
            List<String> reasons = incomplete.get(city.code());
            if (reasons != null) {
                out.add(city.code() + " " + city.name() + ": 排放量报表不完整（INCOMPLETE），请改正后重新报送："
                        + String.join("；", reasons));
            }
        }
        return out;
    }
}
