package cn.js.reduction.reference;

import cn.js.reduction.core.PlanTerms;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan year's reference data (docs/outputs.md): cities, categories and the annex tables, with the matchers that
 * turn what people type into codes. Immutable; loaded once per run by {@link ReferenceDataLoader}.
 */
public final class ReferenceData {

    private final PlanInfo plan;
    private final List<City> cities;
    private final City province;
    private final List<Category> categories;
    private final List<Pollutant> claimPollutants;
    private final List<Pollutant> pollutants;
    private final Map<String, Integer> planned;          // cityCode|categoryCode → count
    private final Map<String, BigDecimal> targetPct;     // cityCode|POLLUTANT → %
    private final List<AirQualityTarget> airQualityTargets;
    private final List<AutumnWinterTarget> autumnWinterTargets;
    /** districts.csv and category_aliases.csv of the same folder as the annexes (a new plan year brings its own). */
    private final LocalNames localNames;
    private final Map<String, City> cityIndex = new HashMap<>();
    private final Map<String, Category> categoryIndex = new HashMap<>();

    /**
     * As loaded from a reference folder.
     *
     * @param planned   annex 4: key {@code cityCode + "|" + categoryCode}, for the cities and the province; also
     *                  each row's TOTAL under {@code cityCode + "|" + Category.TOTAL} (else summed on demand)
     * @param pollutants pollutants.csv, in its order; those annex 2 sets targets for are {@link Pollutant#targeted}
     * @param targetPct annex 2: key {@code cityCode + "|" + Pollutant.code()}, for the cities and the province
     */
    public ReferenceData(PlanInfo plan, List<City> cities, City province, List<Category> categories,
                         List<Pollutant> pollutants, Map<String, Integer> planned, Map<String, BigDecimal> targetPct,
                         List<AirQualityTarget> airQualityTargets, List<AutumnWinterTarget> autumnWinterTargets) {
        this(plan, cities, province, categories, pollutants, planned, targetPct, airQualityTargets, autumnWinterTargets,
                LocalNames.NONE);
    }

    /** As read from a reference folder: with that folder's districts and category aliases. */
    ReferenceData(PlanInfo plan, List<City> cities, City province, List<Category> categories,
                  List<Pollutant> pollutants, Map<String, Integer> planned, Map<String, BigDecimal> targetPct,
                  List<AirQualityTarget> airQualityTargets, List<AutumnWinterTarget> autumnWinterTargets,
                  LocalNames localNames) {
        this.localNames = localNames;
        this.plan = plan;
        this.cities = List.copyOf(cities);
        this.province = province;
        this.categories = List.copyOf(categories);
        this.claimPollutants = List.copyOf(pollutants);
        this.pollutants = this.claimPollutants.stream().filter(Pollutant::targeted).toList();
        this.planned = Map.copyOf(planned);
        this.targetPct = Map.copyOf(targetPct);
        this.airQualityTargets = List.copyOf(airQualityTargets);
        this.autumnWinterTargets = List.copyOf(autumnWinterTargets);
        for (City c : this.cities) {
            cityIndex.put(c.code(), c);
            cityIndex.put(cityKey(c.name()), c);
            cityIndex.put(cityKey(c.name() + "市"), c);
            cityIndex.put(cityKey(c.pinyin()), c);
            cityIndex.put(cityKey(c.pinyin() + "shi"), c);
        }
        for (Category c : this.categories) {
            categoryIndex.put(categoryKey(c.code()), c);
            categoryIndex.put(categoryKey(c.name()), c);
            if (c.name().endsWith("项目")) {
                categoryIndex.put(categoryKey(c.name().substring(0, c.name().length() - 2)), c);
            }
        }
    }

    public int year() {
        return plan.year();
    }

    /** The reference data's version, e.g. "2020.1", written into every run's metadata. */
    public String version() {
        return plan.version();
    }

    /** The year the reduction targets of annex 2 are measured against, e.g. 2015. */
    public int baseYear() {
        return plan.baseYear();
    }

    /** The plan year's figures that rule texts and messages name: counts, base year, claim ratio limit. */
    public PlanTerms terms() {
        return new PlanTerms(cities.size(), categories.size(), plan.baseYear(), plan.claimRatioLimit());
    }

    /** Above this ratio of claimed to achieved reduction the claims exceed what the emissions show. */
    public BigDecimal claimRatioLimit() {
        return plan.claimRatioLimit();
    }

    /** Year, version, title and source document of the plan, for the run's metadata. */
    public PlanInfo plan() {
        return plan;
    }

    /** The 13 cities, in annex order. */
    public List<City> cities() {
        return cities;
    }

    public City province() {
        return province;
    }

    /** The 18 categories, in annex 4's column order. */
    public List<Category> categories() {
        return categories;
    }

    /**
     * The pollutants annex 2 sets targets for, in the order of pollutants.csv: what reconciliation sums, what the
     * reports show and what an emission report may name.
     */
    public List<Pollutant> pollutants() {
        return pollutants;
    }

    /** Every pollutant of pollutants.csv: each has a claim column in the project list, targeted or not. */
    public List<Pollutant> claimPollutants() {
        return claimPollutants;
    }

    /** A pollutant of pollutants.csv by its code. */
    public Optional<Pollutant> pollutant(String code) {
        return claimPollutants.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    // 二氧化硫（SO2）, SO2(二氧化硫): the usual label in Chinese reports, name and formula of one pollutant
    private static final Pattern NAME_AND_FORMULA = Pattern.compile("([^(\\[【]+)[(\\[【]([^)\\]】]+)[)\\]】]");

    /**
     * A pollutant annex 2 sets targets for, as an emission report names it: its code, label, Chinese name or the
     * name the template writes, ignoring case, white space and full-width forms; also a name with the same
     * pollutant's other name in brackets (二氧化硫（SO2）), never two names of different pollutants.
     */
    public Optional<Pollutant> findPollutant(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = Text.normalise(text).toUpperCase(Locale.ROOT).replace("₂", "2").replace("Ｘ", "X");
        Matcher both = NAME_AND_FORMULA.matcher(key);
        if (both.matches()) {
            Optional<Pollutant> name = pollutantByName(both.group(1));
            return name.isPresent() && name.equals(pollutantByName(both.group(2))) ? name : Optional.empty();
        }
        return pollutantByName(key);
    }

    private Optional<Pollutant> pollutantByName(String key) {
        for (Pollutant p : pollutants) {
            if (key.equals(p.code()) || key.equals(p.label().toUpperCase(Locale.ROOT))
                    || key.equals(p.chineseName()) || key.equals(p.written().toUpperCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public List<AirQualityTarget> airQualityTargets() {
        return airQualityTargets;
    }

    public List<AutumnWinterTarget> autumnWinterTargets() {
        return autumnWinterTargets;
    }

    /**
     * Annex 4's planned project count; 0 where the annex cell is blank. {@code categoryCode} may be
     * {@link Category#TOTAL} for the row's total (held when loaded by {@link ReferenceDataLoader}, else the sum).
     */
    public int planned(String cityCode, String categoryCode) {
        Integer n = planned.get(cityCode + "|" + categoryCode);
        if (n == null && Category.TOTAL.equals(categoryCode)) {
            return categories.stream().mapToInt(c -> planned(cityCode, c.code())).sum();
        }
        return n == null ? 0 : n;
    }

    /** Annex 2's reduction target in % against the base year, or null when the annex has none. */
    public BigDecimal targetPct(String cityCode, Pollutant pollutant) {
        return targetPct.get(cityCode + "|" + pollutant.code());
    }

    public Optional<City> city(String code) {
        return code != null && code.equals(province.code()) ? Optional.of(province)
                : cities.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /**
     * A city as people write it: the bare name (南京), with 市 (南京市), the GB/T 2260 code (320100) or the pinyin
     * (Nanjing, NANJING), ignoring case, white space and full-width forms. Never the province.
     */
    public Optional<City> findCity(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = cityKey(text);
        if (key.endsWith(".0")) { // a code typed into a numeric cell
            key = key.substring(0, key.length() - 2);
        }
        return Optional.ofNullable(cityIndex.get(key));
    }

    /**
     * A category by its code or its name; the name also without the trailing 项目, with half- or full-width
     * brackets, ignoring white space and case.
     */
    public Optional<Category> findCategory(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = categoryKey(text);
        Category found = categoryIndex.get(key);
        if (found != null) {
            return Optional.of(found);
        }
        LocalNames names = localNames;
        String alias = names.categoryAlias(key);
        if (alias != null) {
            return category(alias);
        }
        return withItsGroup(key);
    }

    /**
     * A category written with its group, in either order, joined by a dash, slash or brackets:
     * VOCs污染治理项目-源头替代 is VOCs源头替代项目, 扬尘治理项目/施工工地扬尘治理 is 施工工地扬尘治理项目. The part
     * beside the group is the category's name (with or without 项目) or the only one of the group's names holding it.
     */
    private Optional<Category> withItsGroup(String key) {
        List<String> parts = LocalNames.parts(key);
        if (parts.size() < 2) {
            return Optional.empty();
        }
        for (String part : parts) {
            List<Category> group = categories.stream().filter(c -> sameGroup(c.group(), part)).toList();
            if (group.isEmpty()) {
                continue;
            }
            String rest = String.join("", parts.stream().filter(p -> !p.equals(part)).toList());
            Category named = categoryIndex.get(rest);
            if (named != null && group.contains(named)) {
                return Optional.of(named);
            }
            String bare = rest.endsWith("项目") ? rest.substring(0, rest.length() - 2) : rest;
            List<Category> holding = group.stream().filter(c -> !bare.isEmpty() && categoryKey(c.name()).contains(bare))
                    .toList();
            if (holding.size() == 1) {
                return Optional.of(holding.get(0));
            }
        }
        return Optional.empty();
    }

    private static boolean sameGroup(String group, String part) {
        String g = categoryKey(group);
        String bare = g.endsWith("项目") ? g.substring(0, g.length() - 2) : g;
        return part.equals(g) || part.equals(bare);
    }

    /** What follows a city's name to mean the city itself: 南京市区, 南京市本级, 南京全市. */
    private static final java.util.Set<String> CITY_ITSELF = java.util.Set.of("市区", "区", "城区", "主城区", "市辖区", "本级",
            "市本级", "全市", "市直");

    /**
     * A city written as one of its county-level units or its 市区 (GB/T 2260, districts.csv): 江阴市, 常州市武进区,
     * 武进区, 无锡市区. Empty when the text names no district, or a district name two cities have (鼓楼区 alone is in
     * 南京 and in 徐州) without its city before it.
     */
    public Optional<City> findCityFromDistrict(String text) {
        if (text == null || text.length() > 100) {
            return Optional.empty();
        }
        String key = Text.normalise(text);
        LocalNames names = localNames;
        for (City c : cities) {
            for (String prefix : List.of(c.name() + "市", c.name())) {
                if (key.startsWith(prefix) && key.length() > prefix.length()) {
                    String rest = key.substring(prefix.length());
                    if (CITY_ITSELF.contains(rest)
                            || district(names, rest).stream().anyMatch(d -> d.cityCode().equals(c.code()))) {
                        return Optional.of(c);
                    }
                }
            }
        }
        List<String> cityCodes = district(names, key).stream().map(LocalNames.District::cityCode).distinct().toList();
        return cityCodes.size() == 1 ? city(cityCodes.get(0)) : Optional.empty();
    }

    /** The districts a text names: as written (武进区), or without its 区, 县 or 市 (武进). */
    private static List<LocalNames.District> district(LocalNames names, String key) {
        List<LocalNames.District> exact = names.districtsNamed(key);
        if (!exact.isEmpty() || key.length() < 2) {
            return exact;
        }
        List<LocalNames.District> out = new ArrayList<>();
        for (String suffix : List.of("区", "县", "市")) {
            out.addAll(names.districtsNamed(key + suffix));
        }
        return out;
    }

    public Optional<Category> category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    private static String cityKey(String text) {
        // the apostrophe of pinyin such as Huai'an is written or left out at will
        return Text.normalise(text).toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "");
    }

    private static String categoryKey(String text) {
        // Text.normalise folds full-width brackets （） to ( ); underscores and hyphens in codes are kept
        return Text.normalise(text).toUpperCase(Locale.ROOT);
    }
}
