package cn.js.reduction.intake;

import cn.js.reduction.discover.Header;
import cn.js.reduction.discover.RawRow;

/** A data row of a submitted file together with the file's name and header, as the intake reader yields it. */
public record SourcedRow(String file, Header header, RawRow row) {
}
