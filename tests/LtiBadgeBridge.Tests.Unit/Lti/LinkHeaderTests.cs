using LtiBadgeBridge.Lti.Services;

namespace LtiBadgeBridge.Tests.Unit.Lti;

public sealed class LinkHeaderTests
{
    private static readonly Uri Base = new("https://lms.example.edu/api/lti/courses/1/names_and_roles?limit=50");

    [Theory]
    [InlineData("<https://lms.example.edu/p2>; rel=\"next\"")]
    [InlineData("<https://lms.example.edu/p2>; rel=next")]
    [InlineData("<https://lms.example.edu/p2>; rel='next'")]
    [InlineData("<https://lms.example.edu/p2>; rel=\u201Cnext\u201D")]
    [InlineData("<https://lms.example.edu/p2>; rel=\u00E2\u0080\u009Cnext\u00E2\u0080\u009D")]
    [InlineData("<https://lms.example.edu/p2>; REL=\"NEXT\"")]
    [InlineData("<https://lms.example.edu/p1>; rel=\"current\",<https://lms.example.edu/p2>; rel=\"next\",<https://lms.example.edu/p1>; rel=\"first\"")]
    [InlineData("<https://lms.example.edu/p1>; rel=\"first\", <https://lms.example.edu/p2>; title=\"x\"; rel=\"prefetch next\"")]
    public void FindNext_TolerantForms_FindTheNextPage(string header)
    {
        Assert.Equal(new Uri("https://lms.example.edu/p2"), LinkHeader.FindNext(header, Base));
    }

    [Theory]
    [InlineData("<https://lms.example.edu/p1>; rel=\"first\"")]
    [InlineData("<https://lms.example.edu/p1>; rel=\"nextish\"")]
    [InlineData("garbage")]
    [InlineData("<unterminated; rel=next")]
    [InlineData("")]
    public void FindNext_NoNextLink_ReturnsNull(string header)
    {
        Assert.Null(LinkHeader.FindNext(header, Base));
    }

    [Fact]
    public void FindNext_OpaqueUrlWithQuery_IsKeptVerbatim()
    {
        var next = LinkHeader.FindNext("<https://lms.example.edu/api/lti/x?page=bookmark:WzEwXQ&per_page=50>; rel=\"next\"", Base);

        Assert.Equal("https://lms.example.edu/api/lti/x?page=bookmark:WzEwXQ&per_page=50", next?.OriginalString);
    }

    [Fact]
    public void FindNext_RelativeUrl_IsResolvedAgainstTheRequest()
    {
        Assert.Equal(new Uri("https://lms.example.edu/api/lti/courses/1/names_and_roles?page=2"), LinkHeader.FindNext("<names_and_roles?page=2>; rel=\"next\"", Base));
    }

    [Fact]
    public void FindNext_LowercaseHeaderName_IsFound()
    {
        using var response = new HttpResponseMessage { RequestMessage = new HttpRequestMessage(HttpMethod.Get, Base) };
        response.Headers.TryAddWithoutValidation("link", "<https://lms.example.edu/p2>; rel=\u201Cnext\u201D");

        Assert.Equal(new Uri("https://lms.example.edu/p2"), LinkHeader.FindNext(response));
    }
}
