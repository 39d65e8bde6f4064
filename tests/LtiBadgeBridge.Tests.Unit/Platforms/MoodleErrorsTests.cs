using System.Text.Json;
using LtiBadgeBridge.Platforms;
using LtiBadgeBridge.Platforms.Moodle;

namespace LtiBadgeBridge.Tests.Unit.Platforms;

public sealed class MoodleErrorsTests
{
    [Theory]
    [InlineData("{\"exception\":\"moodle_exception\",\"errorcode\":\"invalidtoken\",\"message\":\"Invalid token - token not found\"}", PlatformErrorCodes.MoodleInvalidToken, PlatformErrorKind.TokenInvalid)]
    [InlineData("{\"exception\":\"webservice_access_exception\",\"errorcode\":\"accessexception\",\"message\":\"Access control exception\"}", PlatformErrorCodes.MoodleAccessException, PlatformErrorKind.NotAuthorized)]
    [InlineData("{\"exception\":\"webservice_access_exception\",\"errorcode\":\"accessexception\",\"message\":\"Access control exception\",\"debuginfo\":\"Access to the function mod_assign_get_grades() is not allowed.\"}", PlatformErrorCodes.MoodleFunctionNotInService, PlatformErrorKind.FunctionUnavailable)]
    [InlineData("{\"exception\":\"required_capability_exception\",\"errorcode\":\"nopermissions\",\"message\":\"Sorry, but you do not currently have permissions to do that (View all grades).\"}", PlatformErrorCodes.MoodleMissingCapability, PlatformErrorKind.NotAuthorized)]
    [InlineData("{\"exception\":\"invalid_parameter_exception\",\"errorcode\":\"invalidparameter\",\"message\":\"Invalid parameter value detected\"}", PlatformErrorCodes.MoodleInvalidParameter, PlatformErrorKind.InvalidParameter)]
    [InlineData("{\"error\":\"Invalid token - token not found\",\"errorcode\":\"invalidtoken\",\"stacktrace\":null}", PlatformErrorCodes.MoodleInvalidToken, PlatformErrorKind.TokenInvalid)]
    [InlineData("{\"exception\":\"dml_missing_record_exception\",\"errorcode\":\"invalidrecord\",\"message\":\"Can't find data record\"}", PlatformErrorCodes.MoodleNotFound, PlatformErrorKind.NotFound)]
    [InlineData("{\"exception\":\"moodle_exception\",\"errorcode\":\"somethingnew\",\"message\":\"New failure\"}", PlatformErrorCodes.MoodleError, PlatformErrorKind.InvalidResponse)]
    public void FromBody_ErrorInA200Body_HasAStableCode(string body, string code, PlatformErrorKind kind)
    {
        using var document = JsonDocument.Parse(body);

        var error = MoodleErrors.FromBody(document.RootElement);

        Assert.Equal(code, error?.Code);
        Assert.Equal(kind, error?.Kind);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"courses\":[],\"warnings\":[]}")]
    [InlineData("{\"error\":\"a learner's JSON file with an error member but no errorcode\"}")]
    public void FromBody_NormalResult_IsNotAnError(string body)
    {
        using var document = JsonDocument.Parse(body);

        Assert.Null(MoodleErrors.FromBody(document.RootElement));
    }

    [Theory]
    [InlineData("92.00000", 92.0)]
    [InlineData("7.50000", 7.5)]
    [InlineData("0.00000", 0.0)]
    public void ParseGrade_MoodleString_IsADecimal(string grade, double expected)
    {
        Assert.Equal((decimal)expected, MoodleGrade.ParseGrade(grade));
    }

    [Theory]
    [InlineData("-1.00000")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("n/a")]
    public void ParseGrade_NoGrade_IsNull(string? grade)
    {
        Assert.Null(MoodleGrade.ParseGrade(grade));
    }

    [Fact]
    public void MissingFunctions_AreTheRequiredOnesNotOffered()
    {
        var offered = MoodleWebServiceRequirements.RequiredFunctions.Where(f => f != MoodleWebServiceRequirements.GetGrades).Append("core_course_get_courses");

        Assert.Equal([MoodleWebServiceRequirements.GetGrades], MoodleWebServiceRequirements.MissingFunctions(offered));
    }
}
