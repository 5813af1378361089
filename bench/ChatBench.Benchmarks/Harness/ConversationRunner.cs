using System.Text;
using ChatBench.Benchmarks.Calls;
using ChatBench.Benchmarks.Clients;
using ChatBench.Benchmarks.Records;
using ChatBench.Benchmarks.Workloads;
using ChatBench.Stubs.Latency;
using ChatBench.Stubs.Outcomes;

namespace ChatBench.Benchmarks.Harness;

/// <summary>
/// Conversations as people hold them: every user at once, each running its sessions one after the other. A turn goes
/// out when the user has read the previous answer and thought for the turn's think time, and it carries the answers the
/// endpoint actually returned, word for word. A failed turn ends its session (the next turn would have no answer to send
/// back): its remaining turns are recorded as not completed. On the stub each turn's plan follows the prompt tokens the
/// stub reports it had cached, so the calibration columns stay right although the cache's state is only known after;
/// from a stub with finite capacity, the queue wait and the plan it admitted, as its headers say.
/// </summary>
/// <param name="thinkScale">Multiplies every think time: the stub's time scale, so a scaled run keeps its proportions.</param>
/// <param name="contextWindow">When set, each turn's prompt keeps within it by dropping the session's oldest exchanges.</param>
public sealed class ConversationRunner(SdkStreamingChatCall call, LatencyProfile? groundTruth, double thinkScale, int? contextWindow = null)
{
    /// <summary>Requests one run of <paramref name="users"/> sends: one per turn.</summary>
    public static int Requests(IReadOnlyList<IReadOnlyList<ChatSession>> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        return users.Sum(ChatSession.PlannedRequests);
    }

    /// <summary>Runs every user's sessions; request i of the batch gets seed <paramref name="firstSeed"/> + i.</summary>
    public Task RunAsync(IReadOnlyList<IReadOnlyList<ChatSession>> users, BatchRecorder batch, long firstSeed)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(batch);
        var runs = new List<Task>(users.Count);
        var first = 0;
        foreach (var sessions in users)
        {
            runs.Add(UserAsync(sessions, first, batch, firstSeed));
            first += ChatSession.PlannedRequests(sessions);
        }

        return Task.WhenAll(runs);
    }

    /// <summary>
    /// Sessions arriving open loop: each starts at its scheduled time (batch milliseconds) whatever the others are doing,
    /// its first turn's latency counted from that time (so a late start counts) with its send lag recorded; its later
    /// turns follow their think times as a user's do. Request i of the batch gets seed <paramref name="firstSeed"/> + i.
    /// </summary>
    public Task RunScheduledAsync(IReadOnlyList<(ChatSession Session, double StartMs)> arrivals, BatchRecorder batch, long firstSeed)
    {
        ArgumentNullException.ThrowIfNull(arrivals);
        ArgumentNullException.ThrowIfNull(batch);
        var runs = new List<Task>(arrivals.Count);
        var first = 0;
        foreach (var (session, start) in arrivals)
        {
            runs.Add(SessionAsync(session, first, batch, firstSeed, start));
            first += session.Turns.Count;
        }

        return Task.WhenAll(runs);
    }

    private async Task UserAsync(IReadOnlyList<ChatSession> sessions, int firstIndex, BatchRecorder batch, long firstSeed)
    {
        var index = firstIndex;
        foreach (var session in sessions)
        {
            await SessionAsync(session, index, batch, firstSeed, scheduledMs: null);
            index += session.Turns.Count;
        }
    }

    private async Task SessionAsync(ChatSession session, int index, BatchRecorder batch, long firstSeed, double? scheduledMs)
    {
        var answers = new List<string>(session.Turns.Count);
        var previousEnd = 0.0;
        for (var turn = 0; turn < session.Turns.Count; turn++)
        {
            // The next request is built (messages, token count, plan) while the user thinks, so the send is on time.
            var prompt = Prepare(session, turn, answers, index + turn, firstSeed);
            var due = turn == 0 ? scheduledMs ?? 0 : previousEnd + (session.Turns[turn].ThinkTime.TotalMilliseconds * thinkScale);
            // .NET's timer can fire a millisecond or two early: wait again until the time has come, never send early.
            for (var wait = due - batch.Now(); wait > 0; wait = due - batch.Now())
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, wait)));
            }

            var answer = new StringBuilder();
            var truth = StubTruth.Capture();
            var start = batch.Now();
            var lag = turn == 0 && scheduledMs is { } scheduled ? Math.Max(0, start - scheduled) : 0;
            var record = Replanned(await call.StreamAsync(prompt, batch, start - lag, answer), prompt, truth);
            if (turn == 0 && scheduledMs is not null)
            {
                // Latency counts from the scheduled start, as in the open-loop classes; the plan moves by the lag, so
                // the TTFT error stays the harness's own.
                record = record with
                {
                    SendLagMs = lag,
                    ExpectedTtftMs = record.ExpectedTtftMs + lag,
                    ExpectedTotalMs = record.ExpectedTotalMs + lag,
                };
            }

            batch.Add(record);
            if (!record.Succeeded)
            {
                NotSent(session, turn + 1, index, batch);
                return;
            }

            previousEnd = record.EndMs;
            answers.Add(answer.ToString());
        }
    }

    private PlannedPrompt Prepare(ChatSession session, int turn, List<string> answers, int index, long firstSeed)
    {
        var request = session.Request(turn, answers, contextWindow);
        var prompt = new ChatPrompt(request.LastUserMessage, firstSeed + index) { Request = request };
        return new PlannedPrompt(index, prompt, groundTruth?.Plan(prompt.Text, request.MaxTokens, prompt.Seed, request.PromptTokens))
        {
            PromptTokens = request.PromptTokens,
            Turn = (session.Id, turn),
        };
    }

    /// <summary>
    /// The record with the stub's truth: from a stub with finite capacity (its headers, read when the client has
    /// <see cref="StubTruth.Policy"/>) the queue wait plus the plan it admitted; otherwise its plan for the prompt tokens
    /// it reported cached, when it cached any.
    /// </summary>
    private RequestRecord Replanned(RequestRecord record, PlannedPrompt prompt, StubTruth truth)
    {
        if (truth is { TtftMs: { } ttft, ServiceMs: { } service })
        {
            var queue = truth.QueueMs ?? 0;
            return record with { StubQueueMs = truth.QueueMs, ExpectedTtftMs = queue + ttft, ExpectedTotalMs = queue + service };
        }

        return groundTruth is not null && record.CachedTokens is > 0 and var cached
            ? WithPlan(record, groundTruth.Plan(prompt.Prompt.Text, prompt.Prompt.Request?.MaxTokens, prompt.Prompt.Seed, prompt.PromptTokens, cached))
            : record;
    }

    private static RequestRecord WithPlan(RequestRecord record, ResponsePlan plan) =>
        record with { ExpectedTtftMs = plan.TimeToFirstToken.TotalMilliseconds, ExpectedTotalMs = plan.Total.TotalMilliseconds };

    private static void NotSent(ChatSession session, int fromTurn, int firstIndex, BatchRecorder batch)
    {
        var now = batch.Now();
        for (var turn = fromTurn; turn < session.Turns.Count; turn++)
        {
            batch.Add(new RequestRecord
            {
                Index = firstIndex + turn,
                PromptClass = session.Class ?? PromptLengthBucket.Of(session.MinimumPromptTokens(turn)),
                StartMs = now,
                EndMs = now,
                Outcome = RequestOutcome.NotCompleted,
                Session = session.Id,
                Turn = turn,
            });
        }
    }
}
