package cn.js.reduction.sample;

import cn.js.reduction.sample.SampleProject.Status;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Makes plausible projects: a responsible unit of the right trade for the category, a name as cities word them,
 * a district of the city, reductions of the category's pollutants in a believable range, and dates in 2020.
 * Everything comes from one {@link Random}, so the same seed gives the same projects.
 */
final class ProjectFactory {

    private static final String TRADE_FIRST = "恒华金鑫永宏盛天新中瑞嘉泰远东润宝海博佳康信隆荣锦汇达通丰源创亿联长广兴振德凯昌明";
    private static final String TRADE_SECOND = "瑞达通源丰泰昌盛华宇鑫力德诚信安阳光辉星晟翔祥和顺鸿腾宝邦科威";
    private static final String[] ROADS = {"中山路", "人民路", "解放路", "建设路", "长江路", "新华路", "文化路", "和平路",
        "青年路", "工业路", "滨江路", "环城路", "北京路", "江海路", "学府路", "迎宾大道", "黄河路", "淮海路", "健康路",
        "光明路", "东风路", "朝阳路", "运河路", "开发大道"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙",
        "朱", "马", "胡", "郭", "林", "何", "高", "梁", "顾", "钱", "沈", "陆"};
    private static final String[] GIVEN = {"伟", "芳", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
        "涛", "明", "超", "秀英", "建华", "志刚", "海燕", "晓东", "国庆", "卫东", "春梅"};

    /** The waterways each city's ship-emission monitoring watches. */
    private static final Map<String, String> WATERWAYS = Map.ofEntries(Map.entry("南京", "长江 秦淮河 滁河"),
            Map.entry("无锡", "长江 京杭运河 锡澄运河"), Map.entry("徐州", "京杭运河 徐洪河"),
            Map.entry("常州", "长江 京杭运河"), Map.entry("苏州", "长江 京杭运河 苏申外港线"),
            Map.entry("南通", "长江 通吕运河 沿海港区"), Map.entry("连云港", "沿海港区 连申线 疏港航道"),
            Map.entry("淮安", "京杭运河 淮河入海水道 盐河"), Map.entry("盐城", "沿海港区 通榆河 连申线"),
            Map.entry("扬州", "长江 京杭运河"), Map.entry("镇江", "长江 京杭运河"),
            Map.entry("泰州", "长江 泰州引江河 通扬线"), Map.entry("宿迁", "京杭运河 骆马湖航道"));

    private final Random rng;
    private final Set<String> usedNames = new HashSet<>();

    ProjectFactory(Random rng) {
        this.rng = rng;
    }

    /**
     * The city's projects, category by category in annex order, numbered from 1.
     *
     * @param counts    how many of each category (annex 4 plus the sample's deliberate deviations)
     * @param vocFactor multiplies the VOC reductions the city claims (1 = plausible)
     */
    List<SampleProject> projects(SampleCity city, int[] counts, double vocFactor) {
        List<SampleProject> list = new ArrayList<>();
        int number = 1;
        for (SampleCategory category : SampleCategory.values()) {
            for (int i = 0; i < counts[category.ordinal()]; i++) {
                list.add(project(city, category, number++, vocFactor));
            }
        }
        return list;
    }

    SampleProject project(SampleCity city, SampleCategory category, int number, double vocFactor) {
        String district = pick(city.districts());
        Unit unit = unit(city, district, category);
        String name = uniqueName(projectName(city, district, category, unit));
        Status status = status();
        LocalDate planned = plannedDate(status);
        LocalDate actual = status == Status.COMPLETED ? actualDate(planned) : null;
        BigDecimal[] t = tonnes(category, unit.industry, vocFactor);
        String contact = pick(SURNAMES) + pick(GIVEN);
        String phone = rng.nextInt(3) == 0 ? "1" + (3 + rng.nextInt(6)) + digits(9)
                : areaCode(city) + "-" + (5 + rng.nextInt(4)) + digits(7);
        return new SampleProject(String.format("JS-%s-2020-%04d", city.code(), number), city, district, name,
                unit.name, unit.creditCode, category, status, planned, actual, investment(category), t[0], t[1],
                t[2], t[3], remarks(category, status), contact, phone);
    }

    /** The responsible unit; industry is its trade where the category's works depend on it, else "". */
    private record Unit(String name, String creditCode, String industry) {
    }

    private Unit unit(SampleCity city, String district, SampleCategory category) {
        String place = district.endsWith("市") && rng.nextBoolean() ? district.substring(0, district.length() - 1)
                : rng.nextInt(4) == 0 ? "江苏" : city.name();
        String trade = trade();
        String name;
        String industry = "";
        String kind = CreditCode.ENTERPRISE;
        switch (category) {
            case CATERING -> {
                if (rng.nextInt(3) == 0) {
                    name = city.nameWithShi() + district + "城市管理局";
                    kind = CreditCode.GOVERNMENT;
                } else {
                    name = city.name() + trade + "餐饮管理有限公司";
                }
            }
            case DUST_SITE -> name = (rng.nextBoolean() ? "江苏" : city.name()) + trade
                    + pick("建设集团有限公司", "建筑工程有限公司", "建工集团有限公司", "置业有限公司");
            case DUST_WHARF, MOBILE_SHORE -> name = city.name() + pick("港", "") + trade
                    + pick("港务有限公司", "码头有限公司", "港口集团有限公司", "物流有限公司");
            case MOBILE_SHIP_RS -> {
                name = pick(city.name() + "海事局", city.nameWithShi() + "交通运输局",
                        city.nameWithShi() + "港航事业发展中心");
                kind = name.endsWith("中心") ? CreditCode.INSTITUTION : CreditCode.GOVERNMENT;
            }
            case VOC_VAPOR -> name = rng.nextInt(3) > 0
                    ? pick("中国石化销售股份有限公司江苏" + city.name() + "石油分公司",
                    "中国石油天然气股份有限公司江苏" + city.name() + "销售分公司")
                    : place + trade + "石油有限公司";
            case VOC_SPRAY -> name = place + trade + pick("汽车服务有限公司", "表面处理科技有限公司", "涂装有限公司");
            default -> {
                industry = pick(industries(category));
                name = place + trade + industry + pick("有限公司", "有限公司", "有限公司", "股份有限公司", "科技有限公司",
                        "集团有限公司");
            }
        }
        String credit = rng.nextInt(25) == 0 ? null : CreditCode.generate(kind, city.code(), rng);
        return new Unit(name, credit, industry);
    }

    private static String[] industries(SampleCategory category) {
        return switch (category) {
            case KILN -> new String[]{"玻璃", "陶瓷", "耐火材料", "铸造", "建材", "特钢", "新型墙材"};
            case DEEP_OTHER -> new String[]{"钢铁", "水泥", "焦化", "电力", "冶金", "建材"};
            case BOILER -> new String[]{"纺织", "食品", "印染", "造纸", "医药", "热能", "酿造", "服饰"};
            case DUST_YARD -> new String[]{"钢铁", "水泥", "焦化", "电力", "冶金", "建材", "物流"};
            case ENERGY_COAL, ENERGY_CHP -> new String[]{"热电", "能源", "发电", "热力"};
            case INDUSTRY -> new String[]{"化工", "印染", "铸造", "建材", "造纸", "制革"};
            case ROLLING -> new String[]{"钢铁", "化工", "热电", "石化", "电力"};
            default -> new String[]{"化工", "涂装", "家具", "印刷", "包装", "制药", "汽车零部件", "电子", "橡胶制品",
                "新材料", "涂料", "树脂", "精细化工", "船舶"};
        };
    }

    private String projectName(SampleCity city, String district, SampleCategory category, Unit u) {
        String unit = u.name;
        return switch (category) {
            case ROLLING -> unit + switch (u.industry) {
                case "钢铁" -> pick("烧结机烟气超低排放改造", "高炉煤气精脱硫");
                case "化工", "石化" -> pick("VOCs综合治理", "废气收集处理设施提升改造");
                default -> pick("燃煤机组超低排放改造", "燃煤锅炉超低排放改造");
            } + "项目（2019年滚动实施）";
            case INDUSTRY -> unit + pick("关停退出", "落后产能淘汰", "整体搬迁入园", "生产线关停") + "项目";
            case ENERGY_COAL -> unit + pick("燃煤锅炉清洁能源替代", "燃煤锅炉淘汰改燃气", "煤改电", "煤炭减量替代")
                    + "项目";
            case ENERGY_CHP -> unit + pick("热电整合关停", "热电机组替代", "供热管网整合") + "项目";
            case KILN -> unit + switch (u.industry) {
                case "玻璃" -> "玻璃熔窑";
                case "陶瓷" -> "辊道窑";
                case "铸造" -> "冲天炉";
                case "建材" -> "石灰窑";
                case "特钢" -> "轧钢加热炉";
                default -> "隧道窑";
            } + pick("深度治理", "脱硫脱硝改造", "清洁能源替代", "超低排放改造") + "项目";
            case BOILER -> unit + pick("2", "4", "6", "10", "15", "20") + "蒸吨/小时" + pick("燃气锅炉低氮燃烧改造",
                    "生物质锅炉超低排放改造", "燃气锅炉低氮改造") + "项目";
            case DEEP_OTHER -> unit + switch (u.industry) {
                case "钢铁" -> pick("超低排放改造", "烧结烟气脱硝改造");
                case "水泥" -> pick("水泥窑分级燃烧脱硝改造", "超低排放改造");
                case "焦化" -> "焦炉烟气脱硫脱硝";
                case "电力" -> "燃煤机组超低排放改造";
                default -> "除尘设施提标改造";
            } + "项目";
            case VOC_SUBST -> unit + pick("水性涂料", "低VOCs含量油墨", "粉末涂料", "水性胶粘剂", "低VOCs清洗剂")
                    + "源头替代项目";
            case VOC_FUGITIVE -> unit + pick("VOCs无组织排放治理", "储罐及装卸废气收集治理", "泄漏检测与修复（LDAR）",
                    "车间废气密闭收集") + "项目";
            case VOC_UPGRADE -> unit + pick("VOCs治理设施升级改造", "RTO蓄热式焚烧装置建设", "活性炭吸附+催化燃烧提标改造",
                    "废气处理设施提标改造") + "项目";
            case VOC_SPRAY -> district + pick("汽修行业", "家具行业", "工业集中区", "机械加工行业") + "集中喷涂工程中心建设项目";
            case VOC_VAPOR -> unit.contains("分公司") ? unit + pick(ROADS) + "加油站油气回收治理改造项目"
                    : unit + "加油站三次油气回收改造项目";
            case CATERING -> district + pick(ROADS) + pick("沿线", "美食街", "") + "餐饮油烟" + pick("治理", "净化设施安装",
                    "在线监控") + "项目";
            case DUST_SITE -> district + pick("NO.2019G", "NO.2020G", "G", "XDG-2019-") + (10 + rng.nextInt(90))
                    + "地块" + pick("住宅", "商业综合体", "安置房", "学校", "道路") + "项目施工工地扬尘治理";
            case DUST_WHARF -> unit + pick("散货码头堆场", "煤炭码头堆场", "件杂货码头") + "扬尘治理项目";
            case DUST_YARD -> unit + pick("原料堆场全封闭改造", "煤场封闭改造", "工业堆场扬尘治理") + "项目";
            case MOBILE_SHORE -> unit + (1 + rng.nextInt(12)) + "号泊位" + pick("港口岸电系统建设", "高压岸电建设",
                    "低压岸电设施建设") + "项目";
            case MOBILE_SHIP_RS -> city.name() + pick(WATERWAYS.get(city.name()).split(" ")) + "段船舶尾气排放遥感监测系统"
                    + pick("建设", "", "（一期）建设") + "项目";
        };
    }

    private String uniqueName(String name) {
        String candidate = name;
        String[] phases = {"（二期）", "（三期）", "（四期）", "（五期）", "（六期）"};
        for (int i = 0; !usedNames.add(candidate); i++) {
            candidate = i < phases.length ? name + phases[i] : name + "（" + (i + 2) + "号）";
        }
        return candidate;
    }

    private Status status() {
        int u = rng.nextInt(100);
        return u < 84 ? Status.COMPLETED : u < 96 ? Status.IN_PROGRESS : Status.NOT_STARTED;
    }

    /** Plans name a month; the due date is that month's last day. */
    private LocalDate plannedDate(Status status) {
        int[] months = status == Status.COMPLETED ? new int[]{3, 4, 5, 6, 6, 6, 8, 9, 9, 10, 10, 11, 11, 12, 12, 12}
                : new int[]{9, 10, 11, 12, 12, 12, 12};
        YearMonth month = status != Status.COMPLETED && rng.nextInt(10) == 0 ? YearMonth.of(2021, 6)
                : YearMonth.of(2020, months[rng.nextInt(months.length)]);
        return month.atEndOfMonth();
    }

    /** Done somewhat before or after the plan, on a working day, within 2020. */
    private LocalDate actualDate(LocalDate planned) {
        LocalDate d = planned.minusDays(rng.nextInt(100)).plusDays(rng.nextInt(4) == 0 ? rng.nextInt(30) : 0);
        if (d.isBefore(LocalDate.of(2020, 1, 10))) {
            d = LocalDate.of(2020, 1, 10).plusDays(rng.nextInt(60));
        }
        if (d.isAfter(LocalDate.of(2020, 12, 31))) {
            d = LocalDate.of(2020, 12, 31);
        }
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** VOCs, SO2, NOx, PM in t/yr, by what the category's works remove; null where the category removes none. */
    private BigDecimal[] tonnes(SampleCategory category, String industry, double vocFactor) {
        double voc = 0, so2 = 0, nox = 0, pm = 0;
        switch (category) {
            case ROLLING -> {
                if (industry.equals("化工") || industry.equals("石化")) {
                    voc = skew(3, 60);
                } else {
                    so2 = skew(5, 60);
                    nox = skew(5, 90);
                    pm = skew(2, 30);
                }
            }
            case INDUSTRY -> {
                voc = skew(1, 25);
                so2 = maybe(1, 30);
                nox = maybe(1, 30);
                pm = skew(1, 15);
            }
            case ENERGY_COAL -> {
                so2 = skew(10, 120);
                nox = skew(10, 120);
                pm = skew(3, 30);
            }
            case ENERGY_CHP -> {
                so2 = skew(40, 300);
                nox = skew(50, 400);
                pm = skew(10, 60);
            }
            case KILN -> {
                so2 = skew(2, 50);
                nox = skew(5, 80);
                pm = skew(1, 25);
            }
            case BOILER -> {
                nox = skew(1, 20);
                so2 = maybe(0.1, 3);
                pm = skew(0.1, 2);
            }
            case DEEP_OTHER -> {
                so2 = skew(1, 30);
                nox = skew(1, 40);
                pm = skew(1, 20);
            }
            case VOC_SUBST -> voc = skew(1, 40);
            case VOC_FUGITIVE -> voc = skew(1, 50);
            case VOC_UPGRADE -> voc = skew(2, 80);
            case VOC_SPRAY -> voc = skew(5, 60);
            case VOC_VAPOR -> voc = skew(0.2, 3);
            case CATERING -> {
                pm = skew(0.01, 0.5);
                voc = maybe(0.01, 0.3);
            }
            case DUST_SITE -> pm = skew(0.5, 10);
            case DUST_WHARF -> pm = skew(2, 50);
            case DUST_YARD -> pm = skew(2, 60);
            case MOBILE_SHORE -> {
                nox = skew(1, 30);
                so2 = skew(0.2, 5);
                pm = skew(0.1, 1);
            }
            case MOBILE_SHIP_RS -> {
                // monitoring removes nothing by itself
            }
        }
        if (category.isVoc()) {
            voc *= vocFactor;
        }
        return new BigDecimal[]{tonne(voc), tonne(so2), tonne(nox), tonne(pm)};
    }

    private BigDecimal investment(SampleCategory category) {
        double[] range = switch (category) {
            case CATERING -> new double[]{1, 30};
            case VOC_VAPOR -> new double[]{5, 80};
            case DUST_SITE -> new double[]{10, 200};
            case BOILER, VOC_SUBST -> new double[]{30, 500};
            case VOC_FUGITIVE, VOC_UPGRADE -> new double[]{50, 1500};
            case KILN, DUST_WHARF, DUST_YARD, MOBILE_SHORE, VOC_SPRAY -> new double[]{100, 3000};
            case DEEP_OTHER, ROLLING, ENERGY_COAL -> new double[]{200, 8000};
            case ENERGY_CHP -> new double[]{2000, 50000};
            case INDUSTRY -> new double[]{50, 5000};
            case MOBILE_SHIP_RS -> new double[]{80, 600};
        };
        double value = skew(range[0], range[1]);
        BigDecimal v = BigDecimal.valueOf(value);
        return rng.nextBoolean() ? v.setScale(0, RoundingMode.HALF_UP).max(BigDecimal.ONE)
                : v.setScale(2, RoundingMode.HALF_UP);
    }

    private String remarks(SampleCategory category, Status status) {
        if (category == SampleCategory.ROLLING && rng.nextBoolean()) {
            return "2019年度滚动实施";
        }
        if (rng.nextInt(100) >= 8) {
            return null;
        }
        return switch (status) {
            case COMPLETED -> pick("已通过验收", "已完成竣工验收", "省级重点项目", "已纳入排污许可管理");
            case IN_PROGRESS -> pick("设备安装调试中", "预计2021年上半年完成", "受疫情影响进度滞后");
            case NOT_STARTED -> pick("正在办理环评手续", "资金未落实", "企业计划关停");
        };
    }

    private static String areaCode(SampleCity city) {
        return switch (city.code()) {
            case "320100" -> "025";
            case "320200" -> "0510";
            case "320300" -> "0516";
            case "320400" -> "0519";
            case "320500" -> "0512";
            case "320600" -> "0513";
            case "320700" -> "0518";
            case "320800" -> "0517";
            case "320900" -> "0515";
            case "321000" -> "0514";
            case "321100" -> "0511";
            case "321200" -> "0523";
            default -> "0527";
        };
    }

    /** Mostly small, now and then large: min + (max − min) · u². */
    private double skew(double min, double max) {
        double u = rng.nextDouble();
        return min + (max - min) * u * u;
    }

    private double maybe(double min, double max) {
        return rng.nextInt(3) == 0 ? skew(min, max) : 0;
    }

    private static BigDecimal tonne(double value) {
        BigDecimal t = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
        return t.signum() == 0 && value > 0 ? new BigDecimal("0.01") : t;
    }

    private String trade() {
        char a = TRADE_FIRST.charAt(rng.nextInt(TRADE_FIRST.length()));
        char b;
        do {
            b = TRADE_SECOND.charAt(rng.nextInt(TRADE_SECOND.length()));
        } while (b == a);
        return "" + a + b;
    }

    private String digits(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(rng.nextInt(10));
        }
        return s.toString();
    }

    private String pick(String... options) {
        return options[rng.nextInt(options.length)];
    }

    private String pick(List<String> options) {
        return options.get(rng.nextInt(options.size()));
    }
}
