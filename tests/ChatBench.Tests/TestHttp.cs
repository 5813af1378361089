namespace ChatBench.Tests;

/// <summary>The HttpClients tests send with: every request has a deadline (<see cref="RequestDeadlineHandler"/>).</summary>
internal static class TestHttp
{
    /// <summary>A client whose requests fail, naming themselves, when unanswered for <paramref name="deadline"/> (default <see cref="TestTimeouts.Request"/>).</summary>
    public static HttpClient Client(TimeSpan? deadline = null)
    {
        var limit = deadline ?? TestTimeouts.Request;

        // The handler's deadline covers the headers; the client's, a second later, also a body that stops coming.
        return new HttpClient(new RequestDeadlineHandler(limit)) { Timeout = limit + TimeSpan.FromSeconds(1) };
    }
}
