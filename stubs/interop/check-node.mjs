// The official OpenAI Node SDK against a running ChatBench stub: a completion, a stream and an error, each checked
// against what the stub's default profile plans. Exits non-zero on the first mismatch.
import assert from 'node:assert/strict';
import OpenAI from 'openai';

const baseURL = process.argv[2] ?? 'http://127.0.0.1:5080/v1';
const client = new OpenAI({ baseURL, apiKey: 'interop-check', maxRetries: 0 });

const completion = await client.chat.completions.create({
  model: 'gpt-4o',
  messages: [{ role: 'user', content: 'What is 2+2?' }],
});
assert.equal(completion.object, 'chat.completion');
assert.equal(completion.model, 'gpt-4o');
assert.equal(completion.choices[0].message.content, '2 + 2 = 4.');
assert.equal(completion.choices[0].finish_reason, 'stop');
assert.equal(completion.usage.completion_tokens, 6);
console.log(`node: completion ok (${JSON.stringify(completion.choices[0].message.content)}, ${completion.usage.completion_tokens} tokens)`);

const stream = await client.chat.completions.create({
  model: 'gpt-4o',
  stream: true,
  stream_options: { include_usage: true },
  messages: [{ role: 'user', content: 'List the 5 most famous hockey players of the 20th century.' }],
});
let deltas = 0;
let finish = null;
let usage = null;
for await (const chunk of stream) {
  const choice = chunk.choices[0];
  if (choice?.delta?.content) deltas++;
  if (choice?.finish_reason) finish = choice.finish_reason;
  if (chunk.usage) usage = chunk.usage;
}
assert.equal(finish, 'stop');
assert.equal(usage?.completion_tokens, 147);
assert.equal(deltas, usage.completion_tokens, 'one content delta per token');
console.log(`node: stream ok (${deltas} content deltas, usage ${usage.completion_tokens} tokens)`);

await assert.rejects(
  client.chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: 'hi' }] }),
  (e) => e.status === 404 && e.code === 'model_not_found',
);
console.log('node: unknown model ok (404 model_not_found)');
