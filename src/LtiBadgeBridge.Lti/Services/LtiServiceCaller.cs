using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using LtiBadgeBridge.Lti.Platforms;
using Microsoft.Extensions.Logging;

namespace LtiBadgeBridge.Lti.Services;

/// <summary>Sends LTI service requests with a bearer token (one refresh on 401), a User-Agent and bounded
/// response bodies, and follows <c>Link: rel="next"</c> pages on the same origin up to a cap.</summary>
internal sealed class LtiServiceCaller(HttpClient httpClient, LtiAccessTokenClient tokens, LtiToolOptions options, ILogger logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<LtiResult<ServiceResponse>> SendAsync(
        PlatformRegistration registration,
        IReadOnlyCollection<string> scopes,
        HttpMethod method,
        Uri url,
        string accept,
        Func<HttpContent?>? content,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await tokens.GetTokenAsync(registration, scopes, cancellationToken);
            if (!token.IsSuccess)
            {
                return LtiResult<ServiceResponse>.Fail(token.Error);
            }

            using var request = new HttpRequestMessage(method, url) { Content = content?.Invoke() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value.Value);
            request.Headers.UserAgent.ParseAdd(options.UserAgent);
            request.Headers.Accept.ParseAdd(accept);
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
            {
                tokens.Invalidate(registration, scopes, token.Value);
                continue;
            }

            var body = await HttpContentReader.ReadLimitedAsync(response.Content, options.ServiceMaxResponseBytes, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LtiLog.ServiceCallFailed(logger, method.Method, url.Host, (int)response.StatusCode);
                return LtiResult<ServiceResponse>.Fail(new LtiError(LtiErrorCodes.ServiceHttpError, $"HTTP {(int)response.StatusCode} from {method.Method} {url.Host}.") { HttpStatus = (int)response.StatusCode });
            }

            if (body is null)
            {
                return LtiResult<ServiceResponse>.Fail(LtiErrorCodes.ServiceResponseInvalid, "The response is larger than allowed.");
            }

            return LtiResult<ServiceResponse>.Ok(new ServiceResponse((int)response.StatusCode, body, LinkHeader.FindNext(response)));
        }
    }

    /// <summary>GETs every page of a list, following only same-origin <c>next</c> links, up to the page cap.</summary>
    public async Task<LtiResult<PagedResult<T>>> GetAllPagesAsync<T>(
        PlatformRegistration registration,
        IReadOnlyCollection<string> scopes,
        Uri firstPage,
        string accept,
        Func<byte[], IEnumerable<T>?> parse,
        CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var url = firstPage;
        var first = default(byte[]);
        for (var page = 1; ; page++)
        {
            var response = await SendAsync(registration, scopes, HttpMethod.Get, url, accept, null, cancellationToken);
            if (!response.IsSuccess)
            {
                return LtiResult<PagedResult<T>>.Fail(response.Error);
            }

            first ??= response.Value.Body;
            IEnumerable<T>? pageItems;
            try
            {
                pageItems = parse(response.Value.Body);
            }
            catch (JsonException)
            {
                pageItems = null;
            }

            if (pageItems is null)
            {
                return LtiResult<PagedResult<T>>.Fail(LtiErrorCodes.ServiceResponseInvalid, "A page of the response is not the expected JSON.");
            }

            items.AddRange(pageItems);
            var next = response.Value.Next;
            if (next is null)
            {
                return LtiResult<PagedResult<T>>.Ok(new PagedResult<T>(items, first, Truncated: false));
            }

            if (!ServiceUrls.IsSameOrigin(firstPage, next))
            {
                LtiLog.ForeignNextLink(logger, next.Host);
                return LtiResult<PagedResult<T>>.Ok(new PagedResult<T>(items, first, Truncated: true));
            }

            if (page >= options.ServicePageCap)
            {
                LtiLog.PageCapReached(logger, options.ServicePageCap);
                return LtiResult<PagedResult<T>>.Ok(new PagedResult<T>(items, first, Truncated: true));
            }

            url = next;
        }
    }
}

internal sealed record ServiceResponse(int Status, byte[] Body, Uri? Next);

internal sealed record PagedResult<T>(IReadOnlyList<T> Items, byte[] FirstPage, bool Truncated);
