package cn.js.reduction.core;

/** What a submitted file holds, told by its header row. */
public enum FileKind {
    /** 项目清单: one row per air-pollution control project. */
    PROJECTS("项目清单"),
    /** 排放量报表: emissions per city, pollutant (and sector). */
    EMISSIONS("排放量报表");

    private final String title;

    FileKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
