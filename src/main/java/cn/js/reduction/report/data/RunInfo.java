package cn.js.reduction.report.data;

import cn.js.reduction.core.RunMode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** What the workbooks' 运行信息 sheet says about the run. */
public record RunInfo(long runId, int year, RunMode mode, Map<String, String> parameters, LocalDateTime startTime,
                      LocalDateTime endTime, String softwareVersion, String referenceVersion,
                      List<InputFile> inputFiles) {

    /**
     * One input file of the run, as files.csv lists it.
     *
     * @param sizeBytes  the file's size as discovery found it
     * @param kind       PROJECTS, EMISSIONS or null when it could not be told
     * @param cities     city codes the file holds rows of
     * @param superseded city codes for which a newer file replaced this one
     * @param columnsRead    columns mapped to a field, summed over the file's sheets read (运行信息 only: SPEC §6
     *                       fixes files.csv's columns)
     * @param columnsNotRead columns that held data but were not read (one COLUMN_NOT_READ each), summed likewise
     */
    public record InputFile(String file, String sha256, long sizeBytes, String kind, List<String> cities, int rowsRead,
                            int accepted, int rejected, int ignored, List<String> superseded, int columnsRead,
                            int columnsNotRead) {

        /** A file whose columns are not counted (0 and 0). */
        public InputFile(String file, String sha256, long sizeBytes, String kind, List<String> cities, int rowsRead,
                         int accepted, int rejected, int ignored, List<String> superseded) {
            this(file, sha256, sizeBytes, kind, cities, rowsRead, accepted, rejected, ignored, superseded, 0, 0);
        }
    }
}
