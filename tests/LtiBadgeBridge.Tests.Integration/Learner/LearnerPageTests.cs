using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LtiBadgeBridge.Lti;

namespace LtiBadgeBridge.Tests.Integration.Learner;

/// <summary>The learner's pages inside the LMS: their own badges and progress, never anyone else's.</summary>
public sealed class LearnerPageTests(LearnerFixture fixture) : IClassFixture<LearnerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MyBadges_ShowsTheLearnersEarnedBadge_WithVerifyAndDownloadLinksThatWork()
    {
        using var browser = fixture.Browser();

        var (status, page) = await GetAsync(browser, "/lti/learner", fixture.LearnerToken);

        Assert.Equal(HttpStatusCode.OK, status);
        var earned = Section(page, "learner-earned");
        Assert.Contains("Cloud Deployment", earned, StringComparison.Ordinal);
        Assert.Contains("Earned on <time datetime=\"2026-06-15\">15 June 2026</time>", earned, StringComparison.Ordinal);
        var id = fixture.LearnerPublicId;
        foreach (var link in new[] { $"/credentials/{id}", $"/credentials/{id}.png", $"/credentials/{id}.json", $"/credentials/{id}.jwt" })
        {
            Assert.Contains($"href=\"{link}\"", earned, StringComparison.Ordinal);
            using var download = await browser.GetAsync(new Uri(link, UriKind.Relative), Cancel);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        }

        using var verify = await browser.GetAsync(new Uri($"/credentials/{id}", UriKind.Relative), Cancel);
        Assert.Contains("Verified", await verify.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var json = JsonNode.Parse(await browser.GetStringAsync(new Uri($"/credentials/{id}.json", UriKind.Relative), Cancel))!;
        Assert.Contains("OpenBadgeCredential", json["type"]!.AsArray().Select(t => (string?)t));
        var linkedIn = WebUtility.HtmlDecode(Regex.Match(earned, "href=\"(https://www.linkedin.com/profile/add\\?[^\"]*)\"", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value);
        Assert.Contains("name=Cloud%20Deployment", linkedIn, StringComparison.Ordinal);
        Assert.Contains("certId=" + id, linkedIn, StringComparison.Ordinal);
        Assert.Contains("issueYear=2026&issueMonth=6", linkedIn, StringComparison.Ordinal);
        Assert.Contains($"href=\"/lti/learner/achievements/{fixture.EarnedAchievementId}?s=", earned, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyBadges_ShowsProgressPerCriterion_ForAnAchievementNotYetEarned()
    {
        using var browser = fixture.Browser();

        var (_, page) = await GetAsync(browser, "/lti/learner", fixture.LearnerToken);

        var progress = Section(page, "learner-progress");
        Assert.Contains("Cloud Architecture", progress, StringComparison.Ordinal);
        Assert.Contains("Cloud Security", progress, StringComparison.Ordinal);
        Assert.Contains("Capstone: 64 % of 70 % needed", progress, StringComparison.Ordinal);
        Assert.Matches("<progress value=\"64\" max=\"70\"\\s+aria-labelledby=\"(criterion-[0-9-]+)\" aria-valuenow=\"64\"\\s+aria-valuetext=\"91 % of what is needed\">", progress);
        var labelledBy = Regex.Match(progress, "aria-labelledby=\"(criterion-[0-9-]+)\"", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value;
        Assert.Contains($"<span id=\"{labelledBy}\">Capstone: 64 % of 70 % needed</span>", progress, StringComparison.Ordinal);
        Assert.Contains("Capstone repository: your repository link submitted", progress, StringComparison.Ordinal);
        Assert.DoesNotContain("All of:", progress, StringComparison.Ordinal);

        // Not evaluated yet for this learner: said so in plain words, no bar.
        Assert.Contains("Your progress has not been checked yet", progress, StringComparison.Ordinal);
        Assert.Contains("have not been read yet", page, StringComparison.Ordinal); // the course never synced
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyBadges_NeverShowsAnotherLearnersBadgeOrProgress()
    {
        using var browser = fixture.Browser();

        var (_, mine) = await GetAsync(browser, "/lti/learner", fixture.LearnerToken);
        var (_, theirs) = await GetAsync(browser, "/lti/learner", fixture.OtherLearnerToken);

        Assert.DoesNotContain(fixture.OtherLearnerPublicId, mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Cloud Architecture", Section(mine, "learner-earned"), StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.LearnerPublicId, theirs, StringComparison.Ordinal);
        Assert.DoesNotContain("64 %", theirs, StringComparison.Ordinal);
        Assert.Contains(fixture.OtherLearnerPublicId, Section(theirs, "learner-earned"), StringComparison.Ordinal);
        Assert.Contains("Cloud Deployment", Section(theirs, "learner-progress"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyBadges_PendingApprovalAndRevoked_AreExplainedInPlainWords()
    {
        using var browser = fixture.Browser();

        var (_, theirs) = await GetAsync(browser, "/lti/learner", fixture.OtherLearnerToken);

        var earned = Section(theirs, "learner-earned");
        var pending = Card(earned, fixture.PendingAchievementId);
        Assert.Contains("Cloud Security", pending, StringComparison.Ordinal);
        Assert.Contains("Your instructor approves this badge before it is issued", pending, StringComparison.Ordinal);
        Assert.DoesNotContain("Earned on", pending, StringComparison.Ordinal);
        var revoked = Card(earned, fixture.RevokedAchievementId);
        Assert.Contains("Cloud Operations", revoked, StringComparison.Ordinal);
        Assert.Contains("Revoked on <time datetime=\"2026-06-18\">18 June 2026</time>. This badge is no longer valid: submitted work was not their own", revoked, StringComparison.Ordinal);
        Assert.DoesNotContain("linkedin", revoked, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Cloud Operations", Section(theirs, "learner-progress"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AchievementView_NotYetEarned_ShowsDescriptionCriteriaAndProgress()
    {
        using var browser = fixture.Browser();

        var (status, page) = await GetAsync(browser, $"/lti/learner/achievements/{fixture.ProgressAchievementId}", fixture.LearnerToken);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>Cloud Architecture</h1>", page, StringComparison.Ordinal);
        Assert.Contains("hands-on capstone workshop", page, StringComparison.Ordinal);
        Assert.Contains("What it takes", page, StringComparison.Ordinal);
        Assert.Contains("individually assessed capstone workshop rubric", page, StringComparison.Ordinal); // wrapped lines flow
        Assert.Contains("Capstone: 64 % of 70 % needed", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/lti/learner?s=", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AchievementView_Earned_ShowsTheBadgeAndItsActions()
    {
        using var browser = fixture.Browser();

        var (status, page) = await GetAsync(browser, $"/lti/learner/achievements/{fixture.EarnedAchievementId}", fixture.LearnerToken);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Earned on", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/credentials/{fixture.LearnerPublicId}.png\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Your progress", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AchievementView_UnknownOrOtherCourse_IsAFriendly404()
    {
        using var browser = fixture.Browser();

        foreach (var id in new[] { fixture.ForeignAchievementId, 987654321L, 0L })
        {
            var (status, page) = await GetAsync(browser, $"/lti/learner/achievements/{id}", fixture.LearnerToken);

            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Contains("Badge not found", page, StringComparison.Ordinal);
            Assert.Contains("learner.achievement_not_found", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Cloud Computing Fundamentals", page, StringComparison.Ordinal);
        }

        var (overflow, _) = await GetAsync(browser, "/lti/learner/achievements/99999999999999999999999", fixture.LearnerToken);
        Assert.True((int)overflow is >= 400 and < 500);
    }

    [Theory]
    [InlineData("/lti/learner")]
    [InlineData("/lti/learner/achievements/1")]
    public async Task LearnerPages_WithoutASession_Are401Pages(string path)
    {
        using var browser = fixture.Browser();

        using var response = await browser.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("lti.session_missing", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Cloud", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadgeCardLaunch_Learner_LandsOnTheAchievementView()
    {
        var launch = await fixture.LaunchResponseAsync("user-1", custom: new JsonObject { ["achievement_id"] = fixture.ProgressAchievementId.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.SeeOther, launch.StatusCode);
        var location = launch.Headers.Location!.OriginalString;
        Assert.StartsWith($"/lti/learner/achievements/{fixture.ProgressAchievementId}?s=", location, StringComparison.Ordinal);
        using var browser = fixture.Browser();
        using var page = await browser.GetAsync(new Uri(location, UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Capstone: 64 % of 70 % needed", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadgeCardLaunch_Instructor_IsSentToTheInstructorsAchievementPage()
    {
        var launch = await fixture.LaunchResponseAsync("teacher-1", LtiConstants.Roles.Instructor, new JsonObject { ["achievement_id"] = "42" });

        Assert.StartsWith("/lti/instructor/achievements/42?s=", launch.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$Canvas.achievement.id")]
    [InlineData("-3")]
    [InlineData("")]
    public async Task Launch_WithAnUnusableAchievementId_RoutesAsWithoutIt(string value)
    {
        var launch = await fixture.LaunchResponseAsync("user-1", custom: new JsonObject { ["achievement_id"] = value });

        Assert.StartsWith("/lti/learner?s=", launch.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient browser, string path, string token)
    {
        using var response = await browser.GetAsync(new Uri(path + "?s=" + Uri.EscapeDataString(token), UriKind.Relative), Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    /// <summary>One achievement's card in a list.</summary>
    private static string Card(string list, long achievementId)
    {
        var start = list.IndexOf($"data-achievement=\"{achievementId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no card for achievement {achievementId}");
        var end = list.IndexOf("data-achievement=", start + 1, StringComparison.Ordinal);
        return list[start..(end > 0 ? end : list.Length)];
    }

    /// <summary>The list with the given id (up to its closing tag), so that assertions look at one section.</summary>
    private static string Section(string page, string id)
    {
        var start = page.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no element {id} on the page");
        var end = page.IndexOf("</ul>\n", start, StringComparison.Ordinal);
        var nested = page.IndexOf("</section>", start, StringComparison.Ordinal);
        return page[start..(nested > 0 ? nested : end > 0 ? end : page.Length)];
    }
}
