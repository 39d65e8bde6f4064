using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.Services;
using LtiBadgeBridge.Testing.Lti;
using static LtiBadgeBridge.Tests.Integration.Lti.ServiceClientFixture;

namespace LtiBadgeBridge.Tests.Integration.Lti;

public sealed class AgsAndNrpsClientTests
{
    [Theory]
    [InlineData(PlatformFlavour.Canvas)]
    [InlineData(PlatformFlavour.Moodle)]
    public async Task Ags_LineItemLifecycle_Works(PlatformFlavour flavour)
    {
        using var fixture = new ServiceClientFixture(flavour);
        var lineItems = fixture.Platform.LineItemsUrl;

        var created = await fixture.Ags.CreateLineItemAsync(fixture.Registration, lineItems, new LineItem { Label = "Capstone", ScoreMaximum = 10, ResourceId = "badge-1" }, Cancel);
        Assert.True(created.IsSuccess, created.Error?.ToString());
        var url = new Uri(created.Value.Id!);
        var updated = await fixture.Ags.UpdateLineItemAsync(fixture.Registration, created.Value with { Label = "Capstone project" }, Cancel);
        var listed = await fixture.Ags.GetLineItemsAsync(fixture.Registration, lineItems, cancellationToken: Cancel);
        var fetched = await fixture.Ags.GetLineItemAsync(fixture.Registration, url, Cancel);
        var deleted = await fixture.Ags.DeleteLineItemAsync(fixture.Registration, url, Cancel);
        var afterDelete = await fixture.Ags.GetLineItemsAsync(fixture.Registration, lineItems, cancellationToken: Cancel);

        Assert.Equal("Capstone project", updated.Value?.Label);
        Assert.Single(listed.Value!);
        Assert.Equal("badge-1", fetched.Value?.ResourceId);
        Assert.True(deleted.IsSuccess);
        Assert.Empty(afterDelete.Value!);
    }

    [Theory]
    [InlineData(PlatformFlavour.Canvas)]
    [InlineData(PlatformFlavour.Moodle)]
    public async Task Ags_ScoresAndResults_GoToThePathKeepingTheQuery(PlatformFlavour flavour)
    {
        using var fixture = new ServiceClientFixture(flavour);
        var lineItem = new Uri(fixture.Platform.AddLineItem("Quiz", 10));

        var posted = await fixture.Ags.PostScoreAsync(fixture.Registration, lineItem, fixture.ScoreFor("user-1", 7), Cancel);
        var results = await fixture.Ags.GetResultsAsync(fixture.Registration, lineItem, cancellationToken: Cancel);

        Assert.True(posted.IsSuccess, posted.Error?.ToString());
        var result = Assert.Single(results.Value!);
        Assert.Equal(7, result.ResultScore);
        var scoreRequest = fixture.Platform.Server.LogEntries.Single(e => e.RequestMessage.Path.EndsWith("/scores", StringComparison.Ordinal));
        if (flavour == PlatformFlavour.Moodle)
        {
            Assert.EndsWith("/lineitem/scores?type_id=1", scoreRequest.RequestMessage.Url, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ags_ScoreWithoutMaximum_IsAnHttpErrorValue()
    {
        using var fixture = new ServiceClientFixture(PlatformFlavour.Canvas);
        var lineItem = new Uri(fixture.Platform.AddLineItem("Quiz", 10));

        var posted = await fixture.Ags.PostScoreAsync(fixture.Registration, lineItem, fixture.ScoreFor("user-1", 7, maximum: null), Cancel);

        Assert.Equal(LtiErrorCodes.ServiceHttpError, posted.Error?.Code);
        Assert.Contains("422", posted.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ags_RevokedToken_IsRefreshedOnceOn401()
    {
        using var fixture = new ServiceClientFixture(PlatformFlavour.Canvas);
        var lineItems = fixture.Platform.LineItemsUrl;
        await fixture.Ags.GetLineItemsAsync(fixture.Registration, lineItems, cancellationToken: Cancel);
        fixture.Platform.RevokeAccessTokens();

        var result = await fixture.Ags.GetLineItemsAsync(fixture.Registration, lineItems, cancellationToken: Cancel);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(2, fixture.Platform.TokenRequestCount);
    }

    [Fact]
    public async Task Ags_LineItemListing_FollowsEveryPage()
    {
        using var fixture = new ServiceClientFixture(PlatformFlavour.Canvas);
        for (var i = 0; i < 25; i++)
        {
            fixture.Platform.AddLineItem("Item " + i, 5);
        }

        var listed = await fixture.Ags.GetLineItemsAsync(fixture.Registration, fixture.Platform.LineItemsUrl, cancellationToken: Cancel);

        Assert.Equal(25, listed.Value!.Count);
    }

    [Fact]
    public async Task Nrps_Canvas_PagesOf50AreAllFollowed()
    {
        using var fixture = new ServiceClientFixture(PlatformFlavour.Canvas);
        fixture.Platform.SetMembers(120);
        var nrps = new NrpsClient(fixture.Http, fixture.Tokens, Microsoft.Extensions.Options.Options.Create(new LtiToolOptions { LaunchUri = new Uri("https://tool.example.org/") })) { PageSize = 100 };

        var members = await nrps.GetMembershipsAsync(fixture.Registration, fixture.Platform.MembershipsUrl, cancellationToken: Cancel);

        Assert.True(members.IsSuccess, members.Error?.ToString());
        Assert.Equal(121, members.Value.Members.Count);
        Assert.Equal(121, members.Value.Members.Select(m => m.UserId).Distinct(StringComparer.Ordinal).Count());
        Assert.False(members.Value.Truncated);
        Assert.Equal("BIO101", members.Value.Context?.Label);
        Assert.Equal(3, fixture.Platform.Server.LogEntries.Count(e => e.RequestMessage.Path == fixture.Platform.MembershipsUrl.AbsolutePath));
    }

    [Fact]
    public async Task Nrps_Moodle_OddlyQuotedNextAndLowercaseHeader_AreUnderstood()
    {
        using var fixture = new ServiceClientFixture(PlatformFlavour.Moodle);
        fixture.Platform.SetMembers(60);

        var members = await fixture.Nrps.GetMembershipsAsync(fixture.Registration, fixture.Platform.MembershipsUrl, cancellationToken: Cancel);

        Assert.True(members.IsSuccess, members.Error?.ToString());
        Assert.Equal(61, members.Value.Members.Count);
    }

    [Fact]
    public async Task Nrps_NextLinkToAnotherHost_IsNotFollowed()
    {
        using var fixture = new ServiceClientFixture(PlatformFlavour.Canvas);
        fixture.Platform.SetMembers(80);
        using var elsewhere = EmulatedPlatform.StartCanvas();
        fixture.Platform.ForeignNextLinkOrigin = elsewhere.BaseUrl;

        var members = await fixture.Nrps.GetMembershipsAsync(fixture.Registration, fixture.Platform.MembershipsUrl, cancellationToken: Cancel);

        Assert.True(members.Value!.Truncated);
        Assert.Equal(50, members.Value.Members.Count);
        Assert.Empty(elsewhere.Server.LogEntries);
    }

    [Fact]
    public async Task Services_EveryRequest_SendsTheUserAgent()
    {
        using var fixture = new ServiceClientFixture(PlatformFlavour.Canvas);
        fixture.Platform.SetMembers(3);
        await fixture.Nrps.GetMembershipsAsync(fixture.Registration, fixture.Platform.MembershipsUrl, cancellationToken: Cancel);
        await fixture.Ags.GetLineItemsAsync(fixture.Registration, fixture.Platform.LineItemsUrl, cancellationToken: Cancel);

        var entries = fixture.Platform.Server.LogEntries.ToList();

        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Contains("LtiBadgeBridge-Tests/1.0", e.RequestMessage.Headers!["User-Agent"].ToString(), StringComparison.Ordinal));
    }
}
