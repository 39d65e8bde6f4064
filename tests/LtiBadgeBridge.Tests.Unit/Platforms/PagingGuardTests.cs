using LtiBadgeBridge.Platforms;
using LtiBadgeBridge.Platforms.Http;

namespace LtiBadgeBridge.Tests.Unit.Platforms;

public sealed class PagingGuardTests
{
    private static readonly Uri Base = new("https://canvas.school.example/");

    [Theory]
    [InlineData("https://canvas.school.example/api/v1/x?page=2", null)]
    [InlineData("https://CANVAS.school.example/api/v1/x?page=2", null)]
    [InlineData("https://canvas.school.example.evil.example/api/v1/x", PlatformErrorCodes.PagingOtherHost)]
    [InlineData("http://canvas.school.example/api/v1/x", PlatformErrorCodes.PagingOtherHost)]
    [InlineData("https://canvas.school.example:8443/api/v1/x", PlatformErrorCodes.PagingOtherHost)]
    public void Check_OnlyTheSameOrigin_IsFollowed(string next, string? expectedCode)
    {
        var error = PagingGuard.Check(Base, new PageCursor { Url = new Uri(next), PageNumber = 2 }, maxPages: 10);

        Assert.Equal(expectedCode, error?.Code);
    }

    [Fact]
    public void Check_PastTheCap_IsRefused()
    {
        var url = new Uri("https://canvas.school.example/api/v1/x?page=11");

        Assert.Null(PagingGuard.Check(Base, new PageCursor { Url = url, PageNumber = 10 }, maxPages: 10));
        Assert.Equal(PlatformErrorCodes.PagingCapReached, PagingGuard.Check(Base, new PageCursor { Url = url, PageNumber = 11 }, maxPages: 10)?.Code);
    }
}
