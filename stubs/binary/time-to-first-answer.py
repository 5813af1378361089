#!/usr/bin/env python3
"""Milliseconds from starting a stub program to its first successful answer, over several runs.

Usage: stubs/binary/time-to-first-answer.py [--runs N] [--health] -- COMMAND...
COMMAND is the stub program without --port (for example artifacts/chatbench-stub/ChatBench.Stubs.Server, or
dotnet stubs/ChatBench.Stubs.Server/bin/Release/net10.0/ChatBench.Stubs.Server.dll). Each run picks a free port, starts
the program at time scale 0.001 (so the answer's own latency is a few milliseconds), and polls every 2 ms: a chat
completion for "What is 2+2?" (with --health: GET /health) until one answers 200. Prints each run and the range.
"""
import argparse
import http.client
import json
import socket
import subprocess
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("--runs", type=int, default=8)
parser.add_argument("--health", action="store_true")
parser.add_argument("command", nargs="+")
args = parser.parse_args()
body = json.dumps({"model": "gpt-4o", "messages": [{"role": "user", "content": "What is 2+2?"}]})


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answered(port):
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        if args.health:
            connection.request("GET", "/health")
        else:
            connection.request("POST", "/v1/chat/completions", body, {"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        return response.status == 200
    except OSError:
        return False


times = []
for _ in range(args.runs):
    port = free_port()
    start = time.perf_counter()
    program = subprocess.Popen(args.command + ["--port", str(port), "--time-scale", "0.001"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not answered(port):
        if program.poll() is not None:
            sys.exit(f"error: the program exited with code {program.returncode} before answering")
        time.sleep(0.002)
    times.append((time.perf_counter() - start) * 1000)
    program.terminate()
    program.wait()

print(" ".join(f"{t:.0f}" for t in times))
print(f"{min(times):.0f}-{max(times):.0f} ms over {len(times)} runs")
