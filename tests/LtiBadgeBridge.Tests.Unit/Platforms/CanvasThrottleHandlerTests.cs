using System.Net;
using System.Net.Http.Headers;
using LtiBadgeBridge.Platforms.Canvas;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LtiBadgeBridge.Tests.Unit.Platforms;

public sealed class CanvasThrottleHandlerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TooManyRequests_WaitsForRetryAfter_ThenRetries()
    {
        var clock = new FakeTimeProvider();
        var responses = new Queue<Func<HttpResponseMessage>>(
        [
            () =>
            {
                var throttled = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
                throttled.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
                return throttled;
            },
            () => new HttpResponseMessage(HttpStatusCode.OK),
        ]);
        using var invoker = Invoker(clock, responses, new CanvasOptions());

        var sending = invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://canvas.example/api/v1/courses/1"), Ct);
        var fakeSeconds = await AdvanceUntilDoneAsync(clock, sending);
        using var response = await sending;

        Assert.True(fakeSeconds >= 30, $"retried after {fakeSeconds} s instead of the 30 s Retry-After asked for");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(responses);
    }

    [Fact]
    public async Task RateLimitExceeded403_IsRetried_UntilTheBoundThenReturned()
    {
        var clock = new FakeTimeProvider();
        var responses = new Queue<Func<HttpResponseMessage>>(Enumerable.Range(0, 3).Select(_ => (Func<HttpResponseMessage>)(() =>
            new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("403 Forbidden (Rate Limit Exceeded)\n") })));
        using var invoker = Invoker(clock, responses, new CanvasOptions { MaxThrottleRetries = 2, PaceByRemainingQuota = false });

        var sending = invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://canvas.example/api/v1/courses/1"), Ct);
        await AdvanceUntilDoneAsync(clock, sending);
        using var response = await sending;

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(responses);
    }

    [Fact]
    public async Task PlainForbidden_IsNotRetried()
    {
        var clock = new FakeTimeProvider();
        var responses = new Queue<Func<HttpResponseMessage>>(
        [
            () => new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("{\"errors\":[{\"message\":\"forbidden\"}]}") },
            () => new HttpResponseMessage(HttpStatusCode.OK),
        ]);
        using var invoker = Invoker(clock, responses, new CanvasOptions());

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://canvas.example/api/v1/courses/1"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Single(responses);
    }

    private static HttpMessageInvoker Invoker(FakeTimeProvider clock, Queue<Func<HttpResponseMessage>> responses, CanvasOptions options)
    {
        var wrapped = Options.Create(options);
#pragma warning disable CA2000 // The invoker owns and disposes the handler chain.
        var handler = new CanvasThrottleHandler(new CanvasRateLimiter(wrapped, clock), wrapped, clock, NullLogger<CanvasThrottleHandler>.Instance)
        {
            InnerHandler = new ScriptedHandler(responses),
        };
#pragma warning restore CA2000
        return new HttpMessageInvoker(handler);
    }

    /// <summary>Moves the fake clock a second at a time until the send completes; returns the fake seconds it took.</summary>
    private static async Task<int> AdvanceUntilDoneAsync(FakeTimeProvider clock, Task sending)
    {
        for (var seconds = 0; seconds < 600; seconds++)
        {
            await Task.WhenAny(sending, Task.Delay(2, Ct));
            if (sending.IsCompleted)
            {
                return seconds;
            }

            clock.Advance(TimeSpan.FromSeconds(1));
        }

        throw new TimeoutException("The handler never completed.");
    }

    private sealed class ScriptedHandler(Queue<Func<HttpResponseMessage>> responses) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(responses.Dequeue()());
    }
}
