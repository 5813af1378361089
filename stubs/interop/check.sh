#!/usr/bin/env bash
# Starts the standalone stub on a free port and checks it with curl and the official OpenAI Node SDK.
# Needs Node.js and npm (the SDK comes from the npm registry). Run from anywhere: stubs/interop/check.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

dotnet build -c Release "$root/stubs/ChatBench.Stubs.Server" -v quiet -nologo > /dev/null
log="$(mktemp)"
dotnet "$root/stubs/ChatBench.Stubs.Server/bin/Release/net10.0/ChatBench.Stubs.Server.dll" --port 0 --time-scale 0.1 > "$log" 2>&1 &
stub=$!
trap 'kill $stub 2> /dev/null; rm -f "$log"' EXIT
for _ in $(seq 50); do
  # The stub's first line announces where it listens, as one JSON object.
  base="$(head -n 1 "$log" | jq -r '.baseUrl // empty' 2> /dev/null || true)"
  [ -n "$base" ] && break
  sleep 0.2
done
[ -n "$base" ] || { echo "error: the stub did not start: $(cat "$log")" >&2; exit 1; }
echo "stub at $base"

answer="$(curl -sf "$base/chat/completions" -H 'Content-Type: application/json' \
  -d '{"model":"gpt-4o","messages":[{"role":"user","content":"What is 2+2?"}]}')"
[ "$(jq -r '.choices[0].message.content' <<< "$answer")" = "2 + 2 = 4." ] || { echo "error: curl completion: $answer" >&2; exit 1; }
echo "curl: completion ok"

events="$(curl -sfN "$base/chat/completions" -H 'Content-Type: application/json' \
  -d '{"model":"gpt-4o","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"What is 2+2?"}]}')"
deltas="$(grep -c '"delta":{"content"' <<< "$events")"
[ "$deltas" = 6 ] && [ "$(tail -n 1 <<< "$events")" = "data: [DONE]" ] || { echo "error: curl stream: $events" >&2; exit 1; }
echo "curl: stream ok ($deltas content deltas, then [DONE])"

status="$(curl -s -o /dev/null -w '%{http_code}' "$base/chat/completions" -H 'Content-Type: application/json' -d '{not json')"
[ "$status" = 400 ] || { echo "error: curl malformed request got $status, not 400" >&2; exit 1; }
echo "curl: malformed request ok (400)"

cd "$here"
npm ci --silent --no-audit --no-fund
node check-node.mjs "$base"
