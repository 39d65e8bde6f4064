namespace LtiBadgeBridge.Platforms.Http;

/// <summary>Puts the configured User-Agent on every outbound request that has none (Canvas requires one).</summary>
public sealed class UserAgentHandler : DelegatingHandler
{
    private readonly string userAgent;

    public UserAgentHandler(string userAgent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userAgent);
        this.userAgent = userAgent;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.UserAgent.Count == 0)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
