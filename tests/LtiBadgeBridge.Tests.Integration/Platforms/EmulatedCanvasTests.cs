using System.Text.Json;
using LtiBadgeBridge.Testing.Emulators;

namespace LtiBadgeBridge.Tests.Integration.Platforms;

/// <summary>The emulator's own Canvas behaviours that benchmarks and sync tests rely on.</summary>
public sealed class EmulatedCanvasTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpClient RawClient(EmulatedCanvas canvas)
    {
        var http = new HttpClient { BaseAddress = canvas.BaseUrl };
        http.DefaultRequestHeaders.Add("Authorization", "Bearer " + canvas.Options.AccessToken);
        http.DefaultRequestHeaders.Add("User-Agent", "EmulatorTest/1.0");
        return http;
    }

    [Theory]
    [InlineData("", 10)]
    [InlineData("?per_page=25", 25)]
    [InlineData("?per_page=500", 100)]
    public async Task PerPage_DefaultsToTen_AndIsCappedAtOneHundred(string query, int expected)
    {
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Learners = 150 });
        using var http = RawClient(canvas);

        var body = await http.GetStringAsync(new Uri($"/api/v1/courses/{canvas.Fixture.CourseId}/enrollments{query}", UriKind.Relative), Ct);

        using var document = JsonDocument.Parse(body);
        Assert.Equal(expected, document.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Throttle_ReportsQuotaAndCost_AndRefusesWhenFull()
    {
        using var canvas = EmulatedCanvas.Start(new EmulatedCanvasOptions { Throttle = true, DrainPerSecond = 0.01, BaseCost = 200 });
        using var http = RawClient(canvas);
        var uri = new Uri($"/api/v1/courses/{canvas.Fixture.CourseId}", UriKind.Relative);

        using var first = await http.GetAsync(uri, Ct);
        using var second = await http.GetAsync(uri, Ct);
        using var third = await http.GetAsync(uri, Ct);
        using var fourth = await http.GetAsync(uri, Ct);

        Assert.Equal("200.0100", first.Headers.GetValues("X-Request-Cost").Single());
        Assert.StartsWith("399.", first.Headers.GetValues("X-Rate-Limit-Remaining").Single(), StringComparison.Ordinal);
        Assert.True(third.IsSuccessStatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, fourth.StatusCode);
        Assert.Contains("Rate Limit Exceeded", await fourth.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(1, canvas.ThrottledResponses);
    }

    [Fact]
    public async Task MissingUserAgent_IsRefused()
    {
        using var canvas = EmulatedCanvas.Start();
        using var http = new HttpClient { BaseAddress = canvas.BaseUrl };
        http.DefaultRequestHeaders.Add("Authorization", "Bearer " + canvas.Options.AccessToken);

        using var response = await http.GetAsync(new Uri($"/api/v1/courses/{canvas.Fixture.CourseId}", UriKind.Relative), Ct);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, canvas.RequestsWithoutUserAgent);
    }
}
