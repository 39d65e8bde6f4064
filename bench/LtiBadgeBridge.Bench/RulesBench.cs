using System.Diagnostics;
using System.Globalization;
using Dapper;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using LtiBadgeBridge.Achievements;
using LtiBadgeBridge.Audit;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Snapshots;
using Microsoft.Extensions.Logging.Abstractions;

namespace LtiBadgeBridge.Bench;

/// <summary>
/// Rule evaluation with writes (DESIGN.md §6): N learner-course pairs with 10 scores each, one course, one
/// achievement (weighted average of the 10 items and the course grade), evaluated by
/// <see cref="EvaluateCourseJob"/> from the snapshot tables: decisions, awards and issue intents written.
/// Then the same evaluation again, which must change nothing. Targets: ≤ 3 s and &lt; 200 MB.
/// Usage: <c>rules [learners=100000] [sqlite,postgres]</c>.
/// </summary>
internal static class RulesBench
{
    private const int Items = 10;

    private const string Definition = """
        id: bench-average
        name: Bench Average
        description: The holder averaged at least 70 % over ten assessments.
        criteria: Average at least 70 % over the ten assessments and finish the course with at least 60 %.
        achievementType: Badge
        rules:
          all:
            - label: Assessments
              averageScore: ["b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9", { item: "b10", weight: 2 }]
              minPercent: 70
            - label: Course grade
              courseScore: final
              minPercent: 60
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var learners = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var providers = args.Length > 1
            ? args[1].Split(',').Select(p => p == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite).ToArray()
            : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
        Console.WriteLine($"rules: {learners:N0} learner-course pairs x {Items} scores; load: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("| database | run | seconds | decisions | awards | intents | rows changed | managed heap after (MB) | allocated (MB) | peak working set (MB) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var provider in providers)
        {
            await using var database = await BenchDatabase.CreateAsync(provider, CancellationToken.None);
            var (job, courseId) = await ArrangeAsync(database, learners);
            for (var run = 1; run <= 2; run++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                using var sampler = new PeakSampler();
                var intentsBefore = await CountAsync(database, "SELECT COUNT(*) FROM outbox WHERE kind = 'issue-credential'");
                var watch = Stopwatch.StartNew();
                var result = await job.RunAsync(courseId, CancellationToken.None);
                watch.Stop();
                var peak = sampler.Stop();
                var heap = GC.GetTotalMemory(forceFullCollection: false);
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                var intents = await CountAsync(database, "SELECT COUNT(*) FROM outbox WHERE kind = 'issue-credential'") - intentsBefore;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {provider} | {run} | {watch.Elapsed.TotalSeconds:F2} | {result.DecisionsWritten:N0} | {result.AwardsEarned:N0} | {intents:N0} | {result.TotalWrites + intents:N0} | {heap / 1048576d:F0} | {allocated / 1048576d:F0} | {peak / 1048576d:F0} |"));
            }
        }

        return 0;
    }

    private static async Task<(EvaluateCourseJob Job, long CourseId)> ArrangeAsync(Database database, int learners)
    {
        var ct = CancellationToken.None;
        var time = TimeProvider.System;
        var setup = Stopwatch.StartNew();
        var platform = await new PlatformStore(database, time).UpsertAsync(new PlatformRegistration
        {
            Issuer = "https://canvas.instructure.com",
            ClientId = "10000000000042",
            Name = "Bench University",
            ProductFamily = ProductFamilies.Canvas,
            AuthorizationEndpoint = "https://sso.canvaslms.com/api/lti/authorize_redirect",
            TokenEndpoint = "https://bench.instructure.com/login/oauth2/token",
            JwksUri = "https://sso.canvaslms.com/api/lti/security/jwks",
        }, ct);
        var courses = new CourseStore(database, time);
        var snapshots = new SnapshotStore(database, time);
        var course = await courses.UpsertFromLaunchAsync(new Course { PlatformId = platform.Id, DeploymentId = "1:bench", ContextId = "bench-course", Title = "Bench" }, ct);
        await courses.SetLmsCourseIdAsync(course.Id, "9001", ct);

        // Bulk rows through small-chunk writers (SQLite binds named parameters in quadratic time per statement).
        var chunk = database.Provider == DatabaseProvider.Sqlite ? 50 : 500;
        var now = time.GetUtcNow();
        var peopleWriter = new BatchWriter("people", ["platform_id", "lti_user_id", "lms_user_id", "created_at", "updated_at"], ["platform_id", "lti_user_id"], "updated_at") { ChunkSize = chunk };
        var enrollmentWriter = new BatchWriter("enrollments", ["platform_id", "course_id", "person_id", "roles", "final_score", "current_score", "updated_at"], ["course_id", "person_id"], "updated_at") { ChunkSize = chunk };
        var scoreWriter = new BatchWriter("scores", ["platform_id", "course_id", "item_id", "person_id", "raw_score", "points_possible", "percentage", "state", "attempt", "updated_at"], ["item_id", "person_id"], "updated_at") { ChunkSize = chunk };
        await using (var connection = await database.OpenAsync(ct))
        {
            await using (var transaction = await connection.BeginTransactionAsync(ct))
            {
                await peopleWriter.WriteAsync(connection, transaction, database.Dialect,
                    Enumerable.Range(0, learners).Select(i => new object?[] { platform.Id, $"bench-{i:D6}", $"{i}", now, now }).ToList(), ct);
                await transaction.CommitAsync(ct);
            }

            var ordered = (await connection.QueryAsync<long>("SELECT id FROM people WHERE platform_id = @p ORDER BY id", new { p = platform.Id })).Select((id, index) => (id, index)).ToList();
            var items = await snapshots.UpsertItemsAsync(connection, null, platform.Id, course.Id,
                Enumerable.Range(1, Items).Select(i => new SnapshotItem { Source = "canvas", SourceId = $"b{i}", Title = $"Assessment {i}", PointsPossible = 100 }).ToList(), ct);
            var itemIds = Enumerable.Range(1, Items).Select(i => items[("canvas", $"b{i}")]).ToArray();
            for (var start = 0; start < ordered.Count; start += 10_000)
            {
                var page = ordered.Skip(start).Take(10_000).ToList();
                var rows = new List<object?[]>(page.Count * Items);
                foreach (var (personId, index) in page)
                {
                    for (var j = 0; j < Items; j++)
                    {
                        double raw = 40 + ((index * 7 + j * 13) % 61);
                        rows.Add([platform.Id, course.Id, itemIds[j], personId, raw, 100d, raw, "graded", 1, now]);
                    }
                }

                await using var transaction = await connection.BeginTransactionAsync(ct);
                await enrollmentWriter.WriteAsync(connection, transaction, database.Dialect,
                    page.Select(p => new object?[] { platform.Id, course.Id, p.id, "Learner", 50d + (p.index % 50), 50d + (p.index % 50), now }).ToList(), ct);
                await scoreWriter.WriteAsync(connection, transaction, database.Dialect, rows, ct);
                await transaction.CommitAsync(ct);
            }
        }

        var loader = new CourseContextLoader(courses, snapshots);
        var publisher = new OutboxPublisher(new OutboxStore(database, time), new NoQueue());
        var store = new AchievementStore(database, loader, courses, publisher, new AuditLog(database, time), time);
        var saved = await store.SaveAsync(platform.Id, course.Id, Definition, "bench.yaml", "bench", ct);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException(string.Join("\n", saved.Errors));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{database.Provider}: setup {setup.Elapsed.TotalSeconds:F0} s ({learners:N0} learners, {learners * Items:N0} scores)"));
        var job = new EvaluateCourseJob(database, loader, store, snapshots, new CompiledAchievementCache(), publisher, time, NullLogger<EvaluateCourseJob>.Instance);
        return (job, course.Id);
    }

    private static async Task<long> CountAsync(Database database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    /// <summary>Hangfire's queue is not part of this measurement: nudges are dropped.</summary>
    private sealed class NoQueue : IBackgroundJobClient
    {
        public string Create(Job job, IState state) => "0";

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }

    /// <summary>Samples the process working set every 20 ms while a run lasts.</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _task;
        private long _peak;

        public PeakSampler()
        {
            _peak = Environment.WorkingSet;
            _task = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    _peak = Math.Max(_peak, Environment.WorkingSet);
                    try
                    {
                        await Task.Delay(20, _stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            });
        }

        public long Stop()
        {
            _stop.Cancel();
            _task.Wait();
            return Math.Max(_peak, Environment.WorkingSet);
        }

        public void Dispose() => _stop.Dispose();
    }
}
