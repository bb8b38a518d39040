package cn.js.reduction.intake;

import java.util.LinkedHashMap;
import java.util.List;
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
        List<String> files = jdbc.queryForList(
                "SELECT file_name FROM ra_input_file WHERE run_id = ? AND readable ORDER BY file_name", String.class,
                runId);
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (String file : files) {
            ExecutionContext context = new ExecutionContext();
            context.putString("file", file);
            partitions.put("file:" + file, context);
        }
        return partitions;
    }
}
