package cn.js.reduction.operations;

import cn.js.reduction.clerk.TemplateWriter;
import cn.js.reduction.core.FileKind;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.reference.ReferenceLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** {@code template --kind projects|emissions [--year Y] [--city C] --out FILE}: a blank submission workbook. */
final class TemplateCommand {

    static final String HELP = """
            template --kind projects|emissions [--year Y] [--city C] --out FILE

            Writes a blank submission workbook: the exact column headers, drop-down lists for city, category,
            status and pollutant (from the plan year's reference data), date and number checks with input
            messages, a 填报说明 sheet and a version stamp. A template filled in as its messages say passes
            validate without a finding.
              --kind projects   项目清单 (project list);  --kind emissions  排放量报表 (emission report)
              --year Y          plan year (default 2020)
              --reference DIR   that year's reference data from DIR/Y/ (default: the data shipped in the program)
              --city C          fill in the city (南京, 南京市, 320100 or nanjing): in a project list the city
                                appears on every row as soon as the row is filled; an emission report gets the
                                city's three pollutant rows
            """;

    private TemplateCommand() {
    }

    static Commands.Prepared prepare(Options options, Map<String, String> env) {
        String kindName = options.get("kind", null);
        if (kindName == null) {
            throw new UsageException("--kind is required: --kind projects (项目清单) or --kind emissions (排放量报表)");
        }
        FileKind kind = switch (kindName.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "projects", "项目清单" -> FileKind.PROJECTS;
            case "emissions", "排放量报表" -> FileKind.EMISSIONS;
            default -> throw new UsageException("--kind must be projects or emissions, not '" + kindName + "'");
        };
        ReferenceLibrary references = Commands.references(options);
        ReferenceData reference = references.year(Commands.year(options, references, ValidateCommand.DEFAULT_YEAR));
        City city = null;
        if (options.has("city")) {
            String c = options.get("city", "");
            city = reference.findCity(c).filter(found -> !found.isProvince()).orElseThrow(() -> new UsageException(
                    "--city '" + c + "' is not one of the " + reference.cities().size() + " cities; write e.g. 南京, 南京市, 320100 or nanjing"));
        }
        if (!options.has("out")) {
            throw new UsageException("--out FILE is required, e.g. --out 南京_项目清单.xlsx");
        }
        Path out = ReductionAccountingApplication.absolute(options.path("out", ""));
        if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            throw new UsageException("--out must name an .xlsx file, not '" + out.getFileName() + "'");
        }
        if (out.getParent() != null && !Files.isDirectory(out.getParent())) {
            throw new UsageException("no folder " + out.getParent() + " for --out");
        }
        City chosen = city;
        return new Commands.Prepared(null, (context, o, err) -> {
            TemplateWriter writer = new TemplateWriter(reference, Version.current());
            try {
                writer.write(kind, chosen, out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
            }
            o.println("模板已写出 template written: " + out);
            o.println("  " + writer.stamp(kind));
            return ReductionAccountingApplication.OK;
        });
    }
}
