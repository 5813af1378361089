#!/usr/bin/env bash
# The standalone stub's memory soak: builds the stub in Release, sends it 100,000 requests over loopback (100 at a
# time, time scale 0.01) and samples its resident memory at 1k, 10k, 50k and 100k requests.
# Writes results/stub-memory-soak.md and .json. Takes about a minute on two cores; gives up after three.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
dotnet build -c Release stubs/ChatBench.Stubs.Server -nologo -v quiet
dotnet run -c Release --file stubs/soak/Soak.cs -- "$root"
