package cn.js.reduction.store;

import cn.js.reduction.reference.Pollutant;
import java.math.BigDecimal;

/** An accepted emission-report row, normalised (docs/input-format.md 排放量报表). Sector and remarks may be null. */
public record EmissionRecord(String cityCode, Pollutant pollutant, String sector, BigDecimal baseT,
                             BigDecimal reportingT, String remarks) {
}
