#!/usr/bin/env python3
"""CPU by area and by function from a `perf record -g -k CLOCK_MONOTONIC` profile of tools/ProfileBatch.cs.

Usage: perf_areas.py PERF_DATA DRIVER_LOG FIRST_BATCH LAST_BATCH [TOP]
Only samples inside the driver's batches FIRST_BATCH..LAST_BATCH (their start and end timestamps) count. A sample is
about a millisecond of CPU (`perf record -F 999`); the tables give each area's share of the samples and that share of
the CPU time the process's own counter measured over the same batches (per request). A sample is charged to the first area that a frame names,
from the leaf up, so runtime and kernel work goes to the managed code that caused it (an allocation's GC to the code
that allocated, a send's system call to the socket code); the layer table charges it to where the CPU was instead.
"""
import collections
import subprocess
import sys

AREAS = [
    ("Idle pool threads spinning for work (LowLevelLifoSemaphore, sched_yield)",
     lambda sym, dso: "sched_yield" in sym or sym.startswith("System.Threading.LowLevelLifoSemaphore") or sym.startswith("System.Threading.LowLevelSpinWaiter")),
    ("JIT compiler", lambda sym, dso: "libclrjit" in dso),
    ("JSON (System.Text.Json)", lambda sym, dso: sym.startswith("System.Text.Json")),
    ("OpenAI SDK (its models, options, convenience methods)", lambda sym, dso: sym.startswith("OpenAI.")),
    ("System.ClientModel (pipeline, policies, transport, BinaryData)", lambda sym, dso: sym.startswith("System.ClientModel") or sym.startswith("System.BinaryData")),
    ("Microsoft.Extensions.Logging", lambda sym, dso: sym.startswith("Microsoft.Extensions")),
    ("HTTP (System.Net.Http)", lambda sym, dso: sym.startswith("System.Net.Http")),
    ("Sockets (System.Net.Sockets, its system calls)", lambda sym, dso: sym.startswith("System.Net.Sockets") or sym.startswith("Interop+Sys")),
    ("ChatBench (harness: records, batch)", lambda sym, dso: sym.startswith("ChatBench.")),
    ("Tasks, thread pool, timers (System.Threading)", lambda sym, dso: sym.startswith("System.Threading") or sym.startswith("System.Runtime.CompilerServices")),
]


def layer(sym, dso):
    if "libclrjit" in dso:
        return "JIT compiler (libclrjit)"
    if "libcoreclr" in dso:
        return "runtime (libcoreclr: GC, allocation, type checks, stubs)"
    if "kernel" in dso:
        return "kernel (system calls, scheduling, page faults)"
    if "libc" in dso or "ld-linux" in dso or "vdso" in dso:
        return "C library"
    return "managed code (JIT-compiled)"


def managed_name(sym):
    """A perf map names a method `instance void [Assembly] Namespace.Type::Method(args)[Tier]`: keep Namespace.Type::Method[Tier]."""
    if "] " not in sym or "::" not in sym:
        return sym
    name = sym.split("] ", 1)[1]
    tier = name[name.rfind("["):] if name.endswith("]") else ""
    return name.split("(", 1)[0] + tier


def batches(log, first, last):
    windows = []
    for line in open(log):
        parts = line.split("\t")
        if len(parts) > 3 and parts[0].isdigit() and first <= int(parts[0]) <= last:
            windows.append((int(parts[1]) / 1e9, int(parts[2]) / 1e9, float(parts[4]), int(parts[0])))
    return windows


def samples(data):
    out = subprocess.run(["perf", "script", "-i", data, "-F", "time,ip,sym,dso", "--ns"], capture_output=True, text=True, check=True).stdout
    sample = None
    for line in out.splitlines():
        if not line.strip():
            if sample:
                yield sample
            sample = None
        elif not line.startswith((" ", "\t")):
            sample = (float(line.strip().rstrip(":").split()[-1]), [])
        elif sample is not None:
            text = line.strip()
            _, _, rest = text.partition(" ")
            sym, _, dso = rest.rpartition(" (")
            sample[1].append((managed_name(sym.split("+0x")[0]), dso.rstrip(")")))
    if sample:
        yield sample


def main():
    data, log, first, last = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    top = int(sys.argv[5]) if len(sys.argv) > 5 else 25
    windows = batches(log, first, last)
    requests = int(open(log).read().split("requests=")[1].split()[0]) if "requests=" in open(log).read() else 1000
    areas, layers, exclusive, inclusive = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for time, frames in samples(data):
        if not any(start <= time <= end for start, end, _, _ in windows) or not frames:
            continue
        total += 1
        leaf_sym, leaf_dso = frames[0]
        layers[layer(leaf_sym, leaf_dso)] += 1
        exclusive[leaf_sym if not leaf_sym.startswith("[unknown]") else f"[{leaf_dso}]"] += 1
        for name in {s if not s.startswith("[unknown]") else f"[{d}]" for s, d in frames}:
            inclusive[name] += 1
        areas[next((area for sym, dso in frames for area, match in AREAS if match(sym, dso)), "other: " + layer(leaf_sym, leaf_dso))] += 1

    n = len(windows)
    cpu = sum(w[2] for w in windows)
    per_request = lambda count: count / total * cpu / n / requests * 1000
    print(f"batches {first}-{last} ({n}), {requests} requests each: {total} samples = {total / n:.1f} ms sampled a batch; "
          f"the process's own CPU counter says {cpu / n:.1f} ms a batch ({cpu / n / requests * 1000:.0f} us a request)\n")
    for title, counter in (("area (first frame from the leaf that names one)", areas), ("layer (where the CPU was)", layers)):
        print(f"| {title} | share | CPU us/request |\n|---|---:|---:|")
        for name, count in counter.most_common():
            print(f"| {name} | {count / total:.1%} | {per_request(count):.0f} |")
        print()
    for title, counter in (("exclusive (leaf)", exclusive), ("inclusive (on the stack)", inclusive)):
        print(f"| top {top} {title} | share | us/request |\n|---|---:|---:|")
        for name, count in counter.most_common(top):
            print(f"| `{name[:110]}` | {count / total:.1%} | {per_request(count):.0f} |")
        print()


main()
