using System.Globalization;
using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.PageObjects;

/// <summary>The dry run of an achievement (<c>/lti/instructor/achievements/{id}/preview</c>) inside the LMS's iframe.</summary>
public sealed class AchievementPreviewPage
{
    internal AchievementPreviewPage(ToolFrame tool) => Tool = tool;

    public ToolFrame Tool { get; }

    public ILocator Learners => Tool.Content.Locator("#stat-learners");

    public ILocator WouldEarn => Tool.Content.Locator("#stat-would-earn");

    public ILocator Close => Tool.Content.Locator("#stat-close");

    /// <summary>The page's charts (bar charts drawn as SVG images with a text alternative).</summary>
    public ILocator Charts => Tool.Content.Locator("svg[role=img]");

    /// <summary>The number a statistic shows.</summary>
    public static async Task<int> CountAsync(ILocator statistic)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        return int.Parse((await statistic.InnerTextAsync()).Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
