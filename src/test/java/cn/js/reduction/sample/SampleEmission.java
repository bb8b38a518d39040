package cn.js.reduction.sample;

import java.math.BigDecimal;

/**
 * One emission-report row: a city's emissions of a pollutant (VOCS, SO2, NOX; PM only as the deliberate
 * unknown pollutant) from one sector, in the 2015 base year and in 2020, in tonnes.
 */
record SampleEmission(SampleCity city, String pollutant, String sector, BigDecimal base, BigDecimal reporting,
                      String remarks) {
}
