using System.Globalization;
using System.Net;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.DeepLinking;
using LtiBadgeBridge.Lti.Keys;
using LtiBadgeBridge.Lti.Launch;
using LtiBadgeBridge.Lti.Login;
using LtiBadgeBridge.Lti.Services;
using LtiBadgeBridge.Testing.Lti;
using LtiBadgeBridge.Web.Demo;

namespace LtiBadgeBridge.Tests.Integration.Demo;

/// <summary>Deep Linking through the demo LMS, driven by the protocol library as the tool drives Canvas: the Modules
/// page's deep linking launch, the LMS's checks of the signed response, and the module item's own launch.</summary>
public sealed class DemoDeepLinkingTests(DemoLmsFixture fixture) : IClassFixture<DemoLmsFixture>
{
    private const long InstructorId = 50_100;
    private const long LearnerId = 50_001;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Uri LaunchUri => fixture.ToolOptions.Value.LaunchUri!;

    [Fact]
    public async Task DeepLinkingLaunch_FromModules_IsALinkSelectionRequestReturningToTheLms()
    {
        var launch = await LaunchAsync($"/courses/2001/modules/external_tool/launch?as={InstructorId}");

        Assert.True(launch.Message.IsDeepLinkingRequest);
        var settings = launch.Message.DeepLinkingSettings!;
        Assert.Equal(fixture.Lms.Options.At(DemoDeepLinking.ReturnPath), settings.DeepLinkReturnUrl);
        Assert.Contains(LtiConstants.ContentItemTypes.LtiResourceLink, settings.AcceptTypes);
        Assert.True(settings.AcceptLineItem);
        Assert.False(string.IsNullOrEmpty(settings.Data));
        Assert.Equal(LtiConstants.Canvas.PlacementLinkSelection, launch.Message.Canvas.Placement);
    }

    [Fact]
    public async Task DeepLinkingLaunch_ForALearner_IsRefused()
    {
        using var response = await fixture.Http.GetAsync(new Uri(fixture.Lms.Options.Origin, $"/courses/2001/modules/external_tool/launch?as={LearnerId}"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task GoodResponse_CreatesTheModuleItemAndItsLineItem_AndTheItemLaunchesWithItsCustomParameter()
    {
        var launch = await LaunchAsync($"/courses/2001/modules/external_tool/launch?as={InstructorId}");
        var before = fixture.Lms.Modules.Items.Count;
        var card = new LtiResourceLinkItem
        {
            Title = "Cloud Computing Fundamentals",
            Url = LaunchUri,
            Custom = new Dictionary<string, string> { ["achievement_id"] = "42" },
            LineItem = new DeepLinkingLineItem(1, "Cloud Computing Fundamentals", "achievement:42", "badge"),
        };

        using var response = await PostAsync(Build(launch, card, fixture.ToolKeys));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, fixture.Lms.Modules.Items.Count);
        var item = fixture.Lms.Modules.Items[^1];
        Assert.Equal("42", item.Custom["achievement_id"]);
        var column = fixture.Lms.Gradebook.Find(item.LineItemId!.Value)!;
        Assert.Equal(("Cloud Computing Fundamentals", 1d, "achievement:42", "badge", item.ResourceLinkId), (column.Label, column.ScoreMaximum, column.ResourceId, column.Tag, column.ResourceLinkId));

        // A learner opening the item launches the tool as a resource link carrying the item's custom parameter and column.
        var itemLaunch = await LaunchAsync($"/courses/2001/modules/items/{item.Id.ToString(CultureInfo.InvariantCulture)}/launch?as={LearnerId}");
        Assert.Equal(LtiConstants.MessageTypes.ResourceLinkRequest, itemLaunch.Message.MessageType);
        Assert.Equal("42", itemLaunch.Message.Custom["achievement_id"]);
        Assert.Equal(item.ResourceLinkId, itemLaunch.Message.ResourceLink?.Id);
        Assert.Equal(fixture.Lms.Options.At($"/api/lti/courses/2001/line_items/{column.Id.ToString(CultureInfo.InvariantCulture)}"), itemLaunch.Message.AgsEndpoint?.LineItem);
    }

    [Fact]
    public async Task Response_SignedWithAnotherKey_IsRefused_AndAddsNothing()
    {
        var launch = await LaunchAsync($"/courses/2001/modules/external_tool/launch?as={InstructorId}");
        var before = fixture.Lms.Modules.Items.Count;
        var stranger = new ToolKeySet([new ToolKey("tool-key-1", TestRsaKeys.Get(6), ToolKeyStatus.Active)]);

        using var response = await PostAsync(Build(launch, Card(), stranger));

        await AssertRefusedAsync(response, DemoDeepLinkingResponse.CodeSignature);
        Assert.Equal(before, fixture.Lms.Modules.Items.Count);
    }

    [Fact]
    public async Task Response_Replayed_IsRefused()
    {
        var launch = await LaunchAsync($"/courses/2001/modules/external_tool/launch?as={InstructorId}");
        var jwt = Build(launch, Card(), fixture.ToolKeys);
        using var first = await PostAsync(jwt);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var after = fixture.Lms.Modules.Items.Count;

        using var replay = await PostAsync(jwt);

        await AssertRefusedAsync(replay, DemoDeepLinkingResponse.CodeNonce);
        Assert.Equal(after, fixture.Lms.Modules.Items.Count);
    }

    [Fact]
    public async Task Response_ToARequestTheLmsNeverMade_IsRefused()
    {
        var launch = await LaunchAsync($"/courses/2001/modules/external_tool/launch?as={InstructorId}");
        var forged = launch with
        {
            Message = launch.Message with { DeepLinkingSettings = launch.Message.DeepLinkingSettings! with { Data = "not-a-request-of-this-lms" } },
        };

        using var response = await PostAsync(Build(forged, Card(), fixture.ToolKeys));

        await AssertRefusedAsync(response, DemoDeepLinkingResponse.CodeRequest);
    }

    [Fact]
    public async Task Response_ForAnotherDeployment_IsRefused()
    {
        var launch = await LaunchAsync($"/courses/2001/modules/external_tool/launch?as={InstructorId}");

        using var response = await PostAsync(Build(launch with { DeploymentId = "2:another" }, Card(), fixture.ToolKeys));

        await AssertRefusedAsync(response, DemoDeepLinkingResponse.CodeDeployment);
    }

    private LtiResourceLinkItem Card() => new() { Title = "Badge", Url = LaunchUri, Custom = new Dictionary<string, string> { ["achievement_id"] = "7" } };

    private static string Build(LtiLaunch launch, ContentItem item, ToolKeySet keys)
    {
        var built = new DeepLinkingResponseBuilder(TimeProvider.System).Build(launch, [item], keys);
        Assert.True(built.IsSuccess, built.Error?.ToString());
        return built.Value.Jwt;
    }

    private Task<HttpResponseMessage> PostAsync(string jwt) =>
        fixture.Http.PostAsync(fixture.Lms.Options.At(DemoDeepLinking.ReturnPath), new FormUrlEncodedContent([new("JWT", jwt)]), Ct);

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string code)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(code, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>Runs the LMS's login page at <paramref name="path"/> through the tool's login handler, the LMS's
    /// authorization endpoint and the launch validator; returns the validated launch.</summary>
    private async Task<LtiLaunch> LaunchAsync(string path)
    {
        var registrations = new InMemoryRegistrationStore();
        registrations.Add(fixture.Registration, fixture.Lms.Options.DeploymentId);
        var nonces = new InMemoryNonceStore();
        var login = new LoginInitiationHandler(registrations, nonces, fixture.ToolOptions, TimeProvider.System);
        var validator = new LaunchValidator(registrations, nonces, new PlatformKeySetCache(fixture.Http, TimeProvider.System), fixture.ToolOptions, TimeProvider.System);
        var loginPage = await fixture.Http.GetStringAsync(new Uri(fixture.Lms.Options.Origin, path), Ct);
        var (_, loginFields) = EmulatedPlatform.ParseAutoPostForm(loginPage);
        var started = await login.HandleAsync(loginFields.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)), Ct);
        Assert.True(started.IsSuccess, started.Error?.ToString());
        var (_, fields) = EmulatedPlatform.ParseAutoPostForm(await fixture.Http.GetStringAsync(started.Value.AuthorizationRedirect, Ct));
        var result = await validator.ValidateAsync(new LaunchRequest { IdToken = fields["id_token"], PostedState = fields["state"], BrowserState = started.Value.State }, Ct);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value;
    }
}
