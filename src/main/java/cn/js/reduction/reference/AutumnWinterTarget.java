package cn.js.reduction.reference;

import java.math.BigDecimal;

/**
 * Annex 3: a city's autumn-winter 2019-2020 targets. The heavy-pollution-day target is text in the annex
 * ("1" or 持续改善, continued improvement), so it is kept as written.
 */
public record AutumnWinterTarget(String cityCode, BigDecimal pm25DeclinePct, String heavyPollutionDays) {
}
