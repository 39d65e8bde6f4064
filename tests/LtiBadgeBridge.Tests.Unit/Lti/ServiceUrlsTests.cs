using LtiBadgeBridge.Lti.Services;

namespace LtiBadgeBridge.Tests.Unit.Lti;

public sealed class ServiceUrlsTests
{
    [Theory]
    [InlineData("https://moodle.example.edu/mod/lti/services.php/2/lineitems/7/lineitem?type_id=1", "https://moodle.example.edu/mod/lti/services.php/2/lineitems/7/lineitem/scores?type_id=1")]
    [InlineData("https://canvas.example.edu/api/lti/courses/1/line_items/5", "https://canvas.example.edu/api/lti/courses/1/line_items/5/scores")]
    [InlineData("https://canvas.example.edu/api/lti/courses/1/line_items/5/", "https://canvas.example.edu/api/lti/courses/1/line_items/5/scores")]
    public void AppendPath_InsertsIntoThePathAndKeepsTheQuery(string lineItem, string expected)
    {
        Assert.Equal(expected, ServiceUrls.AppendPath(new Uri(lineItem), "scores").AbsoluteUri);
    }

    [Fact]
    public void AddQuery_ToUrlWithQuery_AppendsWithAmpersand()
    {
        var url = ServiceUrls.AddQuery(new Uri("https://m.example/lineitems?type_id=1"), ("resource_link_id", "a b"), ("tag", null));

        Assert.Equal("https://m.example/lineitems?type_id=1&resource_link_id=a%20b", url.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://lms.example.edu/a", "https://lms.example.edu/b?x=1", true)]
    [InlineData("https://lms.example.edu/a", "https://evil.example/b", false)]
    [InlineData("https://lms.example.edu/a", "http://lms.example.edu/b", false)]
    [InlineData("https://lms.example.edu/a", "https://lms.example.edu:8443/b", false)]
    public void IsSameOrigin_ComparesSchemeHostAndPort(string origin, string candidate, bool expected)
    {
        Assert.Equal(expected, ServiceUrls.IsSameOrigin(new Uri(origin), new Uri(candidate)));
    }
}
