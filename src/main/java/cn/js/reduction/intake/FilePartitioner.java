package cn.js.reduction.intake;

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

    private final JdbcTemplate jdbc;
    private final long runId;

    public FilePartitioner(JdbcTemplate jdbc, long runId) {
        this.jdbc = jdbc;
        this.runId = runId;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        jdbc.query("SELECT file_name, sha256 FROM ra_input_file WHERE run_id = ? AND readable ORDER BY file_name",
                rs -> {
                    String file = rs.getString(1);
                    ExecutionContext context = new ExecutionContext();
                    context.putString("file", file);
                    // the hash discovery recorded: the reader reads the file only if it still has it
                    context.putString("sha256", rs.getString(2));
                    partitions.put("file:" + file, context);
                }, runId);
        return partitions;
    }
}
