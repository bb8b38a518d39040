package cn.js.reduction.reference;

import java.math.BigDecimal;

/**
 * The plan year's identity, from reference/&lt;year&gt;/plan.properties: written into every run's metadata so
 * that an auditor can tell which reference data and which source document the figures were checked against.
 *
 * @param year         plan year, e.g. 2020
 * @param baseYear     the year the reduction targets are measured against, e.g. 2015
 * @param version      reference data version, e.g. 2020.1; a corrected transcription gets a new version
 * @param title        the plan's Chinese title, e.g. 江苏省2020年大气污染防治工作计划
 * @param sourceFile   the name of the document the annexes were transcribed from
 * @param sourceSha256 SHA-256 (hex) of that document; source.txt in the folder is its byte-exact copy
 * @param claimRatioLimit above this ratio of claimed (completed projects) to achieved (emissions) reduction, the
 *                        claims exceed what the emissions show (CLAIM_EXCEEDS_ACHIEVED), e.g. 1.5
 */
public record PlanInfo(int year, int baseYear, String version, String title, String sourceFile,
                       String sourceSha256, BigDecimal claimRatioLimit) {
}
