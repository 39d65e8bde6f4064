using System.Net;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing.Lti;
using LtiBadgeBridge.Tests.Integration.Hosting;
using LtiBadgeBridge.Web.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace LtiBadgeBridge.Tests.Integration.Demo;

/// <summary>The demo wiring against the real service: the LMS is registered as a Canvas platform, and a
/// learner's launch from the course page goes through the service's own LTI endpoints.</summary>
public sealed class DemoCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_RecordsTheLmsAsAnActiveCanvasPlatform_Idempotently()
    {
        await using var service = await TestService.StartAsync(cancellationToken: Ct);
        await using var lms = await DemoLms.StartOnFreePortAsync(service.BaseUrl, TimeProvider.System, null, Ct);

        var first = await DemoCommand.RegisterAsync(service.Services, lms.Options, Ct);
        var second = await DemoCommand.RegisterAsync(service.Services, lms.Options, Ct);
        var store = service.Services.GetRequiredService<PlatformStore>();
        var deployment = await store.FindDeploymentAsync(first.Id, lms.Options.DeploymentId, Ct);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(lms.Options.Issuer, first.Issuer);
        Assert.Equal(ProductFamilies.Canvas, first.ProductFamily);
        Assert.Equal(lms.Options.TokenEndpoint.AbsoluteUri, first.EffectiveTokenAudience);
        Assert.Equal(DeploymentStatuses.Active, deployment?.Status);
        Assert.True(first.HasScope(LtiBadgeBridge.Lti.LtiConstants.Scopes.ContextMembershipReadOnly));
    }

    [Fact]
    public async Task SeedPilotAchievement_DefinesTheCloudComputingAchievementOnce()
    {
        await using var service = await TestService.StartAsync(cancellationToken: Ct);
        await using var lms = await DemoLms.StartOnFreePortAsync(service.BaseUrl, TimeProvider.System, null, Ct);
        var platform = await DemoCommand.RegisterAsync(service.Services, lms.Options, Ct);
        await DemoCommand.ConfigureSyncAsync(service.Services, platform, lms, Ct);

        await DemoCommand.SeedPilotAchievementAsync(service.Services, platform, lms, Ct);
        await DemoCommand.SeedPilotAchievementAsync(service.Services, platform, lms, Ct);

        var course = await service.Services.GetRequiredService<LtiBadgeBridge.Courses.CourseStore>().FindAsync(platform.Id, lms.Course.ContextId, Ct);
        var active = await service.Services.GetRequiredService<LtiBadgeBridge.Achievements.AchievementStore>().ListActiveAsync(platform.Id, course!.Id, Ct);
        var only = Assert.Single(active);
        Assert.Equal("cloud-computing", only.Achievement.Slug);
    }

    /// <summary>Runs once the service has its LTI endpoints; skipped on a build without them.</summary>
    [Fact]
    public async Task LearnerLaunch_FromTheDemoCourse_IsAcceptedByTheService()
    {
        var origin = $"http://127.0.0.1:{DemoLms.FreePort()}";
        await using var service = await TestService.StartAsync(
            new Dictionary<string, string?> { ["urls"] = origin, ["Service:PublicBaseUrl"] = origin },
            cancellationToken: Ct);
        await using var lms = await DemoLms.StartOnFreePortAsync(service.BaseUrl, TimeProvider.System, null, Ct);
        await DemoCommand.RegisterAsync(service.Services, lms.Options, Ct);
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true });

        var loginPage = await browser.GetStringAsync(new Uri(lms.Options.Origin, "/courses/2001/launch/tool?as=50001"), Ct);
        var (loginAction, loginFields) = EmulatedPlatform.ParseAutoPostForm(loginPage);
        using var login = await browser.PostAsync(
            loginAction,
            new FormUrlEncodedContent(loginFields.Where(f => f.Key != "lti_storage_target")),
            Ct);
        Assert.SkipWhen(login.StatusCode == HttpStatusCode.NotFound && login.RequestMessage?.RequestUri?.Port == service.BaseUrl.Port,
            "The service has no LTI login endpoint in this build.");
        var authorizePage = await login.Content.ReadAsStringAsync(Ct);
        Assert.True(login.IsSuccessStatusCode, $"{(int)login.StatusCode}: {authorizePage}");
        var (launchAction, launchFields) = EmulatedPlatform.ParseAutoPostForm(authorizePage);
        using var launch = await browser.PostAsync(launchAction, new FormUrlEncodedContent(launchFields), Ct);
        var body = await launch.Content.ReadAsStringAsync(Ct);

        Assert.Equal(new Uri(service.BaseUrl, "/lti/launch"), launchAction);
        Assert.True(launch.IsSuccessStatusCode, $"{(int)launch.StatusCode}: {body}");
    }
}
