// The standalone stub's resident memory over 100,000 requests, loopback only, in well under three minutes.
// Run through run.sh, which builds the stub in Release first; writes results/stub-memory-soak.{md,json}.
#:property PublishAot=false
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

const int Total = 100_000;
const int Concurrency = 100;
const string TimeScale = "0.01";
int[] checkpoints = [1_000, 10_000, 50_000, 100_000];
var root = Path.GetFullPath(args.Length > 0 ? args[0] : ".");
var stubDll = Path.Combine(root, "stubs/ChatBench.Stubs.Server/bin/Release/net10.0/ChatBench.Stubs.Server.dll");
string[] stubArgs = ["--port", "0", "--time-scale", TimeScale];

var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
start.ArgumentList.Add(stubDll);
stubArgs.ToList().ForEach(start.ArgumentList.Add);
using var stub = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start the stub");
var samples = new List<(int Requests, double RssMiB, double Seconds)>();
try
{
    // The stub's first line announces where it listens, as one JSON object.
    var line = await stub.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the stub exited before it announced where it listens");
    using var announcement = JsonDocument.Parse(line);
    var url = new Uri(announcement.RootElement.GetProperty("baseUrl").GetString() + "/chat/completions");
    _ = stub.StandardOutput.BaseStream.CopyToAsync(Stream.Null);

    using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
    using var http = new HttpClient();
    var clock = Stopwatch.StartNew();
    var next = 0;
    var done = 0;
    samples.Add((0, RssMiB(stub.Id), 0));
    await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
    {
        while (Interlocked.Increment(ref next) is var i && i <= Total)
        {
            // Every other request streams, so both ways of answering are in the soak.
            var stream = i % 2 == 0 ? "true" : "false";
            var body = $$"""{"model":"gpt-4o","stream":{{stream}},"messages":[{"role":"user","content":"What is 2+2?"}]}""";
            using var response = await http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"), deadline.Token);
            response.EnsureSuccessStatusCode();
            await response.Content.CopyToAsync(Stream.Null, deadline.Token);
            var count = Interlocked.Increment(ref done);
            if (Array.IndexOf(checkpoints, count) >= 0)
            {
                lock (samples)
                {
                    samples.Add((count, RssMiB(stub.Id), clock.Elapsed.TotalSeconds));
                }
            }
        }
    }));
}
finally
{
    stub.Kill(entireProcessTree: true);
}

var command = "stubs/soak/run.sh";
var commit = Git(root, "rev-parse", "--short=12", "HEAD") + (Git(root, "status", "--porcelain", "--untracked-files=no").Length > 0 ? " (with uncommitted changes)" : string.Empty);
var date = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
var setup = $"`dotnet ChatBench.Stubs.Server.dll {string.Join(' ', stubArgs)}` (Release), {Total:N0} requests over loopback, {Concurrency} at a time, every other one streamed, prompt \"What is 2+2?\"; {Environment.ProcessorCount} cores, .NET {Environment.Version}";
var markdown = new StringBuilder()
    .AppendLine("# The standalone stub's resident memory over 100,000 requests")
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}` (from the repository root). Date: {date}. Commit: {commit}.")
    .AppendLine()
    .AppendLine(CultureInfo.InvariantCulture, $"Setup: {setup}. Resident memory is `VmRSS` from `/proc/<stub pid>/status`, read when the given number of requests had completed.")
    .AppendLine()
    .AppendLine("| requests completed | stub resident memory (MiB) | elapsed (s) |")
    .AppendLine("|---:|---:|---:|");
foreach (var (requests, rss, seconds) in samples.OrderBy(s => s.Requests))
{
    markdown.AppendLine(CultureInfo.InvariantCulture, $"| {requests:N0} | {rss:0.0} | {seconds:0.0} |");
}

Directory.CreateDirectory(Path.Combine(root, "results"));
await File.WriteAllTextAsync(Path.Combine(root, "results/stub-memory-soak.md"), markdown.ToString());
var json = new
{
    command,
    date,
    commit,
    setup,
    samples = samples.OrderBy(s => s.Requests).Select(s => new { requests = s.Requests, rssMiB = Math.Round(s.RssMiB, 1), elapsedSeconds = Math.Round(s.Seconds, 1) }),
};
await File.WriteAllTextAsync(Path.Combine(root, "results/stub-memory-soak.json"), JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
Console.Write(markdown);

static double RssMiB(int pid)
{
    var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
}

static string Git(string root, params string[] arguments)
{
    var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = root };
    arguments.ToList().ForEach(info.ArgumentList.Add);
    using var git = Process.Start(info)!;
    var output = git.StandardOutput.ReadToEnd().Trim();
    git.WaitForExit();
    return output;
}
