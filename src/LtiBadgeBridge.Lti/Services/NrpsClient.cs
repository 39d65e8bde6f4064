using System.Globalization;
using System.Text.Json;
using LtiBadgeBridge.Lti.Platforms;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LtiBadgeBridge.Lti.Services;

/// <summary>Names and Role Provisioning Services 2.0: the members of a context, every page followed
/// (Canvas caps a page at 50).</summary>
public sealed class NrpsClient
{
    private static readonly string[] Scopes = [LtiConstants.Scopes.ContextMembershipReadOnly];
    private readonly LtiServiceCaller _caller;

    public NrpsClient(HttpClient httpClient, LtiAccessTokenClient tokens, IOptions<LtiToolOptions> options, ILogger<NrpsClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _caller = new LtiServiceCaller(httpClient, tokens, options.Value, logger ?? (ILogger)NullLogger.Instance);
    }

    /// <summary>Page size requested with <c>limit</c>.</summary>
    public int PageSize { get; init; } = 50;

    public async Task<LtiResult<MembershipList>> GetMembershipsAsync(
        PlatformRegistration registration, Uri contextMembershipsUrl, string? role = null, CancellationToken cancellationToken = default)
    {
        var url = ServiceUrls.AddQuery(contextMembershipsUrl, ("role", role), ("limit", PageSize.ToString(CultureInfo.InvariantCulture)));
        var result = await _caller.GetAllPagesAsync(
            registration, Scopes, url, LtiConstants.MediaTypes.MembershipContainer,
            body => JsonSerializer.Deserialize<MembershipContainer>(body, LtiServiceCaller.Json)?.Members?.Where(m => !string.IsNullOrEmpty(m.UserId)),
            cancellationToken);
        if (!result.IsSuccess)
        {
            return LtiResult<MembershipList>.Fail(result.Error);
        }

        MembershipContext? context = null;
        try
        {
            context = JsonSerializer.Deserialize<MembershipContainer>(result.Value.FirstPage, LtiServiceCaller.Json)?.Context;
        }
        catch (JsonException)
        {
            // The members parsed; a malformed context is not worth failing the call.
        }

        return LtiResult<MembershipList>.Ok(new MembershipList(context, result.Value.Items, result.Value.Truncated));
    }
}
