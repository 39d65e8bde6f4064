using System.Net;
using Dapper;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Testing.Databases;
using LtiBadgeBridge.Testing.Service;

namespace LtiBadgeBridge.Tests.Integration.Hosting;

/// <summary>One web and two worker processes on PostgreSQL, as an operator would run them.</summary>
public sealed class MultiProcessTests
{
    [Fact]
    public async Task JobEnqueuedByWeb_RunsExactlyOnceOnAWorker()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await PostgresServer.CreateDatabaseAsync("ltibb_roles", ct);
        const string token = "operator-secret-for-tests";
        var environment = new Dictionary<string, string>
        {
            ["Database__ConnectionString"] = connectionString,
            ["Database__MigrateOnStart"] = "false",
            ["Service__OperatorToken"] = token,
            ["Jobs__QueuePollInterval"] = "00:00:00.500",
        };

        var (migrateExit, migrateOutput) = await ServiceProcess.RunAsync(["migrate"], environment, ct);
        Assert.True(migrateExit == 0, migrateOutput);

        await using var web = ServiceProcess.Start(["--role", "web"], environment);
        await using var worker1 = ServiceProcess.Start(["--role", "worker"], environment);
        await using var worker2 = ServiceProcess.Start(["--role", "worker"], environment);
        await Task.WhenAll(
            web.WaitUntilReadyAsync(TimeSpan.FromSeconds(120), ct),
            worker1.WaitUntilReadyAsync(TimeSpan.FromSeconds(120), ct),
            worker2.WaitUntilReadyAsync(TimeSpan.FromSeconds(120), ct));

        using var http = new HttpClient { BaseAddress = web.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var marker = $"probe-{Guid.NewGuid():N}";
        using var response = await http.PostAsync(new Uri($"/ops/jobs/probe?marker={marker}", UriKind.Relative), null, ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        await using var database = Database.ForPostgres(connectionString);
        var actors = await WaitForActorsAsync(database, marker, ct);
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        actors = await ActorsAsync(database, marker, ct);

        var actor = Assert.Single(actors);
        Assert.True(
            actor.EndsWith($":{worker1.ProcessId}", StringComparison.Ordinal) || actor.EndsWith($":{worker2.ProcessId}", StringComparison.Ordinal),
            $"the job ran in '{actor}', not on a worker ({worker1.ProcessId}, {worker2.ProcessId}); web is {web.ProcessId}");
    }

    private static async Task<IReadOnlyList<string>> WaitForActorsAsync(Database database, string marker, CancellationToken ct)
    {
        for (var i = 0; i < 150; i++)
        {
            var actors = await ActorsAsync(database, marker, ct);
            if (actors.Count > 0)
            {
                return actors;
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException("No worker ran the probe job within 15 s.");
    }

    private static async Task<IReadOnlyList<string>> ActorsAsync(Database database, string marker, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT actor FROM audit_log WHERE action = 'job.probe' AND target = @marker", new { marker }, cancellationToken: ct))).AsList();
    }
}
