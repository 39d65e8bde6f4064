using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LtiBadgeBridge.Platforms;
using LtiBadgeBridge.Platforms.Canvas;

namespace LtiBadgeBridge.Tests.Unit.Platforms;

public sealed class CanvasErrorsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpResponseMessage Response(HttpStatusCode status, string body = "{}", string mediaType = "application/json") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    private static Task<PlatformError> Classify(HttpResponseMessage response, string notFound = PlatformErrorCodes.CanvasNotFound) =>
        CanvasErrors.ClassifyAsync(response, notFound, TimeProvider.System, Ct);

    [Fact]
    public async Task Unauthorized_WithBearerChallenge_IsAnInvalidToken()
    {
        using var response = Response(HttpStatusCode.Unauthorized, "{\"errors\":[{\"message\":\"Invalid access token.\"}]}");
        response.Headers.WwwAuthenticate.Add(new AuthenticationHeaderValue("Bearer", "realm=\"canvas-lms\""));

        var error = await Classify(response);

        Assert.Equal(PlatformErrorKind.TokenInvalid, error.Kind);
        Assert.Equal(PlatformErrorCodes.CanvasTokenInvalid, error.Code);
    }

    [Fact]
    public async Task Unauthorized_WithoutChallenge_IsAPermissionError()
    {
        using var response = Response(HttpStatusCode.Unauthorized, "{\"status\":\"unauthorized\",\"errors\":[{\"message\":\"user not authorized to perform that action\"}]}");

        var error = await Classify(response);

        Assert.Equal(PlatformErrorKind.NotAuthorized, error.Kind);
        Assert.Contains("user not authorized", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forbidden_RateLimitExceeded_IsThrottling()
    {
        using var response = Response(HttpStatusCode.Forbidden, "403 Forbidden (Rate Limit Exceeded)\n", "text/plain");

        var error = await Classify(response);

        Assert.Equal(PlatformErrorKind.Throttled, error.Kind);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task Forbidden_OtherwiseIsAPermissionError()
    {
        using var response = Response(HttpStatusCode.Forbidden, "{\"errors\":[{\"message\":\"forbidden\"}]}");

        Assert.Equal(PlatformErrorKind.NotAuthorized, (await Classify(response)).Kind);
    }

    [Fact]
    public async Task TooManyRequests_KeepsRetryAfter()
    {
        using var response = Response(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(30));

        var error = await Classify(response);

        Assert.Equal(PlatformErrorKind.Throttled, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
    }

    [Fact]
    public async Task NotFound_OnTheCourse_IsADeletedCourse()
    {
        using var response = Response(HttpStatusCode.NotFound);

        var error = await Classify(response, PlatformErrorCodes.CanvasCourseNotFound);

        Assert.Equal(PlatformErrorKind.NotFound, error.Kind);
        Assert.Equal(PlatformErrorCodes.CanvasCourseNotFound, error.Code);
        Assert.False(error.IsTransient);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task ServerErrors_AreTransient(HttpStatusCode status)
    {
        using var response = Response(status, "<html>oops</html>", "text/html");

        Assert.Equal(PlatformErrorKind.Transient, (await Classify(response)).Kind);
    }
}
