package cn.js.reduction.report;

import cn.js.reduction.reference.City;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.report.changes.Comparison;
import cn.js.reduction.report.csv.AcceptedProjects;
import cn.js.reduction.report.csv.Manifest;
import cn.js.reduction.report.csv.SummaryTables;
import cn.js.reduction.report.data.JdbcReportData;
import cn.js.reduction.report.data.ReportData;
import cn.js.reduction.report.data.RunInfo;
import cn.js.reduction.report.data.Scope;
import cn.js.reduction.report.workbook.ReturnedCells;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The report stage: the four summary CSVs, changes.csv, accepted_projects.csv (what the next run compares its
 * projects with), the province workbook, one feedback workbook per city and the manifest, written into the run's
 * private working folder. Publishing (move into place) is a separate stage.
 */
public final class Reporting {

    private final JdbcTemplate jdbc;

    public Reporting(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ReportData data(long runId, ReferenceData ref, RunInfo run) {
        return new JdbcReportData(jdbc, runId, ref, run);
    }

    /**
     * Writes every output of the run into {@code folder}, the manifest last so that it covers them all. The
     * workbooks are independent files, each streamed from its own queries: they are written on every core (the
     * province's first, as the longest), each into its own file, so the outputs are the same as one at a time.
     */
    public void write(ReportData data, Path folder, Path inputFolder) throws IOException {
        write(data, folder, inputFolder, null);
    }

    /**
     * As {@link #write(ReportData, Path, Path)}, compared with the complete run published in {@code previousRun}
     * (changes.csv, 与上次对比): the small summary CSVs first, so that the comparison reads them as published.
     *
     * @param previousRun the previous complete run's folder, as recorded when this run started; null for none
     * @return what changed since that run
     */
    public Comparison write(ReportData data, Path folder, Path inputFolder, Path previousRun) throws IOException {
        SummaryTables.writeProjects(data, folder.resolve(SummaryTables.PROJECTS));
        SummaryTables.writeReductions(data, folder.resolve(SummaryTables.REDUCTIONS));
        SummaryTables.writeFiles(data, folder.resolve(SummaryTables.FILES));
        AcceptedProjects.write(data, folder.resolve(AcceptedProjects.FILE));
        Map<String, String> names = new LinkedHashMap<>();
        data.reference().cities().forEach(c -> names.put(c.code(), c.name()));
        Comparison comparison = Comparison.of(previousRun, folder, names);
        comparison.write(folder.resolve(Comparison.FILE));
        WorkbookWriter workbooks = new WorkbookWriter(inputFolder).comparedWith(comparison);
        Path cities = folder.resolve("cities");
        Files.createDirectories(cities);
        // the province workbook links its rejections and findings to the cells the cities' workbooks show
        ReturnedCells returned = new ReturnedCells(data.reference().cities(), cities.getFileName().toString());
        List<Callable<Void>> tasks = new ArrayList<>();
        tasks.add(() -> {
            workbooks.writeProvince(data, folder.resolve(Scope.PROVINCE_WORKBOOK), returned);
            return null;
        });
        tasks.add(() -> {
            SummaryTables.writeFindings(data, folder.resolve(SummaryTables.FINDINGS));
            return null;
        });
        List<Callable<Void>> cityTasks = new ArrayList<>();
        for (City city : data.reference().cities()) {
            cityTasks.add(() -> {
                workbooks.writeCity(data, city.code(), cities.resolve(Scope.cityWorkbook(city)), returned);
                return null;
            });
        }
        tasks.addAll(cityTasks);
        runAll(tasks, returned, cityTasks.size());
        Manifest.write(folder, data.runInfo().inputFiles(), inputFolder);
        return comparison;
    }

    /**
     * Runs the tasks on one thread more than there are cores: the province's (first) waits for the cities' (the
     * last {@code cityTasks}) before its lists, and while it waits, which costs no CPU, every core keeps writing
     * cities' workbooks (with as many threads as cores, one core idled through most of the cities at national
     * scale). The first failure, after every task has ended.
     */
    private static void runAll(List<Callable<Void>> tasks, ReturnedCells returned, int cityTasks) throws IOException {
        int threads = Math.max(1, Math.min(tasks.size(), Runtime.getRuntime().availableProcessors() + 1));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "report-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> running = new ArrayList<>();
            try {
                for (Callable<Void> task : tasks) {
                    running.add(pool.submit(task));
                }
            } finally {
                // the province's task waits for these; whatever was submitted, it is told so that it never waits in vain
                int firstCity = tasks.size() - cityTasks;
                returned.writing(running.size() > firstCity ? List.copyOf(running.subList(firstCity, running.size()))
                        : List.of());
            }
            Throwable first = null;
            for (Future<Void> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause();
                        running.forEach(other -> other.cancel(false));
                    }
                } catch (java.util.concurrent.CancellationException e) {
                    // cancelled after an earlier failure
                }
            }
            if (first instanceof IOException io) {
                throw io;
            }
            if (first instanceof RuntimeException re) {
                throw re;
            }
            if (first instanceof Error err) {
                throw err;
            }
            if (first != null) {
                throw new IOException(first);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("report interrupted", e);
        } finally {
            // after a failure the others are cancelled; none may go on writing into the folder once this returns
            pool.shutdownNow();
            try {
                pool.awaitTermination(2, TimeUnit.MINUTES); // bounded: a failure is reported, never held up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();
}
