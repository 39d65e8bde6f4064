using LtiBadgeBridge.Platforms.Http;

namespace LtiBadgeBridge.Tests.Unit.Platforms;

public sealed class LinkHeaderTests
{
    [Fact]
    public void Parse_CanvasHeader_FindsEveryRelation()
    {
        var links = LinkHeader.Parse(
            "<https://canvas.example/api/v1/courses/1/assignments?page=2&per_page=10>; rel=\"current\"," +
            "<https://canvas.example/api/v1/courses/1/assignments?page=3&per_page=10>; rel=\"next\"," +
            "<https://canvas.example/api/v1/courses/1/assignments?page=1&per_page=10>; rel=\"first\"");

        Assert.Equal("page=3&per_page=10", links["next"].Query.TrimStart('?'));
        Assert.False(links.ContainsKey("last"));
    }

    [Theory]
    [InlineData("<https://moodle.example/x?page=2>; rel=\u201Cnext\u201D")]
    [InlineData("<https://moodle.example/x?page=2>; rel=next")]
    [InlineData("<https://moodle.example/x?page=2>;rel='next'")]
    [InlineData("<https://moodle.example/x?page=2>; REL=\"prev next\"")]
    public void Parse_TolerantQuotingAndSpacing_FindsNext(string header)
    {
        Assert.Equal(new Uri("https://moodle.example/x?page=2"), LinkHeader.Parse(header)["next"]);
    }

    [Fact]
    public void Parse_OpaqueUrlWithCommas_IsKeptWhole()
    {
        var links = LinkHeader.Parse("<https://canvas.example/api/v1/x?page=bookmark:WyJwIiwyXQ&student_ids[]=1,2>; rel=\"next\"");

        Assert.Contains("student_ids[]=1,2", Uri.UnescapeDataString(links["next"].Query), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RelativeTarget_IsResolvedAgainstTheRequest()
    {
        var links = LinkHeader.Parse("</api/v1/x?page=2>; rel=\"next\"", new Uri("https://canvas.example/api/v1/x?page=1"));

        Assert.Equal(new Uri("https://canvas.example/api/v1/x?page=2"), links["next"]);
    }

    [Fact]
    public void Find_UppercaseHeaderName_IsRead()
    {
        using var response = new HttpResponseMessage { RequestMessage = new HttpRequestMessage(HttpMethod.Get, "https://canvas.example/a") };
        response.Headers.TryAddWithoutValidation("LINK", "<https://canvas.example/a?page=2>; rel=\"next\"");

        Assert.Equal(new Uri("https://canvas.example/a?page=2"), LinkHeader.Find(response, "next"));
        Assert.Null(LinkHeader.Find(response, "last"));
    }

    [Fact]
    public void Parse_NonHttpTarget_IsIgnored()
    {
        Assert.Empty(LinkHeader.Parse("<javascript:alert(1)>; rel=\"next\""));
    }
}
