using LtiBadgeBridge.Web.Pages.Admin;

namespace LtiBadgeBridge.Tests.Integration.Admin;

/// <summary>The console's input rules on their own (no host): issuer profile validation and the login's return URL.</summary>
public sealed class AdminInputTests
{
    [Theory]
    [InlineData(nameof(IssuerProfileForm.Email), "badges@example")]
    [InlineData(nameof(IssuerProfileForm.Email), "Badges <badges@example.edu>")]
    [InlineData(nameof(IssuerProfileForm.Email), "badges@@example.edu")]
    [InlineData(nameof(IssuerProfileForm.Url), "example.edu")]
    [InlineData(nameof(IssuerProfileForm.Url), "javascript:alert(1)")]
    [InlineData(nameof(IssuerProfileForm.Image), "ftp://example.edu/logo.png")]
    [InlineData(nameof(IssuerProfileForm.Image), "data:text/html;base64,PHA+")]
    [InlineData(nameof(IssuerProfileForm.CountryCode), "XX")]
    [InlineData(nameof(IssuerProfileForm.CountryCode), "GBR")]
    [InlineData(nameof(IssuerProfileForm.Phone), "call me")]
    [InlineData(nameof(IssuerProfileForm.Name), "   ")]
    public void IssuerProfile_BadValue_IsReportedOnItsField(string field, string value)
    {
        var form = Valid();
        typeof(IssuerProfileForm).GetProperty(field)!.SetValue(form, value);

        var errors = form.Validate();

        Assert.Equal(field, Assert.Single(errors).Key);
    }

    [Fact]
    public void IssuerProfile_ValidValues_PassAndAreNormalised()
    {
        var form = Valid();
        form.CountryCode = "de";
        form.Region = "  ";
        form.Image = "data:image/png;base64,iVBORw0KGgo=";

        var fields = form.ToFields();

        Assert.Empty(form.Validate());
        Assert.Equal("DE", fields.CountryCode);
        Assert.Null(fields.Region);
        Assert.Equal("Example University", fields.Name);
    }

    [Fact]
    public void IssuerProfile_OverlongDescription_IsReported()
    {
        var form = Valid();
        form.Description = new string('x', 2001);

        Assert.Equal(nameof(IssuerProfileForm.Description), Assert.Single(form.Validate()).Key);
    }

    [Theory]
    [InlineData("/admin/audit?filter=x", "/admin/audit?filter=x")]
    [InlineData("/admin", "/admin")]
    [InlineData(null, "/admin")]
    [InlineData("https://evil.example/admin", "/admin")]
    [InlineData("//evil.example/admin", "/admin")]
    [InlineData("/\\evil.example", "/admin")]
    [InlineData("/admin\\..\\x", "/admin")]
    [InlineData("/lti/learner", "/admin")]
    [InlineData("/admin/login?returnUrl=/admin", "/admin")]
    public void Login_ReturnUrl_OnlyInsideTheConsole(string? returnUrl, string expected) =>
        Assert.Equal(expected, LoginModel.SafeReturnUrl(returnUrl));

    private static IssuerProfileForm Valid() => new()
    {
        Name = " Example University ",
        Email = "badges@example.edu",
        Url = "https://example.edu",
        Image = "https://example.edu/logo.png",
        CountryCode = "GB",
        Phone = "+44 (0)20 7946 0000",
        Description = "Badges of Example University.",
    };
}
