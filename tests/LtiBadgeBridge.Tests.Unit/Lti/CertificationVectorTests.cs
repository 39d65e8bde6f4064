using System.Text.Json;
using System.Text.Json.Nodes;
using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Testing;

namespace LtiBadgeBridge.Tests.Unit.Lti;

/// <summary>The LTI Advantage certification payloads in <c>vectors/lti/certification</c>, signed with a real
/// platform key. As upstream does, exp/iat are refreshed unless keep.json says otherwise, and the nonce is one
/// this tool issued; target_link_uri (which no case is about) is pointed at this tool.</summary>
public sealed class CertificationVectorTests
{
    private const string CertIssuer = "https://ltiadvantagevalidator.imsglobal.org";
    private const string CertClientId = "imstester_3dfad6d";
    private const string CertDeployment = "testdeploy";

    /// <summary>Why each invalid case must be refused: the code of the step that must catch it.</summary>
    private static readonly Dictionary<string, string> ExpectedRejections = new(StringComparer.Ordinal)
    {
        ["Correct KID Required in Header"] = LtiErrorCodes.KidMissing,
        ["Exp and Iat Fields invalid"] = LtiErrorCodes.TokenExpired,
        ["Incorrect KID passed in JWT Header"] = LtiErrorCodes.KidUnknown,
        ["JWT Passed is Not LTI 1.3 JWT"] = LtiErrorCodes.JwtMalformed, // empty header: no alg, not a JWS we accept
        ["LTI version passed is not 1.3"] = LtiErrorCodes.VersionUnsupported,
        ["Launch With Missing resource_link_id"] = LtiErrorCodes.ClaimMissing,
        ["No LTI Version Passed in JWT"] = LtiErrorCodes.VersionUnsupported,
        ["One or more JWT fields missing"] = LtiErrorCodes.MessageTypeUnsupported,
        ["deployment_id Claim Missing"] = LtiErrorCodes.DeploymentMissing,
        ["message_type Claim Missing"] = LtiErrorCodes.MessageTypeUnsupported,
        ["role Claim Missing"] = LtiErrorCodes.ClaimMissing,
        ["user Claim Missing"] = LtiErrorCodes.ClaimMissing,
    };

    /// <summary>Upstream files this case as invalid, but LTI 1.3 Core makes the context claim optional and the
    /// 1EdTech suite lists it among valid instructor launches: this tool accepts it.</summary>
    private const string ContextOptionalCase = "Launch Instructor With Email No Context";

    public static TheoryData<string> ValidCases() => Cases(valid: true);

    public static TheoryData<string> InvalidCases() => Cases(valid: false);

    [Theory]
    [MemberData(nameof(ValidCases))]
    public async Task Certification_ValidCase_IsAccepted(string folder)
    {
        using var fixture = CertificationFixture();

        var result = await LaunchCaseAsync(fixture, folder, valid: true);

        var launch = LtiAssert.Accepted(result);
        Assert.Equal(CertDeployment, launch.DeploymentId);
    }

    [Fact]
    public async Task Certification_InstructorWithEmailNoContext_IsAcceptedBecauseContextIsOptional()
    {
        using var fixture = CertificationFixture();

        var launch = LtiAssert.Accepted(await LaunchCaseAsync(fixture, "invalid/" + ContextOptionalCase, valid: false));

        Assert.Null(launch.Message.Context);
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public async Task Certification_InvalidCase_IsRejectedForItsDefect(string folder)
    {
        using var fixture = CertificationFixture();
        var name = Path.GetFileName(folder);

        var result = await LaunchCaseAsync(fixture, folder, valid: false);

        LtiAssert.Rejected(result, ExpectedRejections[name]);
    }

    public static TheoryData<string> OtherMessageTypes()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestVectors.Path("lti", "certification", "cases.json")));
        var data = new TheoryData<string>();
        foreach (var entry in document.RootElement.GetProperty("otherValidMessages").EnumerateArray())
        {
            data.Add(entry.GetProperty("folder").GetString()!);
        }

        return data;
    }

    /// <summary>Valid LTI messages of types this tool does not handle (asset processor, EULA, report review)
    /// are refused for their type, not for anything else.</summary>
    [Theory]
    [MemberData(nameof(OtherMessageTypes))]
    public async Task Certification_OtherMessageType_IsRefusedAsUnsupported(string folder)
    {
        using var fixture = CertificationFixture();

        var result = await LaunchCaseAsync(fixture, folder, valid: true);

        LtiAssert.Rejected(result, LtiErrorCodes.MessageTypeUnsupported);
    }

    [Fact]
    public void Certification_EveryInvalidCaseHasAnExpectedReason()
    {
        var names = Cases(valid: false).Select(row => Path.GetFileName((string)row.Data)).ToList();

        Assert.Equal(ExpectedRejections.Keys.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    private static LaunchFixture CertificationFixture()
    {
        var fixture = new LaunchFixture();
        fixture.Registrations.Add(fixture.Registration with { Id = "reg-cert", Issuer = CertIssuer, ClientId = CertClientId }, CertDeployment);
        return fixture;
    }

    private static async Task<LtiResult<LtiBadgeBridge.Lti.Launch.LtiLaunch>> LaunchCaseAsync(LaunchFixture fixture, string folder, bool valid)
    {
        var directory = TestVectors.Path("lti", "certification", folder);
        var payload = (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "payload.json"), TestContext.Current.CancellationToken))!;
        var keepPath = Path.Combine(directory, "keep.json");
        var keep = File.Exists(keepPath)
            ? JsonSerializer.Deserialize<string[]>(await File.ReadAllTextAsync(keepPath, TestContext.Current.CancellationToken)) ?? []
            : [];
        var headerPath = Path.Combine(directory, "header.json");
        var header = File.Exists(headerPath)
            ? (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(headerPath, TestContext.Current.CancellationToken))!
            : new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = fixture.Signer.Kid };

        var login = await fixture.LoginHandler.HandleAsync(
            [new("iss", CertIssuer), new("login_hint", "x"), new("target_link_uri", LaunchFixture.LaunchUri), new("client_id", CertClientId)],
            TestContext.Current.CancellationToken);
        Assert.True(login.IsSuccess);

        var now = fixture.Time.GetUtcNow().ToUnixTimeSeconds();
        if (!keep.Contains("exp"))
        {
            payload["exp"] = now + 60;
        }

        if (!keep.Contains("iat"))
        {
            payload["iat"] = now;
        }

        payload["nonce"] = login.Value!.Nonce;
        if (payload.ContainsKey(LtiConstants.Claims.TargetLinkUri))
        {
            payload[LtiConstants.Claims.TargetLinkUri] = LaunchFixture.LaunchUri;
        }

        if (valid)
        {
            payload["sub"] = "lms-user-id";
            if (payload[LtiConstants.Claims.Context] is JsonObject context)
            {
                context["id"] = "lms-course-id";
            }
        }

        var idToken = fixture.Signer.Sign(header, payload);
        return await fixture.ValidateAsync(idToken, login.Value.State, login.Value.State);
    }

    private static TheoryData<string> Cases(bool valid)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestVectors.Path("lti", "certification", "cases.json")));
        var data = new TheoryData<string>();
        foreach (var entry in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            var classification = entry.GetProperty("upstreamClassification").GetString();
            var folder = entry.GetProperty("folder").GetString()!;
            if ((classification == "valid") == valid && !folder.EndsWith(ContextOptionalCase, StringComparison.Ordinal))
            {
                data.Add(folder);
            }
        }

        return data;
    }
}
