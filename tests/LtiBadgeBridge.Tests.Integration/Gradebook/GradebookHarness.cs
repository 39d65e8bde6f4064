using Dapper;
using Hangfire;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Gradebook;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing.Issuance;
using LtiBadgeBridge.Testing.Jobs;
using LtiBadgeBridge.Testing.Lti;
using LtiBadgeBridge.Tests.Integration.Hosting;
using LtiBadgeBridge.Tests.Integration.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Gradebook;

/// <summary>The real service (its outbox nudges recorded, not run, so the test drives the handlers) with an emulated
/// platform's AGS, a course whose launches carried the AGS endpoint, an achievement and earned awards.</summary>
internal sealed class GradebookHarness : IAsyncDisposable
{
    public const string BaseUrl = "https://badges.example.edu";

    private GradebookHarness(TestService service, EmulatedPlatform platform, RecordingJobClient jobs, long platformId, long courseId, long achievementId, IReadOnlyList<long> awardIds)
    {
        Service = service;
        Platform = platform;
        Jobs = jobs;
        PlatformId = platformId;
        CourseId = courseId;
        AchievementId = achievementId;
        AwardIds = awardIds;
    }

    public TestService Service { get; }
    public EmulatedPlatform Platform { get; }
    public RecordingJobClient Jobs { get; }
    public long PlatformId { get; }
    public long CourseId { get; }
    public long AchievementId { get; }
    public IReadOnlyList<long> AwardIds { get; }

    public static async Task<GradebookHarness> StartAsync(PlatformFlavour flavour, bool withAgs = true, int awards = 2)
    {
        var ct = TestContext.Current.CancellationToken;
        var jobs = new RecordingJobClient();
        var platform = flavour == PlatformFlavour.Canvas ? EmulatedPlatform.StartCanvas() : EmulatedPlatform.StartMoodle();
        var service = await TestService.StartAsync(
            new Dictionary<string, string?> { ["Service:PublicBaseUrl"] = BaseUrl },
            services => services.AddSingleton<IBackgroundJobClient>(jobs),
            ct);
        var registration = await service.Services.GetRequiredService<PlatformStore>().UpsertAsync(new PlatformRegistration
        {
            Issuer = platform.Issuer,
            ClientId = platform.ClientId,
            Name = "Emulated " + flavour,
            ProductFamily = flavour == PlatformFlavour.Canvas ? ProductFamilies.Canvas : ProductFamilies.Moodle,
            AuthorizationEndpoint = platform.AuthorizationEndpoint.AbsoluteUri,
            TokenEndpoint = platform.TokenEndpoint.AbsoluteUri,
            TokenAudience = flavour == PlatformFlavour.Canvas ? platform.TokenAudience : null,
            JwksUri = platform.JwksUri.AbsoluteUri,
        }, ct);
        await service.Services.GetRequiredService<IssuerProfileStore>().SetAsync(registration.Id, new IssuerProfileFields
        {
            Url = "https://www.example.edu/", Email = "badges@example.edu", Country = "Canada", CountryCode = "CA", Region = "ON",
        }, ct);
        var database = service.Services.GetRequiredService<Database>();
        var (courseId, achievementId) = await IssuanceSeed.AchievementAsync(database, registration.Id, IssuanceSeed.PilotDefinition(), ct);
        if (withAgs)
        {
            await using var connection = await database.OpenAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE courses SET ags_lineitems_url = @url WHERE id = @courseId", new { url = platform.LineItemsUrl.AbsoluteUri, courseId }, cancellationToken: ct));
        }

        var awardIds = await IssuanceSeed.AwardsAsync(database, registration.Id, courseId, achievementId, awards, ct);
        return new GradebookHarness(service, platform, jobs, registration.Id, courseId, achievementId, awardIds);
    }

    /// <summary>Issues the award's credential through the real issuance handler (which publishes the score).</summary>
    public async Task IssueAsync(long awardId)
    {
        var ct = TestContext.Current.CancellationToken;
        await Service.Services.GetRequiredService<OutboxStore>().EnqueueAsync(
            PlatformId, IssuanceKinds.IssueCredential, IssuanceKinds.IssueDedupeKey(awardId), IssuanceKinds.Payload(awardId), ct);
        var handler = Service.Services.GetServices<IOutboxHandler>().Single(h => h.Kind == IssuanceKinds.IssueCredential);
        Assert.Equal(1, await handler.ProcessBatchAsync(ct));
    }

    /// <summary>One run of the post-score handler; returns how many messages it processed.</summary>
    public Task<int> PostScoresAsync() =>
        Service.Services.GetServices<IOutboxHandler>().Single(h => h.Kind == GradebookKinds.PostScore).ProcessBatchAsync(TestContext.Current.CancellationToken);

    public async Task<T> QuerySingleAsync<T>(string sql, object parameters)
    {
        await using var connection = await Service.Services.GetRequiredService<Database>().OpenAsync(TestContext.Current.CancellationToken);
        return await connection.QuerySingleAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: TestContext.Current.CancellationToken));
    }

    public async Task ExecuteAsync(string sql, object parameters)
    {
        await using var connection = await Service.Services.GetRequiredService<Database>().OpenAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: TestContext.Current.CancellationToken));
    }

    public int Requests(string method, string pathEnd) =>
        Platform.Server.LogEntries.Count(e => e.RequestMessage.Method == method && e.RequestMessage.Path.EndsWith(pathEnd, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        Platform.Dispose();
    }
}
