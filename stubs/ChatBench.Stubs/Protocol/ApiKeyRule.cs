namespace ChatBench.Stubs.Protocol;

/// <summary>
/// The API key check of every route, as the OpenAI API makes it: <c>Authorization: Bearer KEY</c>, the scheme in any
/// case (HTTP auth schemes are case-insensitive). No header, another scheme or an empty key is a missing key (401
/// without a code); any other key is an incorrect one (401 <c>invalid_api_key</c>). Compares spans, so a request
/// with the right key costs no allocation.
/// </summary>
internal static class ApiKeyRule
{
    private const string Scheme = "Bearer ";

    /// <summary>Null when <paramref name="authorization"/> carries <paramref name="key"/>, else the 401 to answer.</summary>
    public static OpenAIError? Check(string key, ReadOnlySpan<char> authorization)
    {
        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return OpenAIError.MissingApiKey();
        }

        var presented = authorization[Scheme.Length..].Trim();
        if (presented.IsEmpty)
        {
            return OpenAIError.MissingApiKey();
        }

        return presented.SequenceEqual(key) ? null : OpenAIError.InvalidApiKey();
    }
}
