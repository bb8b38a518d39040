package cn.js.reduction.core;

/** 进展状态 of a project. */
public enum ProjectStatus {
    NOT_STARTED("未开工"),
    IN_PROGRESS("在建"),
    COMPLETED("已完成");

    private final String chineseName;

    ProjectStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
