package cn.js.reduction.intake;

import cn.js.reduction.core.InputLimits;

import cn.js.reduction.store.InputFileStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One intake partition per readable file of the run, named after the file, so that a restart re-runs only
 * the files whose partitions did not complete.
 */
public class FilePartitioner implements Partitioner {

    /**
     * Spring Batch keeps a step's name in 100 characters, and the partition step's name is "intakeFile:" and
     * the partition's: a longer name (a file name may have 255) failed the whole intake.
     */
    static final int MAX_PARTITION_NAME = 100 - "intakeFile:".length();

    private final InputFileStore files;
    private final long runId;

    public FilePartitioner(JdbcTemplate jdbc, long runId) {
        this.files = new InputFileStore(jdbc);
        this.runId = runId;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (InputFileStore.ReadableFile file : files.readable(runId)) {
            ExecutionContext context = new ExecutionContext();
            context.putString("file", file.fileName());
            // the hash discovery recorded: the reader reads the file only if it still has it
            context.putString("sha256", file.sha256());
            partitions.put(partitionName(file.fileName(), partitions.size()), context);
        }
        return partitions;
    }

    /**
     * "file:" and the file's name as a log line may show it (control characters escaped); a name too long for
     * the step's name is cut and numbered by its place in the run's file list, which a restart of the run
     * keeps, so that the partition is found again.
     */
    static String partitionName(String file, int index) {
        String name = "file:" + InputLimits.printable(file);
        if (name.length() <= MAX_PARTITION_NAME) {
            return name;
        }
        String suffix = "…#" + (index + 1);
        int keep = MAX_PARTITION_NAME - suffix.length();
        if (Character.isHighSurrogate(name.charAt(keep - 1))) {
            keep--;
        }
        return name.substring(0, keep) + suffix;
    }
}
