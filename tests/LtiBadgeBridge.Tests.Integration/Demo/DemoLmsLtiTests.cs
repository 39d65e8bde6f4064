using System.Net;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.Keys;
using LtiBadgeBridge.Lti.Launch;
using LtiBadgeBridge.Lti.Login;
using LtiBadgeBridge.Lti.Messages;
using LtiBadgeBridge.Lti.Services;
using LtiBadgeBridge.Testing.Lti;

namespace LtiBadgeBridge.Tests.Integration.Demo;

/// <summary>The demo LMS as an LTI 1.3 platform, driven by the protocol library exactly as the tool drives Canvas.</summary>
public sealed class DemoLmsLtiTests(DemoLmsFixture fixture) : IClassFixture<DemoLmsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(50_001L, LtiRoleKind.Learner)]
    [InlineData(50_100L, LtiRoleKind.Instructor)]
    [InlineData(50_200L, LtiRoleKind.Admin)]
    public async Task Launch_FromTheCoursePage_IsAcceptedByTheLaunchValidator(long userId, LtiRoleKind role)
    {
        var registrations = new InMemoryRegistrationStore();
        registrations.Add(fixture.Registration, fixture.Lms.Options.DeploymentId);
        var nonces = new InMemoryNonceStore();
        var login = new LoginInitiationHandler(registrations, nonces, fixture.ToolOptions, TimeProvider.System);
        var validator = new LaunchValidator(registrations, nonces, new PlatformKeySetCache(fixture.Http, TimeProvider.System), fixture.ToolOptions, TimeProvider.System);

        // The course frame's iframe posts the third-party-initiated login to the tool.
        var loginPage = await fixture.Http.GetStringAsync(new Uri(fixture.Lms.Options.Origin, $"/courses/2001/launch/tool?as={userId}"), Ct);
        var (loginAction, loginFields) = EmulatedPlatform.ParseAutoPostForm(loginPage);
        var started = await login.HandleAsync(loginFields.Select(f => new KeyValuePair<string, string?>(f.Key, f.Value)), Ct);
        Assert.True(started.IsSuccess, started.Error?.ToString());
        var authorizePage = await fixture.Http.GetStringAsync(started.Value.AuthorizationRedirect, Ct);
        var (launchAction, fields) = EmulatedPlatform.ParseAutoPostForm(authorizePage);
        var result = await validator.ValidateAsync(
            new LaunchRequest { IdToken = fields["id_token"], PostedState = fields["state"], BrowserState = started.Value.State },
            Ct);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(fixture.Lms.Options.ToolLoginUri, loginAction);
        Assert.Equal(fixture.ToolOptions.Value.LaunchUri, launchAction);
        Assert.True(result.Value.Roles.HasFlag(role), result.Value.Roles.ToString());
        var message = result.Value.Message;
        Assert.Equal(fixture.Lms.Course.FindByUserId(userId)!.Subject, message.Subject);
        Assert.Equal("2001", message.Custom["canvas_course_id"]);
        Assert.Equal(userId.ToString(System.Globalization.CultureInfo.InvariantCulture), message.Custom["canvas_user_id"]);
        Assert.Equal(fixture.Lms.Options.LineItemsUrl, message.AgsEndpoint?.LineItems);
        Assert.Equal(fixture.Lms.Options.MembershipsUrl, message.NamesRoleService?.ContextMembershipsUrl);
        Assert.Equal("course_navigation", message.Canvas.Placement);
        Assert.Equal("Cloud Computing", message.Context?.Title);
    }

    [Fact]
    public async Task Authorize_WithAnUnregisteredRedirectUri_IsRefused()
    {
        var learner = fixture.Lms.Course.Learners[0];
        var query = $"scope=openid&response_type=id_token&response_mode=form_post&prompt=none&client_id={fixture.Lms.Options.ClientId}" +
            $"&redirect_uri={Uri.EscapeDataString("http://127.0.0.1:1/lti/launch/")}&login_hint={learner.Subject}&state=s&nonce=n" +
            $"&lti_message_hint={Uri.EscapeDataString(Web.Demo.DemoLaunch.MessageHint(fixture.Lms, learner))}";

        using var response = await fixture.Http.GetAsync(new Uri(fixture.Lms.Options.AuthorizationEndpoint + "?" + query), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("id_token", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_WithALoginHintOfAnotherUser_IsRefused()
    {
        var course = fixture.Lms.Course;
        var query = $"scope=openid&response_type=id_token&response_mode=form_post&prompt=none&client_id={fixture.Lms.Options.ClientId}" +
            $"&redirect_uri={Uri.EscapeDataString("http://127.0.0.1:1/lti/launch")}&login_hint={course.Instructor.Subject}&state=s&nonce=n" +
            $"&lti_message_hint={Uri.EscapeDataString(Web.Demo.DemoLaunch.MessageHint(fixture.Lms, course.Learners[0]))}";

        using var response = await fixture.Http.GetAsync(new Uri(fixture.Lms.Options.AuthorizationEndpoint + "?" + query), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Nrps_PagedByFifty_Returns43LearnersAndTheInstructor()
    {
        var nrps = new NrpsClient(fixture.Http, fixture.Tokens(), fixture.ToolOptions);

        var members = await nrps.GetMembershipsAsync(fixture.Registration, fixture.Lms.Options.MembershipsUrl, cancellationToken: Ct);

        Assert.True(members.IsSuccess, members.Error?.ToString());
        Assert.False(members.Value.Truncated);
        Assert.Equal(44, members.Value.Members.Count);
        Assert.Equal(43, members.Value.Members.Count(m => m.Roles.Contains(LtiConstants.Roles.Learner)));
        Assert.Single(members.Value.Members, m => m.Roles.Contains(LtiConstants.Roles.Instructor));
        Assert.Equal(44, members.Value.Members.Select(m => m.UserId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(fixture.Lms.Course.ContextId, members.Value.Context?.Id);
    }

    [Fact]
    public async Task Nrps_SmallPages_LinkToTheNextPageWithTheSameSize()
    {
        var token = await fixture.Tokens().GetTokenAsync(fixture.Registration, [LtiConstants.Scopes.ContextMembershipReadOnly], Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, fixture.Lms.Options.MembershipsUrl + "?limit=20");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Value!.Value);

        using var response = await fixture.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = string.Join(',', response.Headers.GetValues("Link"));
        Assert.Contains("?page=2&limit=20>; rel=\"next\"", link, StringComparison.Ordinal);
        Assert.Contains("?page=3&limit=20>; rel=\"last\"", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nrps_WithoutAToken_IsUnauthorized()
    {
        using var response = await fixture.Http.GetAsync(fixture.Lms.Options.MembershipsUrl, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenEndpoint_AssertionSignedByAnotherKey_IsInvalidClient()
    {
        var stranger = new ToolKeySet([new ToolKey("tool-key-1", TestRsaKeys.Get(3), ToolKeyStatus.Active)]);
        var tokens = new LtiAccessTokenClient(fixture.Http, new StaticToolKeySetProvider(stranger), TimeProvider.System, fixture.ToolOptions);

        var token = await tokens.GetTokenAsync(fixture.Registration, [LtiConstants.Scopes.Score], Ct);

        Assert.False(token.IsSuccess);
    }

    [Fact]
    public async Task Ags_ScorePostedByTheTool_IsReadBackAndShownInTheGradebook()
    {
        var ags = new AgsClient(fixture.Http, fixture.Tokens(), fixture.ToolOptions);
        var learner = fixture.Lms.Course.Learners[0];
        var created = await ags.CreateLineItemAsync(
            fixture.Registration,
            fixture.Lms.Options.LineItemsUrl,
            new LineItem { Label = "Cloud Computing badge", ScoreMaximum = 1, Tag = "badge-" + Guid.NewGuid().ToString("N"), ResourceLinkId = Web.Demo.DemoLaunch.ResourceLinkId },
            Ct);
        Assert.True(created.IsSuccess, created.Error?.ToString());
        var lineItemUrl = new Uri(created.Value.Id!);

        var posted = await ags.PostScoreAsync(fixture.Registration, lineItemUrl, new Score
        {
            UserId = learner.Subject,
            ScoreGiven = 1,
            ScoreMaximum = 1,
            Comment = "Badge earned",
            Timestamp = TimeProvider.System.GetUtcNow(),
            ActivityProgress = "Completed",
            GradingProgress = "FullyGraded",
        }, Ct);
        var results = await ags.GetResultsAsync(fixture.Registration, lineItemUrl, cancellationToken: Ct);
        var listed = await ags.GetLineItemsAsync(fixture.Registration, fixture.Lms.Options.LineItemsUrl, tag: created.Value.Tag, cancellationToken: Ct);
        var gradebook = await fixture.Http.GetStringAsync(new Uri(fixture.Lms.Options.Origin, "/courses/2001/gradebook"), Ct);

        Assert.True(posted.IsSuccess, posted.Error?.ToString());
        var result = Assert.Single(results.Value!);
        Assert.Equal(learner.Subject, result.UserId);
        Assert.Equal(1, result.ResultScore);
        Assert.Single(listed.Value!);
        Assert.Contains("Cloud Computing badge", gradebook, StringComparison.Ordinal);
        Assert.Contains("1 / 1 — Badge earned", gradebook, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ags_ScoreForSomeoneOutsideTheCourse_IsRefused()
    {
        var ags = new AgsClient(fixture.Http, fixture.Tokens(), fixture.ToolOptions);
        var created = await ags.CreateLineItemAsync(fixture.Registration, fixture.Lms.Options.LineItemsUrl, new LineItem { Label = "Other", ScoreMaximum = 10 }, Ct);

        var posted = await ags.PostScoreAsync(fixture.Registration, new Uri(created.Value!.Id!), new Score
        {
            UserId = "not-a-member",
            ScoreGiven = 5,
            ScoreMaximum = 10,
            Timestamp = TimeProvider.System.GetUtcNow(),
            ActivityProgress = "Completed",
            GradingProgress = "FullyGraded",
        }, Ct);

        Assert.False(posted.IsSuccess);
    }

    [Fact]
    public async Task CoursePages_EscapeNamesAndRefuseUnknownUsers()
    {
        var home = await fixture.Http.GetStringAsync(fixture.Lms.Options.Origin, Ct);
        using var unknown = await fixture.Http.GetAsync(new Uri(fixture.Lms.Options.Origin, "/courses/2001/launch?as=%3Cscript%3E"), Ct);

        Assert.Contains("O&#39;Connor", home, StringComparison.Ordinal);
        Assert.Contains("Launch as instructor", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain("<script>", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
