package cn.js.reduction.sample;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One project as the city means it (typed, correct); how it is written into a file, and any deliberate mistake,
 * is decided when a {@link ProjectLayout} renders it. Tonnes are per year; zero means the cell is left blank.
 */
record SampleProject(String id, SampleCity city, String district, String name, String unit, String creditCode,
                     SampleCategory category, Status status, LocalDate planned, LocalDate actual,
                     BigDecimal investment, BigDecimal voc, BigDecimal so2, BigDecimal nox, BigDecimal pm,
                     String remarks, String contact, String phone) {

    enum Status {
        COMPLETED("已完成"), IN_PROGRESS("在建"), NOT_STARTED("未开工");

        private final String chineseName;

        Status(String chineseName) {
            this.chineseName = chineseName;
        }

        String chineseName() {
            return chineseName;
        }
    }

    SampleProject withId(String newId) {
        return new SampleProject(newId, city, district, name, unit, creditCode, category, status, planned, actual,
                investment, voc, so2, nox, pm, remarks, contact, phone);
    }

    SampleProject withCity(SampleCity newCity) {
        return new SampleProject(id, newCity, district, name, unit, creditCode, category, status, planned, actual,
                investment, voc, so2, nox, pm, remarks, contact, phone);
    }

    SampleProject withStatus(Status newStatus, LocalDate newActual) {
        return new SampleProject(id, city, district, name, unit, creditCode, category, newStatus, planned,
                newActual, investment, voc, so2, nox, pm, remarks, contact, phone);
    }

    SampleProject withCreditCode(String newCode) {
        return new SampleProject(id, city, district, name, unit, newCode, category, status, planned, actual,
                investment, voc, so2, nox, pm, remarks, contact, phone);
    }

    SampleProject withRemarks(String newRemarks) {
        return new SampleProject(id, city, district, name, unit, creditCode, category, status, planned, actual,
                investment, voc, so2, nox, pm, newRemarks, contact, phone);
    }

    /** True when the project counts as completed in 2020: the reductions it may claim. */
    boolean completedIn2020() {
        return status == Status.COMPLETED && actual != null && actual.getYear() <= 2020;
    }

    BigDecimal tonnes(String pollutant) {
        return switch (pollutant) {
            case "VOCS" -> voc;
            case "SO2" -> so2;
            case "NOX" -> nox;
            default -> pm;
        };
    }
}
