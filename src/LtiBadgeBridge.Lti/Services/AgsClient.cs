using System.Net.Http.Json;
using System.Text.Json;
using LtiBadgeBridge.Lti.Platforms;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Scopes = LtiBadgeBridge.Lti.LtiConstants.Scopes;

namespace LtiBadgeBridge.Lti.Services;

/// <summary>LTI Assignment and Grade Services 2.0. Line item URLs are the opaque absolute URLs from the
/// claims or the platform's responses; <c>/scores</c> and <c>/results</c> are inserted into the path so a
/// query string (Moodle's <c>?type_id=1</c>) survives.</summary>
public sealed class AgsClient
{
    private static readonly string[] LineItemScopes = [Scopes.LineItem];
    private static readonly string[] LineItemReadScopes = [Scopes.LineItem];
    private static readonly string[] ScoreScopes = [Scopes.Score];
    private static readonly string[] ResultScopes = [Scopes.ResultReadOnly];

    private readonly LtiServiceCaller _caller;

    public AgsClient(HttpClient httpClient, LtiAccessTokenClient tokens, IOptions<LtiToolOptions> options, ILogger<AgsClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _caller = new LtiServiceCaller(httpClient, tokens, options.Value, logger ?? (ILogger)NullLogger.Instance);
    }

    /// <summary>Every line item of the container, optionally filtered, all pages followed.</summary>
    public async Task<LtiResult<IReadOnlyList<LineItem>>> GetLineItemsAsync(
        PlatformRegistration registration, Uri lineItemsUrl, string? resourceLinkId = null, string? resourceId = null, string? tag = null,
        CancellationToken cancellationToken = default)
    {
        var url = ServiceUrls.AddQuery(lineItemsUrl, ("resource_link_id", resourceLinkId), ("resource_id", resourceId), ("tag", tag));
        var result = await _caller.GetAllPagesAsync(
            registration, LineItemReadScopes, url, LtiConstants.MediaTypes.LineItemContainer,
            body => JsonSerializer.Deserialize<List<LineItem>>(body, LtiServiceCaller.Json), cancellationToken);
        return result.IsSuccess
            ? LtiResult<IReadOnlyList<LineItem>>.Ok(result.Value.Items)
            : LtiResult<IReadOnlyList<LineItem>>.Fail(result.Error);
    }

    public async Task<LtiResult<LineItem>> GetLineItemAsync(PlatformRegistration registration, Uri lineItemUrl, CancellationToken cancellationToken = default)
    {
        var response = await _caller.SendAsync(registration, LineItemReadScopes, HttpMethod.Get, lineItemUrl, LtiConstants.MediaTypes.LineItem, null, cancellationToken);
        return ParseLineItem(response);
    }

    public async Task<LtiResult<LineItem>> CreateLineItemAsync(
        PlatformRegistration registration, Uri lineItemsUrl, LineItem lineItem, CancellationToken cancellationToken = default)
    {
        var response = await _caller.SendAsync(
            registration, LineItemScopes, HttpMethod.Post, lineItemsUrl, LtiConstants.MediaTypes.LineItem,
            () => Body(lineItem with { Id = null }, LtiConstants.MediaTypes.LineItem), cancellationToken);
        return ParseLineItem(response);
    }

    /// <summary>Replaces the line item at <see cref="LineItem.Id"/>.</summary>
    public async Task<LtiResult<LineItem>> UpdateLineItemAsync(PlatformRegistration registration, LineItem lineItem, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lineItem);
        if (!Uri.TryCreate(lineItem.Id, UriKind.Absolute, out var url))
        {
            throw new ArgumentException("The line item needs its absolute id URL to be updated.", nameof(lineItem));
        }

        var response = await _caller.SendAsync(
            registration, LineItemScopes, HttpMethod.Put, url, LtiConstants.MediaTypes.LineItem,
            () => Body(lineItem, LtiConstants.MediaTypes.LineItem), cancellationToken);
        return ParseLineItem(response);
    }

    public async Task<LtiResult<bool>> DeleteLineItemAsync(PlatformRegistration registration, Uri lineItemUrl, CancellationToken cancellationToken = default)
    {
        var response = await _caller.SendAsync(registration, LineItemScopes, HttpMethod.Delete, lineItemUrl, "*/*", null, cancellationToken);
        return response.IsSuccess ? LtiResult<bool>.Ok(true) : LtiResult<bool>.Fail(response.Error);
    }

    /// <summary>Posts a score to <c>{lineItemUrl path}/scores</c>.</summary>
    public async Task<LtiResult<bool>> PostScoreAsync(PlatformRegistration registration, Uri lineItemUrl, Score score, CancellationToken cancellationToken = default)
    {
        var url = ServiceUrls.AppendPath(lineItemUrl, "scores");
        var response = await _caller.SendAsync(
            registration, ScoreScopes, HttpMethod.Post, url, "application/json", () => Body(score, LtiConstants.MediaTypes.Score), cancellationToken);
        return response.IsSuccess ? LtiResult<bool>.Ok(true) : LtiResult<bool>.Fail(response.Error);
    }

    /// <summary>The results of a line item (all pages), optionally for one user.</summary>
    public async Task<LtiResult<IReadOnlyList<Result>>> GetResultsAsync(
        PlatformRegistration registration, Uri lineItemUrl, string? userId = null, CancellationToken cancellationToken = default)
    {
        var url = ServiceUrls.AddQuery(ServiceUrls.AppendPath(lineItemUrl, "results"), ("user_id", userId));
        var result = await _caller.GetAllPagesAsync(
            registration, ResultScopes, url, LtiConstants.MediaTypes.ResultContainer,
            body => JsonSerializer.Deserialize<List<Result>>(body, LtiServiceCaller.Json), cancellationToken);
        return result.IsSuccess
            ? LtiResult<IReadOnlyList<Result>>.Ok(result.Value.Items)
            : LtiResult<IReadOnlyList<Result>>.Fail(result.Error);
    }

    private static JsonContent Body<T>(T value, string mediaType) =>
        JsonContent.Create(value, new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType), LtiServiceCaller.Json);

    private static LtiResult<LineItem> ParseLineItem(LtiResult<ServiceResponse> response)
    {
        if (!response.IsSuccess)
        {
            return LtiResult<LineItem>.Fail(response.Error);
        }

        try
        {
            return JsonSerializer.Deserialize<LineItem>(response.Value.Body, LtiServiceCaller.Json) is { } item
                ? LtiResult<LineItem>.Ok(item)
                : LtiResult<LineItem>.Fail(LtiErrorCodes.ServiceResponseInvalid, "The line item response is empty.");
        }
        catch (JsonException)
        {
            return LtiResult<LineItem>.Fail(LtiErrorCodes.ServiceResponseInvalid, "The line item response is not a line item.");
        }
    }
}
