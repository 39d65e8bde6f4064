using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing.Databases;
using Microsoft.Extensions.Time.Testing;

namespace LtiBadgeBridge.Tests.Contract.Launch;

/// <summary>What every launch asks of the stores — the course row and the deployment — on each database:
/// a repeat launch changes nothing (no write), a launch that says something new is recorded.</summary>
public abstract class LaunchBindingStoresContract<TDatabase>(TDatabase fixture) : IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    private CourseStore Courses => new(fixture.Database, _clock);

    private PlatformStore Platforms => new(fixture.Database, _clock);

    [Fact]
    public async Task UpsertFromLaunch_RepeatedLaunch_LeavesTheRowUntouched()
    {
        var ct = TestContext.Current.CancellationToken;
        var platform = await Platforms.UpsertAsync(TestData.Canvas(), ct);
        var launched = new Course
        {
            PlatformId = platform.Id, DeploymentId = "1:x", ContextId = "ctx-repeat", LmsCourseId = "101", Title = "Cloud Computing",
            Label = "CC-101", AgsLineitemsUrl = "https://canvas.example/api/lti/courses/101/line_items",
        };
        var first = await Courses.UpsertFromLaunchAsync(launched, ct);

        _clock.Advance(TimeSpan.FromMinutes(3));
        var again = await Courses.UpsertFromLaunchAsync(launched, ct);
        var withoutOptional = await Courses.UpsertFromLaunchAsync(launched with { LmsCourseId = null, AgsLineitemsUrl = null }, ct);

        Assert.Equal(first, again);
        Assert.Equal(first, withoutOptional);
        Assert.Equal(first.UpdatedAt, (await Courses.GetAsync(first.Id, ct))!.UpdatedAt);
    }

    [Fact]
    public async Task UpsertFromLaunch_NewTitle_IsRecordedAndKeepsWhatTheLaunchLeftOut()
    {
        var ct = TestContext.Current.CancellationToken;
        var platform = await Platforms.UpsertAsync(TestData.Canvas(), ct);
        var launched = new Course { PlatformId = platform.Id, DeploymentId = "1:x", ContextId = "ctx-renamed", LmsCourseId = "102", Title = "Cloud Computing" };
        var first = await Courses.UpsertFromLaunchAsync(launched, ct);

        _clock.Advance(TimeSpan.FromMinutes(3));
        var renamed = await Courses.UpsertFromLaunchAsync(launched with { Title = "Cloud Computing (2027)", LmsCourseId = null }, ct);

        Assert.Equal(first.Id, renamed.Id);
        Assert.Equal("Cloud Computing (2027)", renamed.Title);
        Assert.Equal("102", renamed.LmsCourseId);
        Assert.True(renamed.UpdatedAt > first.UpdatedAt);
    }

    [Fact]
    public async Task EnsureDeployment_KnownDeployment_KeepsItsStatus_NewOneIsRecorded()
    {
        var ct = TestContext.Current.CancellationToken;
        var platform = await Platforms.UpsertAsync(TestData.Canvas(), ct);

        var created = await Platforms.EnsureDeploymentAsync(platform.Id, "1:held", DeploymentStatuses.Pending, ct);
        var asked = await Platforms.EnsureDeploymentAsync(platform.Id, "1:held", DeploymentStatuses.Active, ct);

        Assert.Equal(DeploymentStatuses.Pending, created.Status);
        Assert.Equal(created, asked);
        Assert.Single(await Platforms.ListDeploymentsAsync(platform.Id, ct));
    }
}

public sealed class LaunchBindingStoresOnSqlite(SqliteDatabase fixture) : LaunchBindingStoresContract<SqliteDatabase>(fixture);

public sealed class LaunchBindingStoresOnPostgres(PostgresDatabase fixture) : LaunchBindingStoresContract<PostgresDatabase>(fixture);
