// Replays a recorded latency profile's prompts through the official OpenAI Node SDK, which sends no `seed`, and compares
// what it measures per prompt with the recording: TTFT and E2E p50/p90 (the goal: within 5 %) and the two-sample
// Kolmogorov-Smirnov distance (the goal: at most 0.1). Also counts the distinct plans the stub made for a prompt's
// repeats (its x-stub-planned-ttft-ms header) and compares the planned TTFT with the recording too (row "TTFT plan"):
// the stub's own draws, without what the client and the machine add.
// Usage: node replay-spread.mjs --base-url URL --profile FILE [--per-prompt N] [--concurrency C]
import { readFileSync } from 'node:fs';
import OpenAI from 'openai';

const settings = { '--base-url': null, '--profile': null, '--per-prompt': '100', '--concurrency': '30' };
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 2) {
  if (!(args[i] in settings) || i + 1 === args.length) {
    fail(`'${args[i]}' is not an option or has no value; use --base-url URL --profile FILE [--per-prompt N] [--concurrency C]`);
  }
  settings[args[i]] = args[i + 1];
}
if (!settings['--base-url'] || !settings['--profile']) {
  fail('--base-url (the stub replaying the profile, e.g. http://127.0.0.1:5093/v1) and --profile (the profile it replays) are required');
}
const perPrompt = wholeNumber('--per-prompt');
const concurrency = wholeNumber('--concurrency');

let profile;
try {
  profile = JSON.parse(readFileSync(settings['--profile'], 'utf8'));
} catch (e) {
  fail(`cannot read the profile ${settings['--profile']}: ${e.message}`);
}
const prompts = (profile.prompts ?? []).filter(p => p.prompt && p.requests?.length);
if (prompts.length === 0) {
  fail(`${settings['--profile']} keeps no recorded requests per prompt; record it again with a workload of named prompts`);
}

// The SDK as a foreign user has it: no seed, no retries hiding failures.
const client = new OpenAI({ baseURL: settings['--base-url'], apiKey: 'no-key-set', maxRetries: 0 });

// Prompts interleaved, as a load test sends them; C streams in flight.
const jobs = [];
for (let i = 0; i < perPrompt; i++) {
  prompts.forEach((p, index) => jobs.push(index));
}
const measured = prompts.map(() => ({ ttft: [], e2e: [], plan: [], failed: 0 }));
let next = 0;
const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (next < jobs.length) {
    const index = jobs[next++];
    const into = measured[index];
    try {
      await stream(prompts[index].prompt, into);
    } catch (e) {
      into.failed++;
      console.error(`error: ${e.message}`);
    }
  }
}));
const seconds = (performance.now() - started) / 1000;

console.log(`${jobs.length} streams (${perPrompt} per prompt, ${concurrency} at a time, no seed) in ${seconds.toFixed(1)} s against ${settings['--base-url']}`);
console.log('');
console.log('| prompt | metric | p50 recorded | p50 replayed | p50 diff | p90 recorded | p90 replayed | p90 diff | KS | distinct plans |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
let pass = true;
prompts.forEach((p, index) => {
  const recorded = {
    ttft: p.requests.map(r => r.ttftMs),
    plan: p.requests.map(r => r.ttftMs),
    e2e: p.requests.map(r => r.ttftMs + (r.itlMs * Math.max(0, r.outputTokens - 1))),
  };
  const name = p.prompt.length > 40 ? `${p.prompt.slice(0, 37).replaceAll('\n', ' ')}...` : p.prompt;
  const labels = { ttft: 'TTFT', e2e: 'E2E', plan: 'TTFT plan' };
  for (const metric of ['ttft', 'e2e', 'plan']) {
    const a = recorded[metric];
    const b = measured[index][metric];
    const [p50a, p50b, p90a, p90b] = [quantile(a, 0.5), quantile(b, 0.5), quantile(a, 0.9), quantile(b, 0.9)];
    const ks = kolmogorovSmirnov(a, b);
    const within = Math.abs(p50b / p50a - 1) <= 0.05 && Math.abs(p90b / p90a - 1) <= 0.05 && ks <= 0.1 && measured[index].failed === 0;
    pass &&= within;
    const distinct = `${(100 * new Set(measured[index].plan).size / Math.max(1, b.length)).toFixed(0)} %`;
    console.log(`| ${name} | ${labels[metric]} | ${ms(p50a)} | ${ms(p50b)} | ${percent(p50b / p50a - 1)} | ${ms(p90a)} | ${ms(p90b)} | ${percent(p90b / p90a - 1)} | ${ks.toFixed(3)}${within ? '' : ' (off goal)'} | ${distinct} |`);
  }
});
console.log('');
console.log(pass ? 'every prompt within the goal (p50 and p90 within 5 %, KS at most 0.1)' : 'some rows are off the goal');
process.exit(pass ? 0 : 1);

// TTFT: the first content delta; E2E: the last one, as ChatBench measures them.
async function stream(prompt, into) {
  const sent = performance.now();
  const { data, response } = await client.chat.completions
    .create({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: prompt }] })
    .withResponse();
  let first = null;
  let last = null;
  for await (const chunk of data) {
    if (chunk.choices[0]?.delta?.content) {
      last = performance.now();
      first ??= last;
    }
  }
  if (first === null) {
    throw new Error(`no content streamed for '${prompt.slice(0, 30)}'`);
  }
  into.ttft.push(first - sent);
  into.e2e.push(last - sent);
  into.plan.push(Number(response.headers.get('x-stub-planned-ttft-ms')));
}

function quantile(values, q) {
  const sorted = [...values].sort((x, y) => x - y);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  return sorted[low] + ((sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (position - low));
}

function kolmogorovSmirnov(a, b) {
  const [x, y] = [[...a].sort((m, n) => m - n), [...b].sort((m, n) => m - n)];
  let [i, j, distance] = [0, 0, 0];
  while (i < x.length && j < y.length) {
    const value = Math.min(x[i], y[j]);
    while (i < x.length && x[i] <= value) i++;
    while (j < y.length && y[j] <= value) j++;
    distance = Math.max(distance, Math.abs((i / x.length) - (j / y.length)));
  }
  return distance;
}

function ms(value) {
  return value.toFixed(1);
}

function percent(value) {
  return `${value >= 0 ? '+' : ''}${(100 * value).toFixed(1)} %`;
}

function wholeNumber(option) {
  const value = Number(settings[option]);
  if (!Number.isInteger(value) || value < 1) {
    fail(`${option} needs a whole number of 1 or more, not '${settings[option]}'`);
  }
  return value;
}

function fail(reason) {
  console.error(`error: ${reason}`);
  process.exit(2);
}
