#!/usr/bin/env bash
# Runs the probe's cases one after the other and prints one line each (about half a minute). From the repository root:
#   bash bench/http-floor/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$out"' EXIT
dotnet build -c Release -o "$out" "$here/http-floor.csproj" > /dev/null
probe="$out/http-floor.dll"
DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0 dotnet "$probe" server 5701 > /dev/null 2>&1 &
DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 dotnet "$probe" server 5702 > /dev/null 2>&1 &
sleep 3
url() { echo "http://127.0.0.1:$1/v1/chat/completions"; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo -n "back to back, .NET defaults on both sides:            "; dotnet "$probe" client "$(url 5701)" 400 0
echo -n "20 ms idle, .NET defaults on both sides:              "; dotnet "$probe" client "$(url 5701)" 200 20
echo -n "20 ms idle, server with inline socket completions:    "; dotnet "$probe" client "$(url 5702)" 200 20
echo -n "20 ms idle, inline socket completions on both sides:  "; DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 dotnet "$probe" client "$(url 5702)" 200 20
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
