using System.Diagnostics;
using Hangfire;
using Hangfire.PostgreSql;
using LtiBadgeBridge.Data;

namespace LtiBadgeBridge.Bench;

/// <summary>
/// The job plumbing floor (DESIGN.md §6): no-op jobs through Hangfire on PostgreSQL with N workers,
/// enqueued up front, timed from the first enqueue to the last completion. Target: >= 60 jobs/s at 5 workers.
/// </summary>
internal static class JobPlumbingBench
{
    private static CountdownEvent _remaining = new(0);

    public static async Task<int> RunAsync(string[] args)
    {
        var jobs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2000;
        var workerCounts = args.Length > 1 ? args[1].Split(',').Select(w => int.Parse(w, System.Globalization.CultureInfo.InvariantCulture)).ToArray() : [5, 20];
        Console.WriteLine("| workers | jobs | seconds | jobs/s |");
        Console.WriteLine("|---:|---:|---:|---:|");
        foreach (var workers in workerCounts)
        {
            await using var database = await BenchDatabase.CreateAsync(DatabaseProvider.Postgres, CancellationToken.None);
            var storage = new PostgreSqlStorage(
                new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(database.PostgresConnectionString!, new PostgreSqlStorageOptions()),
                new PostgreSqlStorageOptions { QueuePollInterval = TimeSpan.FromMilliseconds(200), PrepareSchemaIfNecessary = true });
            var client = new BackgroundJobClient(storage);
            _remaining = new CountdownEvent(jobs);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < jobs; i++)
            {
                client.Enqueue(() => NoOp());
            }

            using (new BackgroundJobServer(new BackgroundJobServerOptions { WorkerCount = workers }, storage))
            {
                _remaining.Wait(TimeSpan.FromMinutes(10));
                watch.Stop();
            }

            Console.WriteLine($"| {workers} | {jobs} | {watch.Elapsed.TotalSeconds:F1} | {jobs / watch.Elapsed.TotalSeconds:F0} |");
        }

        return 0;
    }

    /// <summary>The job: does nothing but count itself.</summary>
    public static void NoOp() => _remaining.Signal();
}
