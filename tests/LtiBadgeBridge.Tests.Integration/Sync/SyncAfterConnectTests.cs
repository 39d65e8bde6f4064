using Dapper;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Sync;
using LtiBadgeBridge.Tests.Integration.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Sync;

/// <summary>A course connected to Canvas right after a launch: the launch's sync paused for want of the connection, and
/// the connection's own sync must still be queued although both fall in the same 5-minute debounce window.</summary>
public sealed class SyncAfterConnectTests
{
    [Fact]
    public async Task SyncNow_InTheWindowOfADebouncedSync_IsQueuedAnyway_WhileARepeatedDebouncedOneIsNot()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var service = await TestService.StartAsync(cancellationToken: ct);
        var platform = await service.Services.GetRequiredService<PlatformStore>().UpsertAsync(new PlatformRegistration
        {
            Issuer = "https://canvas.instructure.com",
            ClientId = "10000000000078",
            Name = "Canvas",
            ProductFamily = ProductFamilies.Canvas,
            AuthorizationEndpoint = "https://sso.canvaslms.com/api/lti/authorize_redirect",
            TokenEndpoint = "https://sso.canvaslms.com/login/oauth2/token",
            JwksUri = "https://sso.canvaslms.com/api/lti/security/jwks",
        }, ct);
        var course = await service.Services.GetRequiredService<CourseStore>().UpsertFromLaunchAsync(new Course
        {
            PlatformId = platform.Id,
            DeploymentId = "1:abc",
            ContextId = "ctx-connect-window",
            LmsCourseId = "77",
            Title = "Connect window",
        }, ct);
        var publisher = service.Services.GetRequiredService<SyncPublisher>();

        var launch = await publisher.PublishSyncAsync(platform.Id, course.Id, "launch", ct);
        var repeated = await publisher.PublishSyncAsync(platform.Id, course.Id, "on-demand", ct);
        var connected = await publisher.PublishSyncNowAsync(platform.Id, course.Id, "connected", ct);

        Assert.True(launch);
        Assert.False(repeated);
        Assert.True(connected);

        // Two requests recorded (the service's own workers may already have run them: count them, pending or done).
        await using var connection = await service.Services.GetRequiredService<LtiBadgeBridge.Data.Database>().OpenAsync(ct);
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM outbox WHERE kind = @kind", new { kind = SyncPublisher.SyncCourseKind }, cancellationToken: ct)));
    }
}
