using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.Infrastructure;

/// <summary>
/// One headless Chromium and one demo site (service + demo LMS) per test class. Each test opens its own
/// <see cref="BrowserTab"/> (a fresh browser context: no cookies or storage shared between tests).
/// </summary>
public abstract class BrowserFixture : IAsyncLifetime
{
    /// <summary>Generous waits for a busy two-core machine; on a quiet one every step takes well under a second.</summary>
    private const float TimeoutMs = 60_000;

    /// <summary>A start that takes longer than this fails the class instead of holding the whole run.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    internal DemoSite Site { get; private set; } = null!;

    /// <summary>Whether the tool and the LMS are on different sites (the tool is a third party in the iframe).</summary>
    protected abstract bool CrossSite { get; }

    /// <summary>Whether the LMS starts with the tool registered and course sync configured (false: the test registers it in the LMS).</summary>
    protected virtual bool RegisteredAtStart => true;

    /// <summary>Extra Chromium switches for this fixture's browser.</summary>
    protected virtual IEnumerable<string> ChromiumArgs => [];

    /// <summary>Opens a fresh context and page; disposing it saves <c>artifacts/screenshots/&lt;test&gt;.png</c>.</summary>
    public async Task<BrowserTab> OpenAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-CA",
        });
        context.SetDefaultTimeout(TimeoutMs);
        context.SetDefaultNavigationTimeout(TimeoutMs);
        return new BrowserTab(context, await context.NewPageAsync());
    }

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Assertions.SetDefaultExpectTimeout(TimeoutMs);
        var started = Task.Run(() => RegisteredAtStart ? DemoSite.StartAsync(CrossSite, ct) : DemoSite.StartUnregisteredAsync(ct), ct).WaitAsync(StartTimeout, ct);
        try
        {
            (playwright, Browser) = await Chromium.LaunchAsync(ChromiumArgs).WaitAsync(StartTimeout, ct);
        }
        catch
        {
            await (await started).DisposeAsync();
            throw;
        }

        Site = await started;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (Site is not null)
        {
            await Site.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The demo as the <c>demo</c> command runs it: service and LMS on 127.0.0.1 (one site, the state cookie works).</summary>
public sealed class DemoFixture : BrowserFixture
{
    protected override bool CrossSite => false;
}

/// <summary>The tool on another site than the LMS with third-party cookies blocked: only platform storage can carry the state.</summary>
public sealed class ThirdPartyCookiesBlockedFixture : BrowserFixture
{
    protected override bool CrossSite => true;

    protected override IEnumerable<string> ChromiumArgs => ["--test-third-party-cookie-phaseout"];
}
