using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.PageObjects;

/// <summary>The tool's page inside the LMS's iframe after a launch.</summary>
public sealed class ToolFrame
{
    internal ToolFrame(IPage host, IFrame frame)
    {
        Host = host;
        Frame = frame;
    }

    /// <summary>The LMS page that frames the tool.</summary>
    public IPage Host { get; }

    public IFrame Frame { get; }

    public Uri Url => new(Frame.Url);

    /// <summary>Whether the tool is framed by the LMS page (not a top-level page).</summary>
    public bool IsFramedByHost => Frame.ParentFrame == Host.MainFrame;

    /// <summary>The session token every in-LMS link carries (<c>s=</c>), read from the landing URL.</summary>
    public string? SessionToken =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Url.Query).TryGetValue("s", out var token) ? token.ToString() : null;

    /// <summary>The page's main heading (level 1).</summary>
    public ILocator MainHeading => Frame.GetByRole(AriaRole.Heading, new FrameGetByRoleOptions { Level = 1 });
}
