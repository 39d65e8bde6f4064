using LtiBadgeBridge.Lti;

namespace LtiBadgeBridge.Tests.Unit.Lti;

internal static class LtiAssert
{
    public static void Rejected<T>(LtiResult<T> result, string expectedCode)
    {
        Assert.False(result.IsSuccess, $"expected {expectedCode} but the result succeeded");
        Assert.Equal(expectedCode, result.Error.Code);
    }

    public static T Accepted<T>(LtiResult<T> result)
    {
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value;
    }
}
