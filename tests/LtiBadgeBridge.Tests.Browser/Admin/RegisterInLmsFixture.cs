using LtiBadgeBridge.Tests.Browser.Infrastructure;

namespace LtiBadgeBridge.Tests.Browser.Admin;

/// <summary>The demo as <c>demo --register-in-lms</c> runs it: the tool not registered in the LMS, no course sync configured.</summary>
public sealed class RegisterInLmsFixture : BrowserFixture
{
    protected override bool CrossSite => false;

    protected override bool RegisteredAtStart => false;
}
