using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Tests.Browser.Infrastructure;
using LtiBadgeBridge.Tests.Browser.PageObjects;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.Admin;

/// <summary>
/// The tool registered the way an institution does it, in the emulated Canvas: the admin runs LTI Dynamic Registration
/// from Admin &gt; Developer Keys (the tool's registration page in the LMS's dialog), launches fail until the key is ON,
/// the admin enters the Canvas API key shown by the LMS in the tool's admin console (operator login), and the instructor
/// then launches, connects the course to Canvas (OAuth2) and sees the course's first sync on the course home.
/// </summary>
public sealed class AdminRegistersToolTests(RegisterInLmsFixture fixture) : IClassFixture<RegisterInLmsFixture>
{
    [Fact(Timeout = 300_000)]
    public async Task Admin_RegistersTheToolInCanvas_EnablesIt_EntersTheApiKey_ThenTheInstructorLaunchesAndTheCourseSyncs()
    {
        var ct = TestContext.Current.CancellationToken;
        var site = fixture.Site;
        var instructorId = site.Lms.Course.Instructor.UserId;

        // Admin > Developer Keys: no key yet; "+ LTI Registration" runs the tool's registration in the dialog.
        await using var adminTab = await fixture.OpenAsync();
        var keys = new CanvasDeveloperKeysPage(adminTab.Page, fixture);
        await keys.OpenAsync();
        await Assertions.Expect(keys.NoLtiKey).ToBeVisibleAsync();
        var registrationUrl = await keys.RegisterToolAsync();
        Assert.Equal(site.Tool("/lti/register").AbsoluteUri, registrationUrl);
        await Assertions.Expect(keys.RegistrationNotice).ToContainTextAsync("The tool registered");
        await Assertions.Expect(keys.LtiKeyState).ToHaveTextAsync("OFF");
        await adminTab.ScreenshotAsync("registered");

        // The service stored the platform, its deployment and the scopes Canvas granted.
        var platform = await site.FindRegisteredPlatformAsync(ct);
        Assert.NotNull(platform);
        Assert.Equal(("dynamic", ProductFamilies.Canvas), (platform.RegistrationSource, platform.ProductFamily));
        Assert.Contains(LtiConstants.Scopes.Score, platform.GrantedScopes, StringComparison.Ordinal);
        Assert.Contains(LtiConstants.Scopes.ContextMembershipReadOnly, platform.GrantedScopes, StringComparison.Ordinal);
        var deployments = await site.Service.Services.GetRequiredService<PlatformStore>().ListDeploymentsAsync(platform.Id, ct);
        Assert.Equal(site.Lms.Options.DeploymentId, Assert.Single(deployments).DeploymentId);

        // While the key is OFF, Canvas refuses to launch the tool.
        await using var instructorTab = await fixture.OpenAsync();
        var course = new DemoCoursePage(instructorTab.Page, fixture);
        var refused = await course.OpenCourseFrameAsync(instructorId);
        await Assertions.Expect(refused.GetByText("invalid_client")).ToBeVisibleAsync();

        await keys.TurnOnAsync();
        var (canvasUrl, apiClientId, apiSecret) = await keys.ApiKeyAsync();

        // The operator enters the LMS's API key in the tool's admin console.
        var console = new CanvasApiKeyConsolePage(adminTab.Page, fixture);
        await console.SignInAsync(site.OperatorToken!);
        await Assertions.Expect(console.PlatformCard(platform.Id)).ToContainTextAsync("not configured");
        await console.EnterCanvasApiKeyAsync(platform.Id, canvasUrl, apiClientId, apiSecret);
        await Assertions.Expect(console.PlatformCard(platform.Id)).ToContainTextAsync("Canvas API developer key configured");
        await adminTab.ScreenshotAsync("console");

        // The instructor launches, connects the course to Canvas in a new window, and the first sync completes.
        var tool = await course.LaunchAsInstructorAsync();
        var connection = tool.Content.Locator("#canvas-connection");
        await Assertions.Expect(connection).ToHaveAttributeAsync("data-connected", "false");
        var consent = await instructorTab.Page.RunAndWaitForPopupAsync(() => tool.Content.GetByRole(AriaRole.Link, new() { Name = "Connect to Canvas" }).ClickAsync());
        await Assertions.Expect(consent.GetByText("This course is connected to Canvas")).ToBeVisibleAsync();
        await consent.CloseAsync();
        await new DemoJobs(fixture).WaitForSyncAsync(ct);

        await tool.GoToAsync(DemoCoursePage.InstructorLanding);
        await Assertions.Expect(connection).ToHaveAttributeAsync("data-connected", "true");
        await Assertions.Expect(tool.Content.Locator("#sync-last-success")).Not.ToHaveTextAsync("never");
        await Assertions.Expect(tool.Content.Locator("#sync-state")).Not.ToBeEmptyAsync();
        await instructorTab.ScreenshotAsync("synced");
    }
}
