#!/usr/bin/env python3
"""Where a run's CPU samples go, by step and by the passes issue 19 names (the ones the outputs do not need).

  jfr print --stack-depth 400 --events jdk.ExecutionSample job.jfr > samples.txt
  python3 bench/jfr_passes.py samples.txt

Each jdk.ExecutionSample (a Java thread caught running Java code, every 10-20 ms; GC and JIT threads are not
sampled) is counted once per step (by the first of the project's packages found from the top of its stack) and once
in every pass whose frames its stack holds. Shares are of all the samples of the recording.
"""
import re
import sys
from collections import Counter

STEPS = [  # (step, a frame prefix that marks it), tried in this order
    ("report", ("cn.js.reduction.report.", "cn.js.reduction.clerk.")),
    ("reconcile", ("cn.js.reduction.reconcile.",)),
    ("consolidate", ("cn.js.reduction.consolidate.",)),
    ("intake", ("cn.js.reduction.intake.",)),
    ("discover", ("cn.js.reduction.discover.Discovery.",)),
    ("reference", ("cn.js.reduction.reference.",)),
]

READERS = ("cn.js.reduction.discover.Xlsx", "cn.js.reduction.discover.Xls", "cn.js.reduction.discover.Csv",
           "cn.js.reduction.discover.SheetSources", "cn.js.reduction.discover.HeaderLocator",
           "cn.js.reduction.discover.MergedCells", "cn.js.reduction.discover.TempFileSharedStrings",
           "cn.js.reduction.discover.SharedStringItems", "cn.js.reduction.discover.HtmlSheetSource")


def has(stack, *parts):
    return any(any(p in f for p in parts) for f in stack)


def passes(stack):
    """The passes a sample's stack is in (several may hold)."""
    out = []
    discover = has(stack, "cn.js.reduction.discover.Discovery.")
    if discover and has(stack, "SubmissionSniffer."):
        out.append("discover: sniffing every file (read again by intake)")
    if has(stack, "InputSet.sha256"):
        scan = [i for i, f in enumerate(stack) if "InputSet.scan" in f]
        caller = stack[scan[0] + 1] if scan and scan[0] + 1 < len(stack) else "?"
        if "Commands.inputSet" in caller and scan[0] + 2 < len(stack):
            caller = stack[scan[0] + 2]
        caller = re.sub(r"\(.*", "", caller).replace("cn.js.reduction.", "")
        out.append("hashing every file (InputSet.sha256, a read of its own), called by " + caller)
    if has(stack, "cn.js.reduction.intake.") and has(stack, *READERS):
        out.append("intake: reading the files (needed)")
    if has(stack, "ReturnedRowsSheet.") and has(stack, *READERS):
        out.append("report: 原表标注 re-reading the city's input files")
    if has(stack, "XlsxSheetSource.mergedRegions"):
        out.append("merges: the extra pass over a sheet with merges (every reader)")
    for f in stack:
        if "forEachFinding" in f:
            caller = stack[stack.index(f) + 1] if stack.index(f) + 1 < len(stack) else "?"
            caller = re.sub(r"\(.*?\)", "", caller).replace("cn.js.reduction.", "")
            out.append("report: findings read, by " + re.sub(r"\$+lambda.*", "", caller))
            break
    if has(stack, "cn.js.reduction.report.") and has(stack, "FindingStore."):
        out.append("report: all FindingStore queries")
    return out


def main(path):
    samples = []
    stack = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            s = line.strip()
            if s.startswith("jdk.ExecutionSample"):
                stack = []
            elif s.startswith("stackTrace = ["):
                continue
            elif stack is not None and s == "]":
                samples.append(stack)
                stack = None
            elif stack is not None and s and not s.startswith(("startTime", "sampledThread", "state", "...")):
                stack.append(s)
    total = len(samples)
    steps, named = Counter(), Counter()
    for st in samples:
        step = "other (start-up, Spring Batch, JDBC outside the steps' code)"
        for name, prefixes in STEPS:
            if has(st, *prefixes):
                step = name
                break
        steps[step] += 1
        for p in passes(st):
            named[p] += 1
    print(f"{total} execution samples")
    print("\nby step:")
    for k, v in steps.most_common():
        print(f"  {v:7d}  {100.0 * v / total:5.1f} %  {k}")
    print("\npasses:")
    for k, v in sorted(named.items()):
        print(f"  {v:7d}  {100.0 * v / total:5.1f} %  {k}")


if __name__ == "__main__":
    main(sys.argv[1])
