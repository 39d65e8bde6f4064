using Microsoft.Playwright;

namespace LtiBadgeBridge.Tests.Browser.Infrastructure;

/// <summary>What the browser sent, recorded from the page's request events (the page's own frames included).</summary>
public static class BrowserTraffic
{
    /// <summary>Every document request of the page and its frames, as "METHOD origin+path".</summary>
    public static List<string> RecordNavigations(IPage page)
    {
        var steps = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.IsNavigationRequest)
            {
                var url = new Uri(request.Url);
                lock (steps)
                {
                    steps.Add($"{request.Method} {url.GetLeftPart(UriPartial.Authority)}{url.AbsolutePath}");
                }
            }
        };
        return steps;
    }

    /// <summary>The launch POSTs to the tool, as they are sent.</summary>
    public static List<IRequest> RecordLaunchPosts(IPage page, Uri launchUrl)
    {
        var posts = new List<IRequest>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url == launchUrl.AbsoluteUri)
            {
                lock (posts)
                {
                    posts.Add(request);
                }
            }
        };
        return posts;
    }

    /// <summary>Each recorded request's form body, in the order sent.</summary>
    public static string?[] Bodies(List<IRequest> requests)
    {
        lock (requests)
        {
            return [.. requests.Select(r => r.PostData)];
        }
    }

    /// <summary>Each recorded request's Cookie header (all headers, including the security ones) and form body.
    /// Bounded: Playwright waits for header details Chromium does not always report.</summary>
    public static async Task<(string? Cookie, string? Body)[]> DescribeAsync(List<IRequest> requests)
    {
        IRequest[] recorded;
        lock (requests)
        {
            recorded = [.. requests];
        }

        var described = new List<(string? Cookie, string? Body)>();
        foreach (var request in recorded)
        {
            var headers = await request.AllHeadersAsync().WaitAsync(TimeSpan.FromSeconds(30));
            described.Add((headers.GetValueOrDefault("cookie"), request.PostData));
        }

        return [.. described];
    }

    public static void AssertInOrder(List<string> steps, params string[] expected)
    {
        string[] seen;
        lock (steps)
        {
            seen = [.. steps];
        }

        var at = 0;
        foreach (var step in expected)
        {
            var found = Array.IndexOf(seen, step, at);
            Assert.True(found >= 0, $"Expected \"{step}\" after step {at} in:\n{string.Join('\n', seen)}");
            at = found + 1;
        }
    }
}
