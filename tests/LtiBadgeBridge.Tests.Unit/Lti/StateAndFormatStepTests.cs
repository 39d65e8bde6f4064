using System.Text;
using LtiBadgeBridge.Lti;
using Microsoft.IdentityModel.Tokens;

namespace LtiBadgeBridge.Tests.Unit.Lti;

public sealed class StateAndFormatStepTests
{
    [Fact]
    public async Task Launch_WithoutBrowserState_IsRejected()
    {
        using var fixture = new LaunchFixture();
        var login = await fixture.LoginAsync();
        var token = fixture.Signer.MintIdToken(fixture.ResourceLinkClaims(login.Nonce));

        LtiAssert.Rejected(await fixture.ValidateAsync(token, login.State, browserState: null), LtiErrorCodes.StateMissing);
    }

    [Fact]
    public async Task Launch_StateNotMatchingThisBrowser_IsRejected()
    {
        using var fixture = new LaunchFixture();
        var login = await fixture.LoginAsync();
        var token = fixture.Signer.MintIdToken(fixture.ResourceLinkClaims(login.Nonce));

        LtiAssert.Rejected(await fixture.ValidateAsync(token, login.State, "another-browser-state"), LtiErrorCodes.StateMismatch);
    }

    [Fact]
    public async Task Launch_NonceOfAnotherLoginWithMatchingCookie_IsRejected()
    {
        using var fixture = new LaunchFixture();
        var victim = await fixture.LoginAsync();
        var attacker = await fixture.LoginAsync();
        var token = fixture.Signer.MintIdToken(fixture.ResourceLinkClaims(victim.Nonce));

        LtiAssert.Rejected(await fixture.ValidateAsync(token, attacker.State, attacker.State), LtiErrorCodes.StateMismatch);
    }

    public static TheoryData<string> MalformedTokens() => new()
    {
        "",
        "not-a-jwt",
        "a.b",
        "a.b.c.d",
        "a.b.c.d.e",
        "eyJhbGciOiJSUzI1NiJ9.eyJ9.!!!",
        "e30.e30.",
        "%%%.%%%.%%%",
        Base64UrlEncoder.Encode("not json") + "." + Base64UrlEncoder.Encode("{}") + ".c2ln",
        Base64UrlEncoder.Encode("{\"alg\":\"RS256\"}") + "." + Base64UrlEncoder.Encode("[1,2]") + ".c2ln",
        Base64UrlEncoder.Encode("{\"alg\":\"RS256\"}") + "." + Base64UrlEncoder.Encode("not json") + ".c2ln",
        Base64UrlEncoder.Encode("{}") + "." + Base64UrlEncoder.Encode("{}") + ".c2ln",
        Base64UrlEncoder.Encode("[]") + "." + Base64UrlEncoder.Encode("{}") + ".c2ln",
    };

    [Theory]
    [MemberData(nameof(MalformedTokens))]
    public async Task Launch_MalformedToken_IsRejectedWithoutException(string token)
    {
        using var fixture = new LaunchFixture();
        var login = await fixture.LoginAsync();

        LtiAssert.Rejected(await fixture.ValidateAsync(token, login.State, login.State), LtiErrorCodes.JwtMalformed);
    }

    [Fact]
    public async Task Launch_OneMegabyteToken_IsRejectedAsTooLarge()
    {
        using var fixture = new LaunchFixture();
        var login = await fixture.LoginAsync();
        var huge = new StringBuilder().Append('a', 1024 * 1024).Append(".b.c").ToString();

        LtiAssert.Rejected(await fixture.ValidateAsync(huge, login.State, login.State), LtiErrorCodes.JwtTooLarge);
    }

    [Fact]
    public async Task Launch_ValidTokenPaddedPastTheSizeCap_IsRejectedAsTooLarge()
    {
        using var fixture = new LaunchFixture();

        var result = await fixture.LaunchAsync(c => c["padding"] = new string('x', 70 * 1024));

        LtiAssert.Rejected(result, LtiErrorCodes.JwtTooLarge);
    }

    [Fact]
    public async Task Launch_RandomGarbage_NeverThrows()
    {
        using var fixture = new LaunchFixture();
        var login = await fixture.LoginAsync();
        var random = new Random(1234);
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.=+/{}\"";
        for (var i = 0; i < 300; i++)
        {
            var chars = new char[random.Next(0, 400)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var result = await fixture.ValidateAsync(new string(chars), login.State, login.State);

            Assert.False(result.IsSuccess);
        }
    }
}
