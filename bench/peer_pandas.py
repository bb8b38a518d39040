#!/usr/bin/python3
"""The peer (issue 19): the script a user would write instead of the job, with pandas + openpyxl.

Reads the same submissions (every .xlsx and, where pandas has an engine for it (xlrd), every .xls, every .csv), keeps
the project rows a clerk would keep (drops 合计/小计 rows, rows with an unknown category, an impossible date, a negative
tonnage, no project name, a project id seen before), groups them, and writes:

  OUT/summary.xlsx  sheet projects: per city x category planned (the plan's annex 4), submitted, completed,
                    in_progress, not_started; sheet reductions: per city x pollutant base_t, reporting_t (the
                    emission reports) and claimed_t (completed projects' claimed tonnes);
  OUT/detail.xlsx   every kept project row with its city code, category code and file.

No rules engine, no staging, no lineage, no findings, no city workbooks: what a user would really write.

  /usr/bin/python3 bench/peer_pandas.py INPUT_DIR REFERENCE_YEAR_DIR OUT
  /usr/bin/python3 bench/peer_pandas.py --compare OUT RUN_DIR    # the peer's summary against the job's CSVs
"""
import os
import sys
import unicodedata
import warnings

import pandas as pd

warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
YEAR_END = pd.Timestamp("2020-12-31")
PROJECT_COLUMNS = {  # header text (normalised, contains) -> column key; first match wins
    "项目编号": "project_id", "设区市": "city", "项目名称": "project_name", "项目类别": "category",
    "进展状态": "status", "计划完成": "planned_completion", "实际完成": "actual_completion",
}
EMISSION_COLUMNS = {"设区市": "city", "污染物": "pollutant", "基准年": "base_t", "2015年": "base_t",
                    "核算年": "reporting_t", "2020年": "reporting_t"}
STATUS = {"已完成": "completed", "已建成": "completed", "完成": "completed",
          "在建": "in_progress", "实施中": "in_progress", "进行中": "in_progress",
          "未开工": "not_started", "未启动": "not_started"}


def norm(value):
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else \
        unicodedata.normalize("NFKC", str(value)).strip()


def read_reference(ref):
    cities = pd.read_csv(os.path.join(ref, "cities.csv"), dtype=str)
    city_code = {}
    for code, name in zip(cities["code"], cities["name"]):
        for key in (code, name, name + "市"):
            city_code[key] = code
    categories = pd.read_csv(os.path.join(ref, "categories.csv"), dtype=str)
    category_code = {}
    for code, name in zip(categories["code"], categories["name"]):
        for key in (name, name[:-2]):
            category_code[norm(key)] = code
    pollutants = pd.read_csv(os.path.join(ref, "pollutants.csv"), dtype=str)
    pollutant_code = {}
    claim_column = {}
    for _, p in pollutants.iterrows():
        for key in (p["code"], p["label"], p["chinese_name"], p["written"]):
            pollutant_code[norm(key)] = p["code"]
        claim_column[p["code"]] = [norm(p["claim_column"])] + [norm(a) for a in str(p["claim_aliases"]).split("|")]
    plan = pd.read_csv(os.path.join(ref, "annex4_project_plan.csv"), dtype={"city_code": str})
    plan = plan[plan["city_code"] != "320000"].drop(columns=["city_name"]).melt(id_vars="city_code", var_name="category_code", value_name="planned")
    return city_code, category_code, pollutant_code, claim_column, plan


def read_tables(path):
    """Every sheet of a file as a frame of raw cells (no header)."""
    lower = path.lower()
    if lower.endswith(".csv"):
        with open(path, "rb") as f:
            head = f.read(3)
        encoding = "utf-8-sig" if head == b"\xef\xbb\xbf" else "gbk"
        return [pd.read_csv(path, header=None, dtype=str, encoding=encoding, keep_default_na=False)]
    if lower.endswith(".xls"):
        try:
            import xlrd  # noqa: F401
        except ImportError:
            print(f"peer: skipped {os.path.basename(path)} (.xls needs xlrd, not installed)", file=sys.stderr)
            return []
        return list(pd.read_excel(path, sheet_name=None, header=None, engine="xlrd").values())
    return list(pd.read_excel(path, sheet_name=None, header=None, engine="openpyxl").values())


def with_header(frame, columns):
    """The frame below its header row (found by its texts; a second header row under a merged group is joined)."""
    for i in range(min(len(frame), 15)):
        texts = [norm(v) for v in frame.iloc[i]]
        if sum(any(k in t for k in columns) for t in texts) >= 3:
            names = texts
            start = i + 1
            if start < len(frame):
                below = [norm(v) for v in frame.iloc[start]]
                if any("减排" in t for t in below) or (any(t == "" for t in names) and
                                                     sum(1 for t in below if t and not t[0].isdigit()) >= 3):
                    names = [b + "减排量" if b and not a else (a + b if b else a) for a, b in zip(names, below)]
                    start += 1
            body = frame.iloc[start:].copy()
            body.columns = names
            return body
    return None


def pick(body, columns):
    out = {}
    for name in body.columns:
        for text, key in columns.items():
            if text in name and key not in out:
                out[key] = name
                break
    return out


def number(value):
    t = norm(value).replace(",", "")
    return pd.to_numeric(t, errors="coerce") if t else 0.0


def date(value):
    if isinstance(value, pd.Timestamp) or hasattr(value, "year"):
        return pd.Timestamp(value)
    t = norm(value)
    if not t:
        return None
    t = t.replace("年", "-").replace("月", "-").replace("日", "").replace("/", "-").replace(".", "-")
    return pd.to_datetime(t, errors="coerce", format="%Y-%m-%d")


def main(input_dir, ref, out):
    city_code, category_code, pollutant_code, claim_column, plan = read_reference(ref)
    projects, emissions = [], []
    for name in sorted(os.listdir(input_dir)):
        path = os.path.join(input_dir, name)
        if not name.lower().endswith((".xlsx", ".xls", ".csv")):
            continue
        for frame in read_tables(path):
            body = with_header(frame, PROJECT_COLUMNS)
            if body is not None and "project_name" in pick(body, PROJECT_COLUMNS):
                cols = pick(body, PROJECT_COLUMNS)
                df = body.rename(columns={v: k for k, v in cols.items()})
                df = df.loc[:, ~df.columns.duplicated()]
                for code, aliases in claim_column.items():
                    match = [c for c in body.columns if any(a and a in c for a in aliases)]
                    df[code] = body[match[0]] if match else 0
                df["file"] = name
                projects.append(df)
                continue
            body = with_header(frame, EMISSION_COLUMNS)
            if body is not None:
                cols = pick(body, EMISSION_COLUMNS)
                df = body.rename(columns={v: k for k, v in cols.items()})
                df = df.loc[:, ~df.columns.duplicated()]
                df["file"] = name
                emissions.append(df[["city", "pollutant", "base_t", "reporting_t", "file"]])

    p = pd.concat(projects, ignore_index=True)
    p = p[~p.iloc[:, 0].map(norm).str.startswith(("合计", "小计", "总计"))]
    p["city_code"] = p["city"].map(lambda v: city_code.get(norm(v)) or city_code.get(norm(v).removesuffix(".0")))
    p["category_code"] = p["category"].map(lambda v: category_code.get(norm(v)))
    p["planned_at"] = p["planned_completion"].map(date)
    p["actual_at"] = p["actual_completion"].map(date) if "actual_completion" in p else None
    tonnes = list(claim_column)
    for code in tonnes:
        p[code] = p[code].map(number)
    bad_date = p["planned_completion"].map(norm).ne("") & p["planned_at"].isna()
    bad_date |= p["actual_completion"].map(norm).ne("") & p["actual_at"].isna()
    negative = (p[tonnes] < 0).any(axis=1) | p[tonnes].isna().any(axis=1)
    keep = p["category_code"].notna() & p["city_code"].notna() & ~bad_date & ~negative \
        & p["project_name"].map(norm).ne("")
    p = p[keep]
    p = p[~p["project_id"].map(norm).duplicated()]
    status = p["status"].map(lambda v: STATUS.get(norm(v), "in_progress"))
    late = (status == "completed") & (p["actual_at"].isna() | (p["actual_at"] > YEAR_END))
    p["state"] = status.where(~late, "in_progress")

    counts = pd.crosstab([p["city_code"], p["category_code"]], p["state"]).reindex(
        columns=["completed", "in_progress", "not_started"], fill_value=0)
    counts["submitted"] = counts.sum(axis=1)
    counts = counts.reset_index()
    totals = counts.groupby("city_code", as_index=False)[["completed", "in_progress", "not_started", "submitted"]].sum()
    totals["category_code"] = "TOTAL"
    summary = plan.merge(pd.concat([counts, totals]), on=["city_code", "category_code"], how="outer").fillna(0)
    province = summary.groupby("category_code", as_index=False).sum(numeric_only=True)
    province["city_code"] = "320000"
    summary = pd.concat([summary, province], ignore_index=True)
    summary = summary[["city_code", "category_code", "planned", "submitted", "completed", "in_progress", "not_started"]]

    e = pd.concat(emissions, ignore_index=True)
    e = e[~e.iloc[:, 0].map(norm).str.startswith(("合计", "小计", "总计"))]
    e["city_code"] = e["city"].map(lambda v: city_code.get(norm(v)) or city_code.get(norm(v).removesuffix(".0")))
    e["pollutant"] = e["pollutant"].map(lambda v: pollutant_code.get(norm(v)))
    e = e[e["city_code"].notna() & e["pollutant"].notna()]
    for c in ("base_t", "reporting_t"):
        e[c] = e[c].map(number)
    reductions = e.groupby(["city_code", "pollutant"], as_index=False)[["base_t", "reporting_t"]].sum()
    done = p[p["state"] == "completed"]
    claimed = done.groupby("city_code")[tonnes].sum().stack().rename("claimed_t").reset_index() \
        .rename(columns={"level_1": "pollutant"})
    reductions = reductions.merge(claimed, on=["city_code", "pollutant"], how="left").fillna({"claimed_t": 0})
    province = reductions.groupby("pollutant", as_index=False)[["base_t", "reporting_t", "claimed_t"]].sum()
    province["city_code"] = "320000"
    reductions = pd.concat([reductions, province], ignore_index=True)

    os.makedirs(out, exist_ok=True)
    with pd.ExcelWriter(os.path.join(out, "summary.xlsx"), engine="openpyxl") as w:
        summary.to_excel(w, sheet_name="projects", index=False)
        reductions.to_excel(w, sheet_name="reductions", index=False)
    detail = p.drop(columns=["planned_at", "actual_at"])
    detail.columns = [str(c) for c in detail.columns]
    with pd.ExcelWriter(os.path.join(out, "detail.xlsx"), engine="openpyxl") as w:
        for i in range(0, max(len(detail), 1), 1_000_000):
            detail.iloc[i:i + 1_000_000].to_excel(w, sheet_name=f"detail{i // 1_000_000 + 1}", index=False)
    print(f"peer: {len(projects)} project tables, {len(emissions)} emission tables; {len(p)} project rows kept; "
          f"summary {len(summary)} + {len(reductions)} rows; wrote "
          f"{sum(os.path.getsize(os.path.join(out, f)) for f in os.listdir(out)) / 1e6:.1f} MB")


def compare(out, run_dir):
    """The peer's summary figures against the job's CSVs: every count and tonne, each difference printed."""
    differences = 0
    checked = 0
    for sheet, csv, key, cols in (
            ("projects", "projects_by_city_category.csv", ["city_code", "category_code"],
             ["submitted", "completed", "in_progress", "not_started"]),
            ("reductions", "reductions_by_city_pollutant.csv", ["city_code", "pollutant"],
             ["base_t", "reporting_t", "claimed_t"])):
        peer = pd.read_excel(os.path.join(out, "summary.xlsx"), sheet_name=sheet, dtype={"city_code": str})
        job = pd.read_csv(os.path.join(run_dir, csv), dtype={"city_code": str}, encoding="utf-8-sig")
        both = job.merge(peer, on=key, how="left", suffixes=("_job", "_peer"))
        for c in cols:
            if c + "_job" not in both:
                print(f"compare: {csv} has no column {c}")
                differences += 1
                continue
            a = pd.to_numeric(both[c + "_job"], errors="coerce").fillna(0)
            b = pd.to_numeric(both[c + "_peer"], errors="coerce").fillna(0)
            bad = (a - b).abs() > 1e-6 * (1 + a.abs())
            checked += len(both)
            for _, r in both[bad].head(10).iterrows():
                print(f"compare: {csv} {[r[k] for k in key]} {c}: job {r[c + '_job']}, peer {r[c + '_peer']}")
            differences += int(bad.sum())
    print(f"peer vs job: {checked} figures compared, "
          + ("all equal" if differences == 0 else f"{differences} differ"))
    return differences


if __name__ == "__main__":
    if sys.argv[1] == "--compare":
        sys.exit(1 if compare(sys.argv[2], sys.argv[3]) else 0)
    main(sys.argv[1], sys.argv[2], sys.argv[3])
