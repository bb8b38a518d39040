package cn.js.reduction.sample;

/**
 * Where a deliberate feature or mistake of the sample sits, as a person finds it in Excel: file, sheet, 1-based
 * row and A1 cell (blank for a whole row), and what the pipeline is expected to make of it.
 */
public record SampleNote(String file, String sheet, int row, String cell, String what) {

    public String markdown() {
        return "| " + file + " | " + sheet + " | " + row + " | " + cell + " | " + what + " |";
    }
}
