// The floor under ChatBench's overhead: one small HTTP/1.1 POST at a time over loopback between two .NET processes,
// a bare Kestrel endpoint that answers at once and a plain HttpClient, with nothing of ChatBench in between.
//   server PORT            serves POST /v1/chat/completions; reports in x-started-at when its handler started
//   client URL N GAP_MS    N requests (after 20 unmeasured), GAP_MS of idle sleep before each; prints medians
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

if (args[0] == "server")
{
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.ClearProviders();
    builder.WebHost.UseUrls($"http://127.0.0.1:{args[1]}");
    builder.Services.Configure<SocketTransportOptions>(o => o.UnsafePreferInlineScheduling = true);
    var app = builder.Build();
    var answer = Encoding.UTF8.GetBytes("{\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"4\"},\"finish_reason\":\"stop\"}]}");
    app.MapPost("/v1/chat/completions", async context =>
    {
        var started = Stopwatch.GetTimestamp();
        var buffer = new byte[4096];
        while (await context.Request.Body.ReadAsync(buffer) > 0)
        {
        }

        context.Response.Headers["x-started-at"] = started.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = answer.Length;
        await context.Response.Body.WriteAsync(answer);
    });
    app.Run();
    return;
}

var url = args[1];
var count = int.Parse(args[2], CultureInfo.InvariantCulture);
var gap = TimeSpan.FromMilliseconds(double.Parse(args[3], CultureInfo.InvariantCulture));
using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) });
const string Body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"}]}";
List<double> total = [], send = [], back = [];
for (var i = 0; i < count + 20; i++)
{
    if (gap > TimeSpan.Zero)
    {
        Thread.Sleep(gap);
    }

    using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
    var start = Stopwatch.GetTimestamp();
    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    var headers = Stopwatch.GetTimestamp();
    _ = await response.Content.ReadAsByteArrayAsync();
    var end = Stopwatch.GetTimestamp();
    if (i >= 20)
    {
        var started = long.Parse(response.Headers.GetValues("x-started-at").First(), CultureInfo.InvariantCulture);
        total.Add(Stopwatch.GetElapsedTime(start, end).TotalMicroseconds);
        send.Add(Stopwatch.GetElapsedTime(start, started).TotalMicroseconds);
        back.Add(Stopwatch.GetElapsedTime(started, headers).TotalMicroseconds);
    }
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle {gap.TotalMilliseconds:0} ms before each: round trip {Median(total):0} us = send {Median(send):0} + back {Median(back):0} (medians of {count})"));
