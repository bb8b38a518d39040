package cn.js.reduction.reference;

import java.math.BigDecimal;

/** Annex 1: a city's (or the province's) 2020 air-quality targets, binding (约束性) and working (工作). */
public record AirQualityTarget(String cityCode, BigDecimal pm25Binding, BigDecimal pm25Working,
                               BigDecimal goodDayRatioBinding, BigDecimal goodDayRatioWorking) {
}
