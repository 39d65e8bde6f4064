using System.Net;
using LtiBadgeBridge.Testing.Databases;

namespace LtiBadgeBridge.Tests.Integration.Learner;

/// <summary>The same learner fixture on PostgreSQL.</summary>
public sealed class LearnerPostgresFixture : LearnerFixture
{
    protected override async Task<Dictionary<string, string?>> SettingsAsync(CancellationToken cancellationToken) => new()
    {
        ["Database:ConnectionString"] = await PostgresServer.CreateDatabaseAsync("ltibb_learner", cancellationToken),
    };
}

/// <summary>The learner's queries on PostgreSQL: own badge with its credential, own progress, nobody else's.</summary>
public sealed class LearnerPostgresTests(LearnerPostgresFixture fixture) : IClassFixture<LearnerPostgresFixture>
{
    [Fact]
    public async Task MyBadges_OnPostgres_ShowsOwnBadgeAndProgressOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        using var browser = fixture.Browser();

        using var response = await browser.GetAsync(new Uri("/lti/learner?s=" + Uri.EscapeDataString(fixture.LearnerToken), UriKind.Relative), ct);
        var page = await response.Content.ReadAsStringAsync(ct);
        using var detail = await browser.GetAsync(new Uri($"/lti/learner/achievements/{fixture.EarnedAchievementId}?s=" + Uri.EscapeDataString(fixture.LearnerToken), UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"href=\"/credentials/{fixture.LearnerPublicId}.json\"", page, StringComparison.Ordinal);
        Assert.Contains("Earned on <time datetime=\"2026-06-15\">15 June 2026</time>", page, StringComparison.Ordinal);
        Assert.Contains("Capstone: 64 % of 70 % needed", page, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.OtherLearnerPublicId, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
    }
}
