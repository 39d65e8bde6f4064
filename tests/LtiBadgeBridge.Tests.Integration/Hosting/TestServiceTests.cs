using System.Net;

namespace LtiBadgeBridge.Tests.Integration.Hosting;

public sealed class TestServiceTests
{
    [Fact]
    public async Task InProcessService_ServesHomePageAndReadiness()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var service = await TestService.StartAsync(cancellationToken: ct);
        using var http = service.CreateClient();

        using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), ct);
        var home = await http.GetStringAsync(new Uri("/", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("<h1>LtiBadgeBridge</h1>", home, StringComparison.Ordinal);
        Assert.Contains("/css/site.css", home, StringComparison.Ordinal);
        var css = await http.GetStringAsync(new Uri("/css/site.css", UriKind.Relative), ct);
        Assert.Contains("--accent", css, StringComparison.Ordinal);
    }
}
