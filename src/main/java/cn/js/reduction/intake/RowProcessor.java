package cn.js.reduction.intake;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Applies the row rules of SPEC §4 to each data row: every row comes out accepted, rejected or ignored. */
public class RowProcessor implements ItemProcessor<SourcedRow, StagedRow> {

    private final RowValidator validator;

    public RowProcessor(RowValidator validator) {
        this.validator = validator;
    }

    @Override
    public StagedRow process(SourcedRow item) {
        Header header = item.header();
        return switch (header.kind()) {
            case PROJECTS -> {
                Integer idColumn = header.columns().get(Field.PROJECT_ID);
                String idCell = idColumn == null ? null
                        : RawCell.columnName(idColumn) + item.row().rowNumber();
                yield new StagedRow(FileKind.PROJECTS,
                        validator.validateProject(item.row(), header, item.file()), idCell);
            }
            case EMISSIONS -> new StagedRow(FileKind.EMISSIONS,
                    validator.validateEmission(item.row(), header, item.file()), null);
        };
    }
}
