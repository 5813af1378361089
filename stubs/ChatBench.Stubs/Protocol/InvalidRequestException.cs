namespace ChatBench.Stubs.Protocol;

/// <summary>
/// Carries a 400 out of the depths of a request body to <see cref="ChatRequestParser"/>, so each field check stays one
/// line. Only malformed requests throw it; a valid request costs no exception.
/// </summary>
internal sealed class InvalidRequestException(OpenAIError error) : Exception(error.Message)
{
    public OpenAIError Error { get; } = error;
}
