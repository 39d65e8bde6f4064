using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.PageObjects;

/// <summary>The awards of an achievement (<c>/lti/instructor/achievements/{id}/awards</c>) inside the LMS's iframe:
/// approve pending awards, revoke earned ones with a reason.</summary>
public sealed class AwardsPage
{
    private AwardsPage(ToolFrame tool) => Tool = tool;

    public ToolFrame Tool { get; }

    /// <summary>The confirmation after an action ("Revoked. ...").</summary>
    public ILocator Done => Tool.Content.Locator(".editor-message[role=status]");

    public ILocator RevokedRow(string learnerName) => Tool.Content.Locator("#revoked-awards tbody tr", new() { HasText = learnerName });

    public static async Task<AwardsPage> OpenAsync(ToolFrame tool, long achievementId)
    {
        ArgumentNullException.ThrowIfNull(tool);
        await tool.GoToAsync(FormattableString.Invariant($"/lti/instructor/achievements/{achievementId}/awards"));
        await Assertions.Expect(tool.MainHeading).ToContainTextAsync("Awards: ");
        return new AwardsPage(tool);
    }

    /// <summary>Revokes the earned award of <paramref name="learnerName"/> with <paramref name="reason"/> and waits for the confirmation.</summary>
    public async Task RevokeAsync(string learnerName, string reason)
    {
        var row = Tool.Content.Locator("#earned-awards tbody tr", new() { HasText = learnerName });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await row.GetByLabel("Reason (required)").FillAsync(reason);
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(Done).ToContainTextAsync("Revoked.");
    }
}
