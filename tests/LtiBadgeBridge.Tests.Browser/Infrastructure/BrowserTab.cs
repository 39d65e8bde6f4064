using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.Infrastructure;

/// <summary>A page in its own browser context. Disposing it (also when the test failed) saves a full-page
/// screenshot of where the test ended to <c>artifacts/screenshots/&lt;test&gt;.png</c>, then closes the context.</summary>
public sealed class BrowserTab : IAsyncDisposable
{
    internal BrowserTab(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Saves a screenshot of the page as it is now, as <c>&lt;test&gt;.&lt;step&gt;.png</c>.</summary>
    public Task ScreenshotAsync(string step) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathForCurrentTest(step), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        // Where each frame ended, for the test's output (a failed launch shows which step it stopped at).
        TestContext.Current.TestOutputHelper?.WriteLine("Frames: " + string.Join(" | ", Page.Frames.Select(f => f.Url)));
        try
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathForCurrentTest(), FullPage = true, Timeout = 5_000 });
        }
        catch (PlaywrightException)
        {
            // A page that cannot be drawn any more must not hide the test's own outcome.
        }

        await Context.CloseAsync();
    }
}
