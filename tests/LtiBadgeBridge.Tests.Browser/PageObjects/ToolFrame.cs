using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.PageObjects;

/// <summary>The tool's page inside the LMS's iframe after a launch. Locators go through the iframe element
/// (<see cref="Content"/>), which follows the frame across navigations and process swaps.</summary>
public sealed class ToolFrame
{
    public const string Selector = "iframe[name=tool_content]";

    internal ToolFrame(IPage host, Uri url)
    {
        Host = host;
        Url = url;
    }

    /// <summary>The LMS page that frames the tool.</summary>
    public IPage Host { get; }

    /// <summary>The tool page's address when the launch landed.</summary>
    public Uri Url { get; }

    /// <summary>The tool's iframe content as a locator root.</summary>
    public IFrameLocator Content => Host.FrameLocator(Selector);

    /// <summary>The session token every in-LMS link carries (<c>s=</c>), read from the landing URL.</summary>
    public string? SessionToken =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Url.Query).TryGetValue("s", out var token) ? token.ToString() : null;

    /// <summary>The page's main heading (level 1).</summary>
    public ILocator MainHeading => Content.GetByRole(AriaRole.Heading, new FrameLocatorGetByRoleOptions { Level = 1 });

    /// <summary>Whether the tool's document is framed (its window is not the top window).</summary>
    public Task<bool> IsFramedAsync() => Content.Locator("html").EvaluateAsync<bool>("e => e.ownerDocument.defaultView !== e.ownerDocument.defaultView.top");

    /// <summary>Opens <paramref name="path"/> of the tool inside the LMS's iframe, carrying the session (<c>s=</c>) as the
    /// tool's own links do; returns when the new document has loaded.</summary>
    public async Task GoToAsync(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var target = new Uri(Url, path + separator + "s=" + Uri.EscapeDataString(SessionToken ?? ""));
        var element = await Content.Locator("html").ElementHandleAsync();
        var frame = await element.OwnerFrameAsync() ?? throw new InvalidOperationException("The tool's document has no frame.");
        await frame.GotoAsync(target.AbsoluteUri);
    }

    /// <summary>The tool document's title.</summary>
    public Task<string> TitleAsync() => Content.Locator("html").EvaluateAsync<string>("e => e.ownerDocument.title");
}
