using LtiBadgeBridge.Web.Lti;
using Microsoft.AspNetCore.Http;

namespace LtiBadgeBridge.Tests.Integration.LtiWeb;

/// <summary>Cookie names and flags: <c>__Host-</c>, Secure, SameSite=None over HTTPS; plain names for loopback http.</summary>
public sealed class LtiCookiesTests
{
    private const string State = "AbCdEfGhIjKlMnOpQrStUvWxYz012345-_";

    [Fact]
    public void StateCookie_OverHttps_IsHostPrefixedSecureAndSameSiteNone()
    {
        var options = LtiCookies.Options(https: true, TimeProvider.System.GetUtcNow().AddMinutes(10));

        Assert.Equal("__Host-lti-state-AbCdEfGhIjKlMnOp", LtiCookies.StateName(State, https: true));
        Assert.Equal(LtiCookies.StateName(State, https: true), LtiCookies.StateNameForPosted(State, https: true));
        Assert.True(options.Secure);
        Assert.True(options.HttpOnly);
        Assert.Equal(SameSiteMode.None, options.SameSite);
        Assert.Equal("/", options.Path);
        Assert.Null(options.Domain);
        Assert.Equal("__Host-ltibb-session", LtiCookies.SessionName(https: true));
    }

    [Fact]
    public void StateCookie_OverLoopbackHttp_DropsThePrefixAndSecure()
    {
        var options = LtiCookies.Options(https: false, TimeProvider.System.GetUtcNow().AddMinutes(10));

        Assert.Equal("lti-state-AbCdEfGhIjKlMnOp", LtiCookies.StateName(State, https: false));
        Assert.False(options.Secure);
        Assert.Equal(SameSiteMode.Lax, options.SameSite);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<script>")]
    [InlineData("a;b=c")]
    public void PostedState_NotOneWeIssue_NamesNoCookie(string posted) =>
        Assert.Null(LtiCookies.StateNameForPosted(posted, https: true));
}
