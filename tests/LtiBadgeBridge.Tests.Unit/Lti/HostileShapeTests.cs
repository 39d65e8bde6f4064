using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;

namespace LtiBadgeBridge.Tests.Unit.Lti;

/// <summary>Signed tokens whose header or registered claims have the wrong JSON types: refused with a code,
/// never an exception.</summary>
public sealed class HostileShapeTests
{
    public static TheoryData<string, string> HostileHeaders() => new()
    {
        { """{"alg":"RS256","kid":5}""", LtiErrorCodes.JwtMalformed },
        { """{"alg":"RS256","kid":{"a":1}}""", LtiErrorCodes.JwtMalformed },
        { """{"alg":5,"kid":"platform-key-1"}""", LtiErrorCodes.JwtMalformed },
        { """{"alg":["RS256"],"kid":"platform-key-1"}""", LtiErrorCodes.JwtMalformed },
        { """{"alg":"RS256","kid":"platform-key-1","crit":["exp"]}""", LtiErrorCodes.JwtMalformed },
    };

    [Theory]
    [MemberData(nameof(HostileHeaders))]
    public async Task Launch_HeaderOfWrongShape_IsRefusedWithoutException(string header, string expected)
    {
        using var fixture = new LaunchFixture();

        var result = await fixture.LaunchAsync(sign: c => fixture.Signer.Sign(JsonNode.Parse(header)!.AsObject(), c));

        Assert.False(result.IsSuccess);
        Assert.Contains(result.Error.Code, new[] { expected, LtiErrorCodes.AlgNotAllowed, LtiErrorCodes.KidMissing });
    }

    [Theory]
    [InlineData("exp", "\"soon\"")]
    [InlineData("iat", "{\"a\":1}")]
    [InlineData("aud", "{\"x\":1}")]
    [InlineData("iss", "5")]
    [InlineData("sub", "[1]")]
    [InlineData("nonce", "7")]
    public async Task Launch_RegisteredClaimOfWrongType_IsRefusedWithoutException(string claim, string json)
    {
        using var fixture = new LaunchFixture();

        var result = await fixture.LaunchAsync(c => c[claim] = JsonNode.Parse(json));

        Assert.False(result.IsSuccess);
    }

    [Fact]
    public async Task Launch_NotBeforeOfWrongType_DoesNotThrow()
    {
        using var fixture = new LaunchFixture();

        var result = await fixture.LaunchAsync(c => c["nbf"] = "x");

        Assert.NotNull(result);
    }
}
