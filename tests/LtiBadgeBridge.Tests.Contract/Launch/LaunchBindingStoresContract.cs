using Dapper;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing.Databases;
using Microsoft.Extensions.Time.Testing;

namespace LtiBadgeBridge.Tests.Contract.Launch;

/// <summary>What every launch asks of the stores — deployment, course, person, enrollment, debounced sync request — on each database:
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
    public async Task UpsertLaunchPerson_RepeatedLaunch_WritesNothing_NewNameIsRecorded_MissingEmailErasesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var platform = await Platforms.UpsertAsync(TestData.Canvas(), ct);
        var ada = new Person { LtiUserId = "sub-ada", LmsUserId = "4711", Name = "Ada Lovelace", Email = "ada@example.edu" };
        var id = await Courses.UpsertLaunchPersonAsync(platform.Id, ada, ct);
        var written = await PersonUpdatedAtAsync(id, ct);

        _clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(id, await Courses.UpsertLaunchPersonAsync(platform.Id, ada, ct));
        Assert.Equal(id, await Courses.UpsertLaunchPersonAsync(platform.Id, ada with { Email = null, LmsUserId = null }, ct));
        Assert.Equal(written, await PersonUpdatedAtAsync(id, ct));

        Assert.Equal(id, await Courses.UpsertLaunchPersonAsync(platform.Id, ada with { Name = "Ada King", Email = null }, ct));
        var stored = await Courses.FindPersonAsync(platform.Id, "sub-ada", ct);
        Assert.Equal(("Ada King", "ada@example.edu", "4711"), (stored!.Name, stored.Email, stored.LmsUserId));
        Assert.True(await PersonUpdatedAtAsync(id, ct) > written);
    }

    [Fact]
    public async Task UpsertLaunchEnrollment_SameRoles_WritesNothing_NewRolesAreRecorded()
    {
        var ct = TestContext.Current.CancellationToken;
        var platform = await Platforms.UpsertAsync(TestData.Canvas(), ct);
        var course = await Courses.UpsertFromLaunchAsync(new Course { PlatformId = platform.Id, DeploymentId = "1:x", ContextId = "ctx-roles", Title = "Cloud Computing" }, ct);
        var person = await Courses.UpsertLaunchPersonAsync(platform.Id, new Person { LtiUserId = "sub-roles" }, ct);
        await Courses.UpsertLaunchEnrollmentAsync(platform.Id, course.Id, person, "Learner", ct);
        var written = await EnrollmentUpdatedAtAsync(course.Id, person, ct);

        _clock.Advance(TimeSpan.FromMinutes(3));
        await Courses.UpsertLaunchEnrollmentAsync(platform.Id, course.Id, person, "Learner", ct);
        Assert.Equal(written, await EnrollmentUpdatedAtAsync(course.Id, person, ct));

        await Courses.UpsertLaunchEnrollmentAsync(platform.Id, course.Id, person, "Learner Mentor", ct);
        var member = Assert.Single(await Courses.ListMembersAsync(course.Id, ct));
        Assert.Equal("Learner Mentor", member.Enrollment.Roles);
    }

    [Fact]
    public async Task Enqueue_DebouncedKey_IsRecordedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var platform = await Platforms.UpsertAsync(TestData.Canvas(), ct);
        var outbox = new OutboxStore(fixture.Database, _clock);
        var key = "sync-course:launch-binding:" + Guid.NewGuid().ToString("N");

        Assert.True(await outbox.EnqueueAsync(platform.Id, "sync-course", key, "{}", ct));
        Assert.False(await outbox.EnqueueAsync(platform.Id, "sync-course", key, "{}", ct));

        await using var connection = await fixture.Database.OpenAsync(ct);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM outbox WHERE dedupe_key = @key", new { key }, cancellationToken: ct)));
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

    private async Task<DateTimeOffset> PersonUpdatedAtAsync(long personId, CancellationToken ct)
    {
        await using var connection = await fixture.Database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<DateTimeOffset>(new CommandDefinition("SELECT updated_at FROM people WHERE id = @personId", new { personId }, cancellationToken: ct));
    }

    private async Task<DateTimeOffset> EnrollmentUpdatedAtAsync(long courseId, long personId, CancellationToken ct)
    {
        await using var connection = await fixture.Database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<DateTimeOffset>(new CommandDefinition(
            "SELECT updated_at FROM enrollments WHERE course_id = @courseId AND person_id = @personId", new { courseId, personId }, cancellationToken: ct));
    }
}

public sealed class LaunchBindingStoresOnSqlite(SqliteDatabase fixture) : LaunchBindingStoresContract<SqliteDatabase>(fixture);

public sealed class LaunchBindingStoresOnPostgres(PostgresDatabase fixture) : LaunchBindingStoresContract<PostgresDatabase>(fixture);
