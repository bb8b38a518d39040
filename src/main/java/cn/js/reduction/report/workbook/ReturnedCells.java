package cn.js.reduction.report.workbook;

import cn.js.reduction.core.Finding;
import cn.js.reduction.reference.City;
import cn.js.reduction.report.data.ReportData;
import cn.js.reduction.report.data.Scope;
import cn.js.reduction.report.sheet.Link;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Where each city's feedback workbook shows a finding's input cell annotated (原表标注), gathered while the cities'
 * workbooks are written, so that the province workbook links its rejections and findings to those very cells
 * (cities/feedback_320100_南京.xlsx, '原表标注'!E12). The province workbook writes its other sheets meanwhile and
 * asks only when it comes to the lists ({@link #awaitCities()}).
 *
 * <p>Bounded: each city keeps the first {@link #MAX_CELLS} / cities of its cells, in the order its sheet shows them,
 * so memory does not grow with the findings and what is kept does not depend on which workbook is written first.
 * A finding beyond that is listed with the link to its file's row on 运行信息.
 */
public final class ReturnedCells {

    /** Cells remembered over all cities; a few tens of megabytes at most. */
    public static final int MAX_CELLS = 200_000;

    private final List<City> cities;
    private final Map<String, String> workbooks = new HashMap<>();
    private final int perCity;
    private final Map<String, Map<String, String>> byCity = new ConcurrentHashMap<>();
    private final CountDownLatch registered = new CountDownLatch(1);
    private volatile List<Future<?>> writers = List.of();

    /** @param folder the cities' folder relative to the province workbook, e.g. "cities" */
    public ReturnedCells(List<City> cities, String folder) {
        this.cities = List.copyOf(cities);
        for (City city : cities) {
            workbooks.put(city.code(), folder + "/" + Scope.cityWorkbook(city));
        }
        this.perCity = Math.max(1, MAX_CELLS / Math.max(1, cities.size()));
    }

    /** The cell of a finding: its input file, sheet, row and cell (a finding about a whole row marks its first cell). */
    private static String key(Finding f) {
        return ReportData.rowKey(f.file(), f.sheet(), f.row()) + '\u0001' + f.cell();
    }

    /** What the city's workbook placed in 原表标注: finding → '原表标注'!E12, in the sheet's order. */
    public void record(String cityCode, Map<Finding, String> placed) {
        Map<String, String> cells = new HashMap<>();
        for (Map.Entry<Finding, String> e : placed.entrySet()) {
            if (cells.size() >= perCity) {
                break;
            }
            cells.putIfAbsent(key(e.getKey()), e.getValue());
        }
        byCity.put(cityCode, cells);
    }

    /** The writers of the cities' workbooks, once they are all started: {@link #awaitCities()} waits for them. */
    public void writing(List<? extends Future<?>> cityWriters) {
        this.writers = List.copyOf(cityWriters);
        registered.countDown();
    }

    /**
     * Waits until every city's workbook is written (or has failed: its cells are then not linked, and the report
     * stage fails with that city's error anyway).
     */
    public void awaitCities() throws InterruptedException {
        registered.await();
        for (Future<?> writer : writers) {
            try {
                writer.get();
            } catch (ExecutionException | CancellationException e) {
                // reported by whoever runs the writers
            }
        }
    }

    /**
     * The annotated cell of a finding in its city's workbook; for a finding without a city, in the first city's (in
     * annex order) whose workbook shows it; null when none does.
     */
    public Link find(Finding f) {
        if (f.file() == null || f.row() == null) {
            return null;
        }
        String key = key(f);
        if (f.cityCode() != null) {
            return in(f.cityCode(), key);
        }
        for (City city : cities) {
            Link link = in(city.code(), key);
            if (link != null) {
                return link;
            }
        }
        return null;
    }

    private Link in(String cityCode, String key) {
        Map<String, String> cells = byCity.get(cityCode);
        String location = cells == null ? null : cells.get(key);
        return location == null ? null : new Link(workbooks.get(cityCode), location);
    }
}
