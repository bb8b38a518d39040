package cn.js.reduction.consolidate;

import cn.js.reduction.core.FileKind;
import cn.js.reduction.discover.Field;
import cn.js.reduction.discover.InputSet;
import cn.js.reduction.discover.RawRow;
import cn.js.reduction.discover.SheetSource;
import cn.js.reduction.discover.SheetSources;
import cn.js.reduction.discover.SubmissionSniffer;
import cn.js.reduction.discover.UnreadableFileException;

import cn.js.reduction.reference.City;
import cn.js.reduction.reference.ReferenceData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which cities an input set holds rows of, per kind: what a final (year-end) run must check before it
 * starts, because it may only account a year in which every city submitted both a project list and an
 * emission report. Reads only the city column of each readable file, streaming.
 */
public final class SubmissionCoverage {

    private final Map<FileKind, Set<String>> cities = new EnumMap<>(FileKind.class);

    private SubmissionCoverage() {
        for (FileKind kind : FileKind.values()) {
            cities.put(kind, new TreeSet<>());
        }
    }

    public static SubmissionCoverage of(InputSet set, ReferenceData ref) throws IOException {
        SubmissionCoverage coverage = new SubmissionCoverage();
        SubmissionSniffer sniffer = new SubmissionSniffer(ref);
        for (InputSet.InputFile file : set.files()) {
            SubmissionSniffer.Result sniff = sniffer.sniff(file.path());
            if (!sniff.readable()) {
                continue;
            }
            Set<String> found = coverage.cities.get(sniff.kind());
            // every sheet the intake reads (a workbook may hold one sheet per city), the file opened once for all
            try (SheetSource source = SheetSources.open(file.path())) {
                for (SubmissionSniffer.SheetPlan sheet : sniff.sheets()) {
                    Integer column = sheet.header().column(Field.CITY);
                    try (SheetSource.RowCursor rows = source.rows(sheet.sheetIndex())) {
                        RawRow row;
                        while ((row = rows.next()) != null) {
                            if (row.rowNumber() > sheet.header().headerRowNumber()) {
                                ref.findCity(row.text(column)).ifPresent(c -> found.add(c.code()));
                            }
                        }
                    } catch (UnreadableFileException e) {
                        // a sheet that breaks while read covers the cities read so far; intake reports the break
                    }
                }
            } catch (UnreadableFileException e) {
                // a file that no longer opens covers nothing; intake reports it
            }
        }
        return coverage;
    }

    /** "南京: 排放量报表" lines for every city that lacks a kind; empty when every city has both. */
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
        }
        return out;
    }
}
