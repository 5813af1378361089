#!/usr/bin/env python3
"""One row per driver log of tools/ProfileBatch.cs: the warm-up batches and the mean of the batches from FIRST on.

Usage: batch_table.py FIRST LOG... (each log named ...-STACK-REQUESTS.tsv)
"""
import re
import statistics
import sys

first = int(sys.argv[1])
print("| stack | at once | CPU ms w0 / w1 / w2 | wall ms w0 / w2 | wall ms, median | CPU ms a batch | CPU µs/req | KB/req | collections (gen 1+) a batch | GC pause µs/req | JIT methods a batch | pool threads |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for log in sys.argv[2:]:
    stack, requests = re.search(r"-([a-z-]+)-(\d+)\.tsv$", log).groups()
    n = int(requests)
    rows = {}
    for line in open(log):
        parts = line.rstrip("\n").split("\t")
        if len(parts) == 13 and parts[0] != "batch":
            rows[parts[0]] = [float(p) for p in parts[3:]]
    warm = [rows[f"w{i}"] for i in range(3)]
    steady = [v for k, v in rows.items() if k.isdigit() and int(k) >= first]
    mean = lambda column: statistics.mean(r[column] for r in steady)
    print(f"| {stack} | {n} | {warm[0][1]:.0f} / {warm[1][1]:.0f} / {warm[2][1]:.0f} | {warm[0][0]:.0f} / {warm[2][0]:.0f} | "
          f"{statistics.median(r[0] for r in steady):.0f} | {mean(1):.0f} | {mean(1) / n * 1000:.0f} | {mean(2) / n:.1f} | "
          f"{mean(3):.2f} ({mean(4):.2f}) | {mean(6) / n * 1000:.1f} | {mean(7):.0f} | {steady[-1][9]:.0f} |")
