using System.Diagnostics;
using System.Net;
using ChatBench.Benchmarks.Arrivals;
using ChatBench.Benchmarks.Options;
using ChatBench.Benchmarks.Records;

namespace ChatBench.Tests.Bench;

/// <summary>The generator's arrivals as a server sees them: timed where the requests land, not where they leave.</summary>
[Collection(ProcessWideState.Name)]
[Trait(TestCategories.Trait, TestCategories.Slow)]
public sealed class OpenLoopArrivalTests
{
    private const double Rate = 200;

    [Fact]
    public async Task A_poisson_run_arrives_at_the_server_with_exponential_gaps_at_the_offered_rate()
    {
        // Exponential gaps have a CV of 1; on a loaded two-core machine the server's own scheduling bunches arrivals
        // and raises it (1.46 was measured at a load average of 10, and 3.64 once when another developer's run stalled
        // the machine), so only a clearly non-Poisson run fails, and a disturbed run is measured once more.
        var runs = new List<(int Expected, int Arrived, double Mean, double Cv)>();
        for (var attempt = 0; attempt < 2 && (runs.Count == 0 || !Meets(runs[^1])); attempt++)
        {
            runs.Add(await ArrivalsAsync());
        }

        var reported = string.Join("; ", runs.Select(r => $"{r.Arrived} of {r.Expected} arrived, mean gap {r.Mean * 1000:F2} ms, CV {r.Cv:F2}"));
        TestContext.Current.TestOutputHelper?.WriteLine(reported);
        Assert.True(Meets(runs[^1]), $"expected all to arrive, a mean gap of {1000 / Rate:F1} ms +-15 % and a CV of 0.75 to 1.6: {reported}");
    }

    private static bool Meets((int Expected, int Arrived, double Mean, double Cv) run) =>
        run.Arrived == run.Expected && run.Mean is >= 0.85 / Rate and <= 1.15 / Rate && run.Cv is >= 0.75 and <= 1.6;

    /// <summary>Four seconds of Poisson arrivals at <see cref="Rate"/> to a bare listener, timed where they land.</summary>
    private static async Task<(int Expected, int Arrived, double Mean, double Cv)> ArrivalsAsync()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var arrivals = new List<long>();
        var serving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                lock (arrivals)
                {
                    arrivals.Add(Stopwatch.GetTimestamp());
                }

                context.Response.StatusCode = 204;
                context.Response.Close();
            }
        }, TestContext.Current.CancellationToken);

        var records = Directory.CreateTempSubdirectory("chatbench-arrivals-").FullName;
        try
        {
            using var http = TestHttp.Client();
            await http.GetAsync(new Uri($"http://127.0.0.1:{port}/warm"), TestContext.Current.CancellationToken);
            lock (arrivals)
            {
                arrivals.Clear();
            }

            var offsets = ArrivalSchedule.Offsets(ArrivalProcess.Poisson, Rate, 4, 11);
            var batch = new RecordLog(records, "arrivals").Begin(offsets.Length);
            await OpenLoopGenerator.RunAsync(offsets, batch, (_, _) => http.GetAsync(new Uri($"http://127.0.0.1:{port}/")));

            var gaps = arrivals.Order().Zip(arrivals.Order().Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b).TotalSeconds).ToList();
            var mean = gaps.Average();
            var cv = Math.Sqrt(gaps.Sum(g => (g - mean) * (g - mean)) / (gaps.Count - 1)) / mean;
            return (offsets.Length, arrivals.Count, mean, cv);
        }
        finally
        {
            listener.Stop();
            await serving;
            Directory.Delete(records, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
