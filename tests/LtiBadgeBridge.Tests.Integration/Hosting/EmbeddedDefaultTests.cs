using System.Net;
using Dapper;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Testing.Service;

namespace LtiBadgeBridge.Tests.Integration.Hosting;

/// <summary>The real executable on its embedded default (SQLite + in-process jobs), started twice.</summary>
public sealed class EmbeddedDefaultTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"ltibb-embedded-{Guid.NewGuid():N}");

    [Fact]
    public async Task Service_RestartedOnItsDataDirectory_IsReadyAndKeepsItsData()
    {
        var ct = TestContext.Current.CancellationToken;
        const string token = "operator-secret-for-tests";
        string[] args = [$"--Database:DataDirectory={_dataDirectory}", $"--Service:OperatorToken={token}"];

        await using (var first = ServiceProcess.Start(args))
        {
            await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(120), ct);
            using var http = new HttpClient { BaseAddress = first.BaseUrl };
            http.DefaultRequestHeaders.Authorization = new("Bearer", token);
            using var enqueued = await http.PostAsync(new Uri("/ops/jobs/probe?marker=before-restart", UriKind.Relative), null, ct);
            Assert.Equal(HttpStatusCode.Accepted, enqueued.StatusCode);
            await WaitForProbeAsync("before-restart", ct);
            await first.StopAsync(ct);
            Assert.Equal(0, first.ExitCode);
        }

        await using var second = ServiceProcess.Start(args);
        await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(120), ct);

        Assert.Equal(1, await CountProbesAsync("before-restart", ct));
        Assert.DoesNotContain("Applied migration", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpsEndpoint_WithoutTheOperatorToken_IsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var service = ServiceProcess.Start([$"--Database:DataDirectory={_dataDirectory}", "--Service:OperatorToken=right"]);
        await service.WaitUntilReadyAsync(TimeSpan.FromSeconds(120), ct);
        using var http = new HttpClient { BaseAddress = service.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", "wrong");

        using var response = await http.PostAsync(new Uri("/ops/jobs/probe?marker=x", UriKind.Relative), null, ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task WaitForProbeAsync(string marker, CancellationToken ct)
    {
        for (var i = 0; i < 100 && await CountProbesAsync(marker, ct) == 0; i++)
        {
            await Task.Delay(100, ct);
        }

        Assert.Equal(1, await CountProbesAsync(marker, ct));
    }

    private async Task<int> CountProbesAsync(string marker, CancellationToken ct)
    {
        await using var database = Database.Create(new DatabaseOptions { DataDirectory = _dataDirectory });
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = 'job.probe' AND target = @marker", new { marker });
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
