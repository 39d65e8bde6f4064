using LtiBadgeBridge.Tests.Browser.Infrastructure;

namespace LtiBadgeBridge.Tests.Browser.Moodle;

/// <summary>The demo (service and demo LMS on 127.0.0.1) with the admin console's operator login on: the demo LMS's
/// Moodle site starts without the tool, which the test registers through Moodle's own pages.</summary>
public sealed class MoodleFixture : BrowserFixture
{
    public const string Operator = "operator-token-for-the-moodle-flow-0123456789";

    protected override bool CrossSite => false;

    protected override string? OperatorToken => Operator;
}
