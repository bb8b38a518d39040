package cn.js.reduction.sample;

/** The 18 project categories of annex 4, in its column order, with their Chinese names (docs/outputs.md). */
enum SampleCategory {
    ROLLING("滚动实施项目"),
    INDUSTRY("产业结构优化调整项目"),
    ENERGY_COAL("煤炭消费总量控制项目"),
    ENERGY_CHP("热电整合项目"),
    KILN("工业炉窑整治项目"),
    BOILER("锅炉提标改造项目"),
    DEEP_OTHER("其他重点行业减排项目"),
    VOC_SUBST("VOCs源头替代项目"),
    VOC_FUGITIVE("无组织排放治理项目"),
    VOC_UPGRADE("治污设施升级改造项目"),
    VOC_SPRAY("集中喷涂工程中心建设项目"),
    VOC_VAPOR("油气回收治理改造项目"),
    CATERING("餐饮油烟治理项目"),
    DUST_SITE("施工工地扬尘治理项目"),
    DUST_WHARF("码头堆场扬尘治理项目"),
    DUST_YARD("工业堆场扬尘治理项目"),
    MOBILE_SHORE("港口岸电系统建设项目"),
    MOBILE_SHIP_RS("移动源(船舶)排放遥感监测系统项目");

    private final String chineseName;

    SampleCategory(String chineseName) {
        this.chineseName = chineseName;
    }

    String chineseName() {
        return chineseName;
    }

    boolean isVoc() {
        return name().startsWith("VOC_");
    }
}
