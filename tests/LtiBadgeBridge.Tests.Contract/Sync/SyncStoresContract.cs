using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Platforms.Canvas.OAuth;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Sync;
using LtiBadgeBridge.Testing.Databases;
using Microsoft.AspNetCore.DataProtection;

namespace LtiBadgeBridge.Tests.Contract.Sync;

/// <summary>The sync run lease and checkpoint, and the encrypted LMS credentials, on each database.</summary>
public abstract class SyncStoresContract<TDatabase>(TDatabase fixture) : IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    private readonly SyncRunStore _runs = new(fixture.Database, TimeProvider.System);

    private async Task<Course> CourseAsync(string contextId, CancellationToken ct)
    {
        var platform = await new PlatformStore(fixture.Database, TimeProvider.System).UpsertAsync(TestData.Canvas(), ct);
        return await new CourseStore(fixture.Database, TimeProvider.System).UpsertFromLaunchAsync(
            new Course { PlatformId = platform.Id, DeploymentId = "1:x", ContextId = contextId, LmsCourseId = "101" }, ct);
    }

    [Fact]
    public async Task TryAcquire_WhileLeaseHeld_IsRefused_AfterFailureResumesFromCheckpoint()
    {
        var ct = TestContext.Current.CancellationToken;
        var course = await CourseAsync("ctx-lease", ct);

        var first = await _runs.TryAcquireAsync(course.PlatformId, course.Id, TimeSpan.FromMinutes(5), ct);
        var second = await _runs.TryAcquireAsync(course.PlatformId, course.Id, TimeSpan.FromMinutes(5), ct);
        Assert.NotNull(first);
        Assert.Null(second);

        var checkpoint = new SyncCheckpoint { Phase = SyncPhases.Submissions, NextUrl = new Uri("https://canvas.example/api/v1/x?page=7"), NextPage = 7, RunStartedAt = DateTimeOffset.UnixEpoch };
        await using (var connection = await fixture.Database.OpenAsync(ct))
        {
            await _runs.SavePageAsync(connection, null, course.Id, checkpoint, 100, TimeSpan.FromMinutes(5), ct);
        }

        await _runs.FailAsync(course.Id, SyncStates.Failed, "canvas.transient", "Canvas answered 503.", ct);
        var resumed = await _runs.TryAcquireAsync(course.PlatformId, course.Id, TimeSpan.FromMinutes(5), ct);

        Assert.NotNull(resumed);
        Assert.Equal(checkpoint, SyncRunStore.CheckpointOf(resumed));
        Assert.Equal(1, resumed.PagesDone);
        Assert.Equal(100, resumed.ItemsDone);
    }

    [Fact]
    public async Task StoppedCourse_IsNeverAcquiredNorDue()
    {
        var ct = TestContext.Current.CancellationToken;
        var course = await CourseAsync("ctx-stopped", ct);
        Assert.NotNull(await _runs.TryAcquireAsync(course.PlatformId, course.Id, TimeSpan.FromMinutes(5), ct));
        await _runs.FailAsync(course.Id, SyncStates.Stopped, "canvas.course_not_found", "Deleted.", ct);

        Assert.Null(await _runs.TryAcquireAsync(course.PlatformId, course.Id, TimeSpan.FromMinutes(5), ct));
        Assert.DoesNotContain(await _runs.ListDueAsync(TimeSpan.FromMinutes(5), ct), d => d.CourseId == course.Id);
    }

    [Fact]
    public async Task Credentials_AreEncryptedAtRestAndRoundTrip()
    {
        var ct = TestContext.Current.CancellationToken;
        var course = await CourseAsync("ctx-credentials", ct);
        var store = new PlatformCredentialsStore(fixture.Database, new EphemeralDataProtectionProvider(), TimeProvider.System);

        await store.SaveCanvasAsync(course.PlatformId, new Uri("https://school.instructure.com"), "10000000000001", "developer-key-secret", ct);
        await store.SaveCourseTokenAsync(course.PlatformId, course.Id, new CanvasOAuthToken { AccessToken = "access-1", RefreshToken = "refresh-1", CanvasUserId = 42 }, ct);
        await store.SaveCourseTokenAsync(course.PlatformId, course.Id, new CanvasOAuthToken { AccessToken = "access-2" }, ct);

        var lms = await store.GetAsync(course.PlatformId, ct);
        var token = await store.GetCourseTokenAsync(course.Id, ct);
        Assert.Equal("developer-key-secret", lms!.Secret);
        Assert.Equal("access-2", token!.AccessToken);
        Assert.Equal("refresh-1", token.RefreshToken); // Canvas keeps the refresh token across refreshes
        Assert.Equal(42, token.CanvasUserId);
        await using var connection = await fixture.Database.OpenAsync(ct);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT protected_secret FROM platform_lms_credentials";
        var stored = (string)(await command.ExecuteScalarAsync(ct))!;
        Assert.DoesNotContain("developer-key-secret", stored, StringComparison.Ordinal);
    }
}

public sealed class SyncStoresOnSqlite(SqliteDatabase fixture) : SyncStoresContract<SqliteDatabase>(fixture);

public sealed class SyncStoresOnPostgres(PostgresDatabase fixture) : SyncStoresContract<PostgresDatabase>(fixture);
