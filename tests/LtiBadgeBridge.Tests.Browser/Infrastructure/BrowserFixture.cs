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

    /// <summary>How long closing the browser, and stopping the site, may each take.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(90);

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    internal DemoSite Site { get; private set; } = null!;

    /// <summary>Whether the tool and the LMS are on different sites (the tool is a third party in the iframe).</summary>
    protected abstract bool CrossSite { get; }

    /// <summary>Whether the LMS starts with the tool registered and course sync configured (false: the test registers it in the LMS).</summary>
    protected virtual bool RegisteredAtStart => true;

    /// <summary>Extra Chromium switches for this fixture's browser.</summary>
    protected virtual IEnumerable<string> ChromiumArgs => [];

    /// <summary>The service's operator login token, for fixtures whose tests use the admin console (none by default).</summary>
    protected virtual string? OperatorToken => null;

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
        var starting = Task.Run(() => RegisteredAtStart ? DemoSite.StartAsync(CrossSite, ct, OperatorToken) : DemoSite.StartUnregisteredAsync(ct), ct);
        try
        {
            (playwright, Browser) = await Chromium.LaunchAsync(ChromiumArgs).WaitAsync(StartTimeout, ct);
            Site = await starting.WaitAsync(StartTimeout, ct);
        }
        catch
        {
            // A site that starts after all (or has started) must not keep serving, holding ports and job workers,
            // for the rest of the run.
            _ = starting.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result.DisposeAsync().AsTask() : Task.CompletedTask, TaskScheduler.Default).Unwrap();
            playwright?.Dispose();
            throw;
        }
    }

    /// <summary>Closes Chromium and stops the site, each step bounded: a wedged browser or host fails the class's
    /// cleanup (reported as such) instead of holding the whole run.</summary>
    public async ValueTask DisposeAsync()
    {
        var stuck = new List<string>();
        if (Browser is not null && !await CompletesAsync(Browser.CloseAsync()))
        {
            stuck.Add("closing Chromium");
        }

        // Ends Playwright's driver, and with it a browser that did not close.
        playwright?.Dispose();
        if (Site is not null && !await CompletesAsync(Site.DisposeAsync().AsTask()))
        {
            stuck.Add("stopping the demo site");
        }

        GC.SuppressFinalize(this);
        if (stuck.Count > 0)
        {
            throw new TimeoutException($"{GetType().Name}: {string.Join(" and ", stuck)} took longer than {StopTimeout.TotalSeconds} s.");
        }
    }

    private static async Task<bool> CompletesAsync(Task task)
    {
        try
        {
            await task.WaitAsync(StopTimeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
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

    /// <remarks>The service listens on 127.0.0.1 only, and its free port was only checked there; Chromium resolves
    /// <c>localhost</c> itself and tries <c>::1</c> first, where another process may hold the same port number. The
    /// browser is pinned to the address the service really listens on (the origin stays <c>localhost</c>).</remarks>
    protected override IEnumerable<string> ChromiumArgs => ["--test-third-party-cookie-phaseout", "--host-resolver-rules=MAP localhost 127.0.0.1"];
}
