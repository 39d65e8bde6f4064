using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.PageObjects;

/// <summary>The learner's "My badges" page (<c>/lti/learner</c>) inside the LMS's iframe: earned badges with their
/// sharing and download links, and progress towards the others.</summary>
public sealed class LearnerPage(ToolFrame tool)
{
    public ToolFrame Tool { get; } = tool;

    /// <summary>The card of an earned badge named <paramref name="name"/>.</summary>
    public ILocator EarnedCard(string name) => Tool.Content.Locator("#learner-earned .learner-card", new() { HasText = name });

    /// <summary>The card of a badge named <paramref name="name"/> not earned yet.</summary>
    public ILocator ProgressCard(string name) => Tool.Content.Locator("#learner-progress .learner-card", new() { HasText = name });

    public static ILocator VerifyLink(ILocator card) => Link(card, "Verify");

    public static ILocator LinkedInLink(ILocator card) => Link(card, "Add to LinkedIn");

    public static ILocator PngDownload(ILocator card) => Link(card, "Download badge image (PNG)");

    public static ILocator WalletDownload(ILocator card) => Link(card, "Download for a wallet");

    /// <summary>The card's per-criterion progress bars.</summary>
    public static ILocator ProgressBars(ILocator card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.Locator("progress");
    }

    /// <summary>The card's criteria, each with its status and plain-language explanation.</summary>
    public static ILocator Criteria(ILocator card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.Locator(".learner-criterion");
    }

    private static ILocator Link(ILocator card, string name)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.GetByRole(AriaRole.Link, new() { Name = name });
    }
}
