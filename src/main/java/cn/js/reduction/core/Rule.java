package cn.js.reduction.core;

import static cn.js.reduction.core.Severity.ERROR;
import static cn.js.reduction.core.Severity.INFO;
import static cn.js.reduction.core.Severity.WARNING;

/**
 * The one catalogue of rules (docs/rules.md): intake, validate, the feedback workbooks, the 规则说明 sheet,
 * the {@code rules} command and docs/rules.md all read their codes, severities and texts from here.
 *
 * <p>Adding a rule is one line: {@code CODE(SEVERITY, "中文标题", "中文说明", "English description", "示例")}
 * in the group where it belongs, then regenerate docs/rules.md (RuleCatalogueTest says how). The two-argument
 * form (severity and title only) still compiles, but the catalogue test asks for the texts.
 */
public enum Rule {
    // file level: the file (or a sheet of it) is not read
    FILE_UNREADABLE(ERROR, "文件无法读取",
            "文件损坏、加密、不是电子表格或大得不像真实报送，整个文件未读取；其余文件照常处理。",
            "The file is corrupt, encrypted, not a spreadsheet or too large to be real: it is skipped, the run goes on.",
            "把 PDF 改名为 南京_项目清单.xlsx 报送；设置了打开密码的工作簿"),
    UNKNOWN_FILE_KIND(ERROR, "无法识别的文件类型",
            "在任何工作表的前20行都找不到项目清单或排放量报表的表头，文件未读取。",
            "No sheet has a project-list or emission-report header in its first 20 rows: the file is skipped.",
            "表头写成「序号、名称、金额」的台账"),
    MISSING_COLUMN(ERROR, "缺少必需的列",
            "表头能识别文件类型，但缺少必需的列（如项目清单没有「计划完成时间」），文件未读取。按附件2样式排列的排放量报表"
                    + "（各污染物下分2015年、2020年两列），某污染物缺少其中一年的列或同一年出现两列时，同样不读取，不读一半。",
            "The header tells the kind but lacks a required column: the file is skipped. So is an emission report laid"
                    + " out like annex 2 where a pollutant lacks one of its two years, or has one twice: never read half.",
            "项目清单没有「项目类别」列"),
    UNKNOWN_UNIT(ERROR, "无法识别的计量单位",
            "列标题或表头上方的单位说明写了程序不认识的单位，不能猜测换算，文件未读取。",
            "A column header or unit note names a unit the program does not know; nothing is guessed: the file is skipped.",
            "基准年排放量（磅）"),
    UNIT_CONVERTED(INFO, "已按单位换算",
            "列的单位不是规定单位（吨、万元），已用精确的十进制运算换算，并注明换算系数。",
            "A column in another unit (万吨, kg, 元 …) was converted to the contract's unit with exact decimals; the factor is named.",
            "{base_year}年排放量（万吨）的 1.5 按 15000 吨计"),
    SHEET_NOT_READ(WARNING, "工作表未读取",
            "工作表有数据但找不到可识别的表头，未读取；请确认其中没有需要报送的行。",
            "A sheet holds data but no recognisable header, so it is not read; nothing disappears silently.",
            "「县区项目」工作表的表头被删除"),
    BAD_SUBMISSION_DATE(WARNING, "文件名中的报送日期无效",
            "文件名末尾的 _YYYYMMDD 不是有效日期，本文件按修改时间判断新旧；请更正文件名中的日期。",
            "The _YYYYMMDD at the end of the name is no date: the file counts by its modification time.",
            "南京_项目清单_20201301.xlsx"),
    SUPERSEDED_FILE(INFO, "已被更新的报送文件替代",
            "较新的排放量报表替代该市较早的报表；较新的项目清单与较早的有相同项目编号时（更正后重新报送）替代它，没有相同编号或文件名注明“补充、第二批、续”时两者都计入。"
                    + "被替代文件中该市的行（连同其中其他市的零散行）不再计入，计为忽略。",
            "A newer emission report replaces the city's older one; a newer project list replaces the older only when they share"
                    + " project ids (a corrected resubmission), else both count (a batch). The older file's rows of that city"
                    + " (and its stray rows) are ignored.",
            "南京_项目清单_20201201.xlsx 被 南京_项目清单_20201215.xlsx 替代"),
    PROJECTS_WITHDRAWN(WARNING, "重新报送的项目清单撤回了项目",
            "更正后重新报送的项目清单替代了较早的清单，但缺少较早清单中的一些项目：这些项目不再计入，列出个数和前几个项目编号；如仍应计入，请补报。",
            "A corrected resubmission replaces the older list but lacks some of its projects: they no longer count; how many and"
                    + " the first ids are named.",
            "南京_项目清单_20201215.xlsx 缺少 NJ-007、NJ-012 等 3 个项目"),
    FILE_NOT_COUNTED(WARNING, "中断的文件不计入",
            "文件读到一半中断（FILE_UNREADABLE）：已读的行只列出、不计入，也不替代较早的文件；该市的数据仍以较早的文件为准，没有较早文件时视为未报送。",
            "A file that breaks off part-way counts for nothing and supersedes nothing: the city's figures rest on the older"
                    + " file it would have replaced, or the city has no submission of that kind.",
            "南京_排放量报表_20201215.xlsx 在第 40 行附近中断"),
    NOT_A_SUBMISSION(INFO, "不是报送文件，已跳过",
            "输入文件夹中不是电子表格的文件（说明文字、隐藏文件、Excel 打开时留下的 ~$ 锁文件）不读取，仅记录。",
            "An entry of the input folder that is not a spreadsheet (a note, a hidden file, Excel's ~$ lock file) is listed, not read.",
            "readme.txt"),
    ENTRY_NOT_READ(WARNING, "不是可读取的普通文件，已跳过",
            "子文件夹、管道等特殊文件，或指向输入文件夹以外、指向不存在文件的链接，不读取；请把要报送的文件直接放在年度文件夹中。",
            "A subfolder, a FIFO or socket, or a link leading outside the input folder or to nothing: not read.",
            "input/2020/南京/ 子文件夹"),
    DUPLICATE_FILE(WARNING, "同一文件报送了两次",
            "两个文件内容完全相同（SHA-256 一致），是同一份文件以不同名称报送了两次；请删除多余的一份。同一设区市只计较新的一份。",
            "Two files of identical content (the same SHA-256): one submission sent twice under two names; remove one.",
            "南京_项目清单.xlsx 与 南京_项目清单(1).xlsx"),
    // row level: ERROR rejects the row, WARNING keeps it
    REQUIRED_MISSING(ERROR, "必填项为空",
            "必填的单元格为空（或是算不出结果的公式），该行被退回。",
            "A required cell is blank (or a formula that fails): the row is rejected.",
            "项目名称为空"),
    UNKNOWN_CITY(ERROR, "无法识别的设区市",
            "设区市不是江苏省{cities}个设区市之一（可填名称、带「市」的名称、代码或拼音；所辖县（市、区）或「市区」按所属设区市计入）。",
            "The city is not one of Jiangsu's {cities} cities (name, name with 市, GB/T 2260 code or pinyin; a district counts for its city).",
            "南景"),
    UNKNOWN_CATEGORY(ERROR, "无法识别的项目类别",
            "项目类别不是附件4的{categories}类之一（可填名称、去掉「项目」的名称、代码、带所属大类的名称或参考数据中的别名）。",
            "The category is not one of annex 4's 18 (name, name without 项目, code, name with its group, or an alias of the reference data).",
            "锅炉改造"),
    UNKNOWN_STATUS(ERROR, "无法识别的进展状态",
            "进展状态应为 未开工、在建 或 已完成（也接受 已建成、完成、已完工、已投运、已竣工、实施中、进行中、在建中、施工中、未启动）。",
            "The status must be 未开工 / 在建 / 已完成 (or a listed synonym).",
            "基本完成"),
    UNKNOWN_POLLUTANT(ERROR, "无法识别的污染物",
            "污染物应为 VOCs（挥发性有机物）、二氧化硫（SO2）或 氮氧化物（NOx）。",
            "The pollutant must be VOCs, SO2 or NOx (Chinese names accepted).",
            "PM2.5"),
    BAD_NUMBER(ERROR, "数值格式错误",
            "数值单元格不是数字（可带千位分隔符、全角数字或末尾单位）。",
            "A numeric cell is not a number (thousands separators, full-width digits and a trailing unit are accepted).",
            "约12吨"),
    NEGATIVE_NUMBER(ERROR, "数值不能为负",
            "投资额、减排量和排放量应为0或正数。",
            "Investment, reductions and emissions must be zero or positive.",
            "-3.5"),
    BAD_DATE(ERROR, "日期格式错误",
            "日期应为Excel日期或 2020-06-30、2020/6/30、2020年6月30日、20200630、2020年6月、2020年底、2020年上半年 等写法。",
            "A date must be an Excel date or text such as 2020-06-30, 2020/6/30, 2020年6月30日, 20200630, 2020年6月, 2020年底.",
            "6月底"),
    COMPLETED_WITHOUT_DATE(ERROR, "已完成项目缺少实际完成时间",
            "进展状态为已完成的项目必须填写实际完成时间。",
            "A completed project needs its actual completion date.",
            "已完成，实际完成时间为空"),
    DUPLICATE_PROJECT_ID(ERROR, "项目编号重复",
            "项目编号在本年度所有文件中应唯一；按文件名、行号保留首次出现的一行，其余退回并指明首次出现处。",
            "Project ids are unique in the plan year across files; the first by file name then row is kept, later ones rejected.",
            "NJ-001 在两个文件中各出现一次"),
    DUPLICATE_ROW(WARNING, "排放量行重复",
            "排放量报表中一行与本文件较早的一行完全相同（设区市、污染物、排放源类别和各项数值都一样），是重复粘贴：只计一次，本行不计入。",
            "An emission row repeating an earlier row of its file cell for cell is counted once; the repeat is ignored, naming the first.",
            "第 12 行与第 5 行完全相同：常州 氮氧化物 工业源 1200 / 900"),
    TEXT_TOO_LONG(ERROR, "文本超过长度上限",
            "项目编号、名称、责任单位等文字超过可保存的长度（或超过 Excel 单元格的 32,767 个字符），截断会改变其含义，该行被退回。",
            "An id, name, unit or other identifying text longer than can be stored (or than Excel's 32,767 characters): the row is rejected.",
            "项目名称长达 5,000 个字符（误粘贴了整段说明）"),
    NUMBER_OUT_OF_RANGE(ERROR, "数值超出可能的范围",
            "数值达到 10,000,000,000 或以上，或非零却小到保留6位小数后为0，不可能是真实数据，该行被退回；请核对单位和数值。",
            "A figure of 10,000,000,000 or more, or one so small it is 0 at 6 decimals: no real figure; the row is rejected.",
            "总投资 100000000000000000000"),
    BAD_CREDIT_CODE(WARNING, "统一社会信用代码校验位错误",
            "统一社会信用代码应为18位且校验位符合 GB 32100-2015；该行仍予受理，请核对。",
            "The credit code fails the GB 32100-2015 check digit; the row is kept.",
            "91320100MA1XXXXXX0"),
    COMPLETION_AFTER_YEAR_END(WARNING, "实际完成时间晚于核算年末，按在建统计",
            "已完成项目的实际完成时间晚于核算年12月31日，本年度按在建项目统计。",
            "A project completed after the plan year's end counts as in progress this year.",
            "2021-03-31"),
    ACTUAL_DATE_NOT_COMPLETED(WARNING, "未完成项目填写了实际完成时间",
            "进展状态不是已完成却填写了实际完成时间；该行仍予受理，请核对状态或日期。",
            "An actual completion date on a project that is not completed; the row is kept.",
            "在建，实际完成时间 2020-05-01"),
    TEXT_TRUNCATED(WARNING, "文本过长，已截断保存",
            "备注超过 4,000 个字符，截断后保存并注明；该行仍予受理。",
            "Remarks longer than 4,000 characters are stored cut, with a mark; the row is kept.",
            "备注长达 4,100 个字符"),
    NUMBER_ROUNDED(WARNING, "小数位数过多，已四舍五入保存",
            "数值超过6位小数（吨精确到克），按四舍五入保存6位并注明原值；该行仍予受理。",
            "A figure with more than 6 decimals is stored rounded half-up to 6; the message shows both; the row is kept.",
            "0.12345678 吨 按 0.123457 吨保存"),
    CHARACTER_REPLACED(WARNING, "含无法识别的字符",
            "单元格中有不是文字的字符（文件编码损坏的字节、空字符 NUL、孤立的代理码元），按 �（U+FFFD）保存；该行仍予受理，请核对该单元格并以 UTF-8 或 Excel 格式重新保存。",
            "A character that is no text (bytes of a damaged encoding, NUL, a lone surrogate) is stored as U+FFFD; the row is kept.",
            "项目名称「某项目\\x00」"),
    ROW_OF_OTHER_CITY(WARNING, "文件中含其他设区市的行",
            "文件不报送某市（文件名未注明该市，且没有足以表明是该市报表的行），却含有该市的行：这些零散行不替代该市的报送；项目行计入该市，"
                    + "排放量行仅在该市没有自己的排放量报表时计入，否则不计入（不重复相加）。",
            "A row of a city the file does not submit for is stray: it supersedes nothing; a stray project row counts, a stray"
                    + " emission row counts only where the city has no report of its own.",
            "南京_项目清单.xlsx 中一行设区市为 无锡"),
    COLUMN_NOT_READ(INFO, "有数据的列未读取",
            "工作表中有数据的列，其表头不是规定的列名，未读取；列出表头和其中有数据的单元格数。"
                    + "表头看起来像规定的列（写了污染物、减排、排放、投资、日期或设区市）却对不上时为警告（WARNING），请按模板改正列名。",
            "A column holding data whose header matches none of ours is not read; its header and cell count are named."
                    + " A WARNING when the header looks like one of ours (a pollutant, 减排, 排放, 投资, a date, a city).",
            "「NOx减排量（目标）」列 12 个单元格未读取"),
    FORMULA_EVALUATED(INFO, "公式未保存计算结果，已按本行数值计算",
            "单元格是公式但文件未保存计算结果（由程序生成的工作簿常见），公式只引用本行单元格和常数，已按本行数值算出结果。",
            "A formula stored without its value, referring only to its own row and constants, was evaluated from that row.",
            "=H5*0.8 按 H5 的 10 算得 8"),
    FORMULA_NOT_CALCULATED(ERROR, "公式没有计算结果",
            "单元格是公式但文件未保存计算结果，且公式引用了其他行、其他工作表或函数，无法可靠计算，该行被退回；"
                    + "请用 Excel 或 WPS 打开文件并保存，使计算结果保存在文件中。",
            "A formula stored without its value that cannot be evaluated from its own row: the row is rejected;"
                    + " open and save the file in Excel or WPS so that the values are stored.",
            "=VLOOKUP(A5,汇总!A:D,4,0)，文件由程序生成"),
    CITY_FROM_DISTRICT(INFO, "按所属设区市计入",
            "设区市一栏写的是县（市、区）或市区（如 江阴市、常州市武进区、无锡市区），按其所属设区市计入，并注明原文。",
            "The city was written as one of its districts, county-level cities or 市区 (GB/T 2260): counted for its city; what was read is named.",
            "江阴市 按 无锡市 计"),
    VALUE_INTERPRETED(INFO, "已按含义读取",
            "单元格的写法不是规定格式，但含义明确，已按其含义读取，并注明读作什么（如日期 2020年6月 读作 2020-06-30，"
                    + "12.5吨 读作 12.5，进展状态 已建成 读作 已完成）；请核对是否与原意一致。",
            "A cell not written in the contract's form but with one clear meaning was read as that meaning, and what it was"
                    + " read as is named (2020年6月 as 2020-06-30, 12.5吨 as 12.5, 已建成 as COMPLETED).",
            "计划完成时间「2020年底」读作 2020-12-31"),
    POLLUTANT_NOT_ACCOUNTED(INFO, "不核算的污染物，已忽略",
            "排放量报表中的一行是本年度计划知道、但附件2没有减排目标的污染物（如 颗粒物）：不计入核算，计为忽略，不退回。",
            "An emission row of a pollutant the plan year knows but annex 2 sets no target for (颗粒物): not accounted,"
                    + " counted as ignored, not rejected.",
            "污染物「颗粒物」"),
    TOTAL_ROW_DIFFERS(WARNING, "合计行与明细之和不一致",
            "合计行不计入（忽略），但其数值与上方各行之和不一致，列出两个数值；请核对明细或合计。排放源类别为「合计」、"
                    + "写在本市该污染物各排放源之前的一行按合计计入，其下各排放源行作为明细不计入，明细之和与合计不一致时同样提示。",
            "A totals row (ignored) whose figure differs from the sum of the rows it totals; both figures are named. Also"
                    + " a 排放源类别 合计 row above its city's sources (counted; the sources below it are its breakdown, ignored)"
                    + " whose breakdown does not add up to it.",
            "合计 120，明细之和 118.5"),
    // reconciliation: one finding per city (and category or pollutant)
    COUNT_SHORTFALL(WARNING, "项目数量少于计划",
            "某市某类别报送的项目数少于附件4的计划数；如该市该类别有被退回的行，一并说明行数。",
            "A city submitted fewer projects of a category than annex 4 plans.",
            "锅炉提标改造项目 计划 20 个，报送 18 个"),
    COUNT_EXCESS(INFO, "项目数量多于计划",
            "某市某类别报送的项目数多于计划数（计划数大于0）。",
            "A city submitted more projects of a planned category than annex 4 plans.",
            "计划 5 个，报送 7 个"),
    UNPLANNED_CATEGORY(WARNING, "计划外类别报送了项目",
            "附件4中计划数为0的类别报送了项目。",
            "Projects were submitted in a category annex 4 plans none of.",
            "计划 0 个，报送 2 个"),
    COMPLETION_SHORTFALL(WARNING, "完成项目数少于计划",
            "年终核算时，某市某类别年末前完成的项目数少于计划数；如该市该类别有被退回的行，一并说明行数。",
            "Final run only: fewer projects completed by the year end than planned.",
            "计划 20 个，完成 15 个"),
    TARGET_NOT_MET(WARNING, "未完成减排目标",
            "减排比例（相对{base_year}年）低于附件2的目标。",
            "The reduction against {base_year} is below annex 2's target.",
            "目标 20%，实际 18.5%"),
    MISSING_SUBMISSION(WARNING, "缺少报送文件",
            "某市没有报送项目清单或排放量报表，或报送文件中该市的行全部被退回、文件未能读取（逐一列出这些文件及原因；年终核算因此拒绝运行）。",
            "A city has no project list or no emission report, or only rejected rows or skipped files (named, with why);"
                    + " the final run refuses to start.",
            "徐州 无排放量报表"),
    CLAIM_EXCEEDS_ACHIEVED(WARNING, "项目申报减排量超过排放核算减排量",
            "已完成项目申报的减排量超过排放量核算减排量的{claim_ratio_limit}倍。",
            "Completed projects claim more than {claim_ratio_limit} times the reduction the emissions show.",
            "申报 3000 吨，核算减排 1500 吨");

    private final Severity severity;
    private final String title;
    private final String descriptionZh;
    private final String descriptionEn;
    private final String example;

    /** A rule whose texts are still to be written: the catalogue test names it until they are. */
    Rule(Severity severity, String title) {
        this(severity, title, "", "", "");
    }

    Rule(Severity severity, String title, String descriptionZh, String descriptionEn, String example) {
        this.severity = severity;
        this.title = title;
        this.descriptionZh = descriptionZh;
        this.descriptionEn = descriptionEn;
        this.example = example;
    }

    public Severity severity() {
        return severity;
    }

    /** Short Chinese title, for workbook headers and the feedback a city reads. */
    public String title() {
        return title;
    }

    /**
     * What the rule checks and what follows from it, in Chinese, for the city clerk: as written, with the plan
     * year's figures as placeholders ({@link PlanTerms}).
     */
    public String descriptionZh() {
        return descriptionZh;
    }

    /** {@link #descriptionZh()} with the plan year's figures. */
    public String descriptionZh(PlanTerms terms) {
        return terms.fill(descriptionZh);
    }

    /** {@link #descriptionEn()} with the plan year's figures. */
    public String descriptionEn(PlanTerms terms) {
        return terms.fill(descriptionEn);
    }

    /** {@link #example()} with the plan year's figures. */
    public String example(PlanTerms terms) {
        return terms.fill(example);
    }

    /** The same in English, for engineers and auditors. */
    public String descriptionEn() {
        return descriptionEn;
    }

    /** A typical value or case that breaks the rule. */
    public String example() {
        return example;
    }
}
