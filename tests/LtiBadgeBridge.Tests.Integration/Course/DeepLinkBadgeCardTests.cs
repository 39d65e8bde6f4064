using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dapper;
using LtiBadgeBridge.Courses;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Testing.Issuance;
using LtiBadgeBridge.Testing.Lti;
using LtiBadgeBridge.Tests.Integration.LtiWeb;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Tests.Integration.CourseHome;

/// <summary>The deep linking picker offers one badge card per active achievement of the course; the signed response
/// carries the card (custom <c>achievement_id</c>, image) and, when asked, its gradebook column.</summary>
public sealed class DeepLinkBadgeCardTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Picker_OffersTheCoursesAchievements_ResponseCarriesTheBadgeCardAndItsLineItem()
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Canvas);
        host.Platform.LaunchClaimsFactory = (nonce, uri) => host.Platform.DeepLinkingClaims(nonce, uri);
        using var browser = host.Browser();
        var launch = await host.LaunchAsync(browser);
        Assert.Equal(HttpStatusCode.SeeOther, launch.StatusCode);
        var course = (await host.Service.Services.GetRequiredService<CourseStore>().FindAsync(host.Registration.Id, host.Platform.CourseId, Cancel))!;
        var achievementId = await AddAchievementAsync(host, course.Id, "active");
        var archivedId = await AddAchievementAsync(host, course.Id, "archived");

        var picker = await browser.GetStringAsync(launch.Headers.Location, Cancel);
        var token = WebUtility.HtmlDecode(Regex.Match(picker, "name=\"s\" value=\"([^\"]*)\"", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value);
        using var response = await browser.PostAsync(new Uri("/lti/deep-link/response", UriKind.Relative), new FormUrlEncodedContent(
            [new("s", token), new("achievement", achievementId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             new("achievement", archivedId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("gradebook_column", "on")]), Cancel);

        Assert.Contains($"name=\"achievement\" type=\"checkbox\" value=\"{achievementId}\"", picker, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{archivedId}\"", picker, StringComparison.Ordinal);
        Assert.Contains("Cloud Computing Fundamentals", picker, StringComparison.Ordinal);
        Assert.Contains("id=\"gradebook_column\"", picker, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, fields) = EmulatedPlatform.ParseAutoPostForm(await response.Content.ReadAsStringAsync(Cancel));
        var claims = JsonNode.Parse(Base64UrlEncoder.Decode(fields["JWT"].Split('.')[1]))!;
        var item = Assert.Single(claims[LtiConstants.Claims.ContentItems]!.AsArray())!;
        Assert.Equal("ltiResourceLink", item["type"]!.GetValue<string>());
        Assert.Equal("Cloud Computing Fundamentals", item["title"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(item["text"]!.GetValue<string>()));
        Assert.Equal(host.LaunchUri, item["url"]!.GetValue<string>());
        Assert.Equal(achievementId.ToString(System.Globalization.CultureInfo.InvariantCulture), item["custom"]!["achievement_id"]!.GetValue<string>());
        Assert.Equal("https://badges.example.edu/images/cloud-computing.png", item["icon"]!["url"]!.GetValue<string>());
        Assert.Equal("https://badges.example.edu/images/cloud-computing.png", item["thumbnail"]!["url"]!.GetValue<string>());
        var lineItem = item["lineItem"]!;
        Assert.Equal(1, lineItem["scoreMaximum"]!.GetValue<double>());
        Assert.Equal("Cloud Computing Fundamentals", lineItem["label"]!.GetValue<string>());
        Assert.Equal($"achievement:{achievementId}", lineItem["resourceId"]!.GetValue<string>());
        Assert.Equal("ltibadgebridge", lineItem["tag"]!.GetValue<string>());
    }

    [Fact]
    public async Task BadgeCard_WithoutTheColumnBox_HasNoLineItem()
    {
        await using var host = await LtiWebHost.StartAsync(PlatformFlavour.Moodle);
        host.Platform.LaunchClaimsFactory = (nonce, uri) => host.Platform.DeepLinkingClaims(nonce, uri);
        using var browser = host.Browser();
        var launch = await host.LaunchAsync(browser);
        var course = (await host.Service.Services.GetRequiredService<CourseStore>().FindAsync(host.Registration.Id, host.Platform.CourseId, Cancel))!;
        var achievementId = await AddAchievementAsync(host, course.Id, "active");
        var token = Uri.UnescapeDataString(launch.Headers.Location!.OriginalString.Split("s=")[1]);

        using var response = await browser.PostAsync(new Uri("/lti/deep-link/response", UriKind.Relative), new FormUrlEncodedContent(
            [new("s", token), new("achievement", achievementId.ToString(System.Globalization.CultureInfo.InvariantCulture))]), Cancel);

        var (_, fields) = EmulatedPlatform.ParseAutoPostForm(await response.Content.ReadAsStringAsync(Cancel));
        var item = JsonNode.Parse(Base64UrlEncoder.Decode(fields["JWT"].Split('.')[1]))![LtiConstants.Claims.ContentItems]![0]!;
        Assert.Equal(achievementId.ToString(System.Globalization.CultureInfo.InvariantCulture), item["custom"]!["achievement_id"]!.GetValue<string>());
        Assert.Null(item["lineItem"]);
    }

    private static async Task<long> AddAchievementAsync(LtiWebHost host, long courseId, string status)
    {
        await using var connection = await host.Service.Services.GetRequiredService<Database>().OpenAsync(Cancel);
        var now = TimeProvider.System.GetUtcNow();
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO achievements (platform_id, course_id, slug, name, status, created_at, updated_at) VALUES (@platformId, @courseId, @slug, 'Cloud Computing Fundamentals', @status, @now, @now) RETURNING id",
            new { platformId = host.Registration.Id, courseId, slug = "cloud-" + status, status, now }, cancellationToken: Cancel));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO achievement_versions (achievement_id, version, platform_id, definition, content_hash, created_at) VALUES (@id, 1, @platformId, @definition, 'test', @now)",
            new { id, platformId = host.Registration.Id, definition = IssuanceSeed.PilotDefinition(), now }, cancellationToken: Cancel));
        return id;
    }
}
