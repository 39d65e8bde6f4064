using LtiBadgeBridge.Lti;
using LtiBadgeBridge.Lti.Messages;

namespace LtiBadgeBridge.Tests.Unit.Lti;

public sealed class ClaimParsingTests
{
    [Theory]
    [InlineData(LtiConstants.Roles.Instructor, LtiRoleKind.Instructor)]
    [InlineData(LtiConstants.Roles.Learner, LtiRoleKind.Learner)]
    [InlineData(LtiConstants.Roles.TeachingAssistant, LtiRoleKind.Instructor)]
    [InlineData(LtiConstants.Roles.ContentDeveloper, LtiRoleKind.Instructor)]
    [InlineData(LtiConstants.Roles.Administrator, LtiRoleKind.Admin)]
    [InlineData(LtiConstants.Roles.InstitutionAdministrator, LtiRoleKind.Admin)]
    [InlineData(LtiConstants.Roles.SystemAdministrator, LtiRoleKind.Admin)]
    [InlineData(LtiConstants.Roles.SystemSysAdmin, LtiRoleKind.Admin)]
    [InlineData(LtiConstants.Roles.InstitutionInstructor, LtiRoleKind.None)]
    [InlineData(LtiConstants.Roles.InstitutionStudent, LtiRoleKind.None)]
    [InlineData("Instructor", LtiRoleKind.Instructor)]
    [InlineData("Learner", LtiRoleKind.Learner)]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor", LtiRoleKind.None)]
    [InlineData("urn:lti:role:ims/lis/Unknown", LtiRoleKind.None)]
    [InlineData("", LtiRoleKind.None)]
    public void Roles_MapToKinds(string role, LtiRoleKind expected)
    {
        Assert.Equal(expected, LtiRoles.Map([role]));
    }

    [Fact]
    public void Roles_CanvasTeachingAssistantWithInstitutionRoles_IsInstructorOnly()
    {
        var kinds = LtiRoles.Map([LtiConstants.Roles.Instructor, LtiConstants.Roles.TeachingAssistant, LtiConstants.Roles.InstitutionStudent]);

        Assert.Equal(LtiRoleKind.Instructor, kinds);
    }

    [Fact]
    public void Parse_ClaimsOfWrongShape_AreTreatedAsAbsentWithoutThrowing()
    {
        var json = $$"""
        {
          "iss": 42, "aud": {"x": 1}, "sub": ["a"], "exp": "soon", "iat": 1e300,
          "{{LtiConstants.Claims.Roles}}": "{{LtiConstants.Roles.Learner}}",
          "{{LtiConstants.Claims.Context}}": ["course"],
          "{{LtiConstants.Claims.ResourceLink}}": {"id": 7},
          "{{LtiConstants.Claims.Custom}}": {"n": 5, "b": true, "s": "text", "z": null, "o": {"a": 1} },
          "{{LtiConstants.Claims.AgsEndpoint}}": {"scope": "one", "lineitems": "not a url", "lineitem": "javascript:alert(1)"},
          "{{LtiConstants.Claims.NamesRoleService}}": {"context_memberships_url": 5},
          "{{LtiConstants.Claims.LaunchPresentation}}": {"width": "wide", "height": "480", "return_url": "ftp://x"},
          "{{LtiConstants.Claims.DeepLinkingSettings}}": {"accept_multiple": "true", "deep_link_return_url": "https://lms.example/return"}
        }
        """;

        var message = LtiMessageParser.Parse(json);

        Assert.NotNull(message);
        Assert.Equal("42", message.Issuer);
        Assert.Empty(message.Audiences);
        Assert.Null(message.Subject);
        Assert.Null(message.Expires);
        Assert.Null(message.IssuedAt);
        Assert.Equal([LtiConstants.Roles.Learner], message.Roles);
        Assert.Null(message.Context);
        Assert.Equal("7", message.ResourceLink?.Id);
        Assert.Equal("5", message.Custom["n"]);
        Assert.Equal("true", message.Custom["b"]);
        Assert.Equal("", message.Custom["z"]);
        Assert.Equal("""{"a": 1}""", message.Custom["o"]);
        Assert.Equal(["one"], message.AgsEndpoint?.Scopes);
        Assert.Null(message.AgsEndpoint?.LineItems);
        Assert.Null(message.AgsEndpoint?.LineItem);
        Assert.Null(message.NamesRoleService);
        Assert.Null(message.LaunchPresentation?.Width);
        Assert.Equal(480, message.LaunchPresentation?.Height);
        Assert.Null(message.LaunchPresentation?.ReturnUrl);
        Assert.True(message.DeepLinkingSettings?.AcceptMultiple);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("{")]
    public void Parse_NonObjectPayload_ReturnsNull(string json)
    {
        Assert.Null(LtiMessageParser.Parse(json));
    }
}
