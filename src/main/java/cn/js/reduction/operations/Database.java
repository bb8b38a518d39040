package cn.js.reduction.operations;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where run state lives: PostgreSQL (or any JDBC database) when REDUCTION_DB_URL or --db-url says so, else an
 * embedded H2 file database in the output folder, so that it survives the process and restart works.
 * AUTO_SERVER lets a second process (status, a nightly run that finds one in progress) open it meanwhile.
 */
public record Database(String url, String user, String password) {

    public static Database resolve(Options options, Map<String, String> env, Path outputRoot) {
        String url = options.get("db-url", env.get("REDUCTION_DB_URL"));
        String user = options.get("db-user", env.get("REDUCTION_DB_USER"));
        String password = options.get("db-password", env.get("REDUCTION_DB_PASSWORD"));
        if (url == null || url.isBlank()) {
            Path file = outputRoot.toAbsolutePath().normalize().resolve(".state").resolve("reduction-accounting");
            // WRITE_DELAY=0: a committed chunk is on disk before the next one starts, so a killed process loses
            // only its uncommitted chunk (H2 otherwise flushes commits up to half a second later)
            url = "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
            user = user == null ? "sa" : user;
            password = password == null ? "" : password;
        }
        return new Database(url, user, password);
    }

    /** Spring Boot properties selecting this database. */
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", url);
        if (user != null) {
            p.put("spring.datasource.username", user);
        }
        if (password != null) {
            p.put("spring.datasource.password", password);
        }
        return p;
    }

    /** The URL with any password parameter hidden, for messages. */
    public String display() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
