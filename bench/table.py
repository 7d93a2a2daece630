"""Turns the raw timings of bench/run.sh into the markdown tables of docs/performance.md.

usage: table.py results.tsv runs machine files lines pmd-version [hosts.tsv]
"""
import os
import csv
import statistics
import sys
from collections import defaultdict

results, runs, machine, files, lines, pmd_version = sys.argv[1:7]
hosts_file = sys.argv[7] if len(sys.argv) > 7 else None
rows = list(csv.DictReader(open(results, encoding="utf-8"), delimiter="\t"))

# Exit statuses that mean "completed": ecobugs exits 1 and PMD 4 when they report something.
COMPLETED = {"PMD": {"0", "4"}}  # with --no-fail-on-error, 5 would be an error


def completed(row):
    return row["status"] in COMPLETED.get(row["run"], {"0", "1"})


def num(value):
    return None if value in ("", "NA") else float(value)


def by_run(section):
    grouped = defaultdict(list)
    for row in rows:
        if row["section"] == section:
            grouped[row["run"]].append(row)
    return grouped


def seconds(values):
    values = [v for v in values if v is not None]
    if not values:
        return "n/a"
    med = statistics.median(values)
    return f"{med:.2f} s ({min(values):.2f}–{max(values):.2f})" if len(values) > 1 else f"{med:.2f} s"


def megabytes(values):
    values = [v for v in values if v is not None]
    return f"{statistics.median(values) / 1024:.0f} MB" if values else "n/a"


def cpu(rs):
    values = [num(r["user_s"]) + num(r["sys_s"]) for r in rs if num(r["user_s"]) is not None]
    return f"{statistics.median(values):.1f} s" if values else "n/a"


def ratios(numerator, denominator):
    """Per round, numerator wall / denominator wall: the ratio measured side by side."""
    den = {r["round"]: num(r["wall_s"]) for r in denominator}
    values = [num(r["wall_s"]) / den[r["round"]] for r in numerator if r["round"] in den and den[r["round"]]]
    if not values:
        return "n/a"
    med = statistics.median(values)
    return f"{med:.2f}× ({min(values):.2f}–{max(values):.2f})" if len(values) > 1 else f"{med:.2f}×"


def status_note(rs):
    failed = [r for r in rs if not completed(r)]
    return "" if not failed else f" **{len(failed)} of {len(rs)} failed** (exit {', '.join(r['status'] for r in failed)})"


out = [f"Measured by `bench/run.sh` on {machine.strip()}; {runs} rounds, the runs of a round alternated in a rotated"
       " order; wall time includes the JVM start. Median (min–max); ratios are taken per round, between runs of the"
       " same round, then their median (min–max) is shown.", ""]

speed = by_run("speed")
if speed:
    floor = speed.get("parse only", [])
    eco = speed.get("ecobugs", [])
    out += [f"**Speed** on HAPI FHIR JPA server base 8.8.0 ({int(files):,} source files, {int(lines):,} lines, its"
            " classes and its dependency jars as classpath):", "",
            "| Run | Wall time | × parse only | CPU time | Peak RSS |", "|---|---|---|---|---|"]
    order = ["parse only", "parse only, no validation", "ecobugs", "ecobugs, 1 thread", "PMD"]
    names = {
        "parse only": "JavaParser parse of every file, nothing else, 1 thread (the floor)",
        "parse only, no validation": "the same parse without JavaParser's language-level validation",
        "ecobugs": "ecobugs, all default rules, sources and classes, classpath, default threads",
        "ecobugs, 1 thread": "ecobugs, the same, `--threads 1`",
        "PMD": f"PMD {pmd_version}, `category/java/performance.xml`, aux classpath, default threads",
    }
    for run in order:
        rs = speed.get(run)
        if not rs:
            continue
        out.append(f"| {names[run]}{status_note(rs)} | {seconds([num(r['wall_s']) for r in rs])} | "
                   f"{ratios(rs, floor) if run != 'parse only' else '1'} | {cpu(rs)} | "
                   f"{megabytes([num(r['max_rss_kb']) for r in rs])} |")
    if eco and speed.get("PMD"):
        out += ["", f"PMD / ecobugs wall time, per round: {ratios(speed['PMD'], eco)}."]
    out.append("")

memory = by_run("memory")
if memory:
    out += ["**Memory**: the runs with a capped heap (`-XX:+ExitOnOutOfMemoryError`, so that running out fails the run):",
            "", "| Run | Completed | Wall time | Peak RSS |", "|---|---|---|---|"]
    for run, rs in memory.items():
        ok = sum(1 for r in rs if completed(r))
        out.append(f"| {run} | {ok} of {len(rs)} | {seconds([num(r['wall_s']) for r in rs])} | "
                   f"{megabytes([num(r['max_rss_kb']) for r in rs])} |")
    out.append("")

cache = by_run("cache")
if cache:
    first = cache.get("ecobugs --cache, first run", [])
    second = cache.get("ecobugs --cache, second run", [])
    out += ["**Result cache** on the same project, cache emptied before each first run:", "",
            "| Run | Wall time | × first run | CPU time | Peak RSS |", "|---|---|---|---|---|"]
    for run, rs in (("first run (cold cache)", first), ("second run, nothing changed", second)):
        if rs:
            out.append(f"| {run}{status_note(rs)} | {seconds([num(r['wall_s']) for r in rs])} | "
                       f"{ratios(rs, first) if rs is second else '1'} | {cpu(rs)} | "
                       f"{megabytes([num(r['max_rss_kb']) for r in rs])} |")
    out.append("")

hosts = by_run("hosts")
if hosts:
    cli = hosts.get("command line, the same input and rules", [])
    skipped = hosts.get("mvn ecobugs:analyze, skipped", [])
    out += ["**Hosts**, end to end on the same project (wall time of the whole command, JVM and Maven start included;"
            " the plugin writes its four reports, so the command line does too; the cache is off):", "",
            "| Run | Wall time | × command line | Peak RSS |", "|---|---|---|---|"]
    for run in ("command line, the same input and rules", "mvn ecobugs:analyze, the command line's rules",
                "mvn ecobugs:analyze, default rules", "mvn ecobugs:analyze, skipped"):
        rs = hosts.get(run)
        if rs:
            out.append(f"| {run}{status_note(rs)} | {seconds([num(r['wall_s']) for r in rs])} | "
                       f"{ratios(rs, cli) if rs is not cli else '1'} | "
                       f"{megabytes([num(r['max_rss_kb']) for r in rs])} |")
    out.append("")

if hosts_file and os.path.exists(hosts_file):
    inside = defaultdict(list)
    for row in csv.DictReader(open(hosts_file, encoding="utf-8"), delimiter="\t"):
        inside[row["host"]].append((float(row["host_ms"]), float(row["engine_ms"])))
    if inside:
        out += ["**Host overhead** inside the host's JVM: the time of the plugin's goal or of the sensor, next to the"
                " engine's own time in the same call (the plugin logs both at debug level; the sensor is timed around"
                " the engine call):", "",
                "| Host | Host time | Engine time | Overhead |", "|---|---|---|---|"]
        for host, pairs in inside.items():
            overheads = [h / e - 1 for h, e in pairs if e > 0]
            spread = (f" ({min(overheads) * 100:+.1f} to {max(overheads) * 100:+.1f} %)"
                      if len(overheads) > 1 else "")
            out.append(f"| {host} | {seconds([h / 1000 for h, _ in pairs])} | "
                       f"{seconds([e / 1000 for _, e in pairs])} | "
                       f"{statistics.median(overheads) * 100:+.1f} %{spread} |")
        out.append("")

print("\n".join(out).rstrip())
