using System.Globalization;
using System.Text;
using WireMock;

namespace LtiBadgeBridge.Testing.Emulators;

/// <summary>
/// Canvas-style paging of a request: <c>page</c> (a number, or an opaque <c>bookmark:</c> token) and
/// <c>per_page</c> (default 10, capped at 100).
/// </summary>
internal sealed record Paging(int Page, int PerPage)
{
    public static Paging Read(IRequestMessage request, EmulatedCanvasOptions options)
    {
        var parameters = EmulatorHttp.Parameters(request);
        var perPage = parameters.TryGetValue("per_page", out var p) && int.TryParse(p, CultureInfo.InvariantCulture, out var n) && n > 0
            ? Math.Min(n, options.MaxPerPage)
            : options.DefaultPerPage;
        var page = parameters.TryGetValue("page", out var raw) ? ParsePage(raw) : 1;
        return new Paging(Math.Max(1, page), perPage);
    }

    public (int First, int Count) Slice(int total)
    {
        var first = Math.Min(total, (Page - 1) * PerPage);
        return (first, Math.Min(PerPage, total - first));
    }

    public static string PageToken(int page, bool opaque) =>
        opaque ? "bookmark:" + Convert.ToBase64String(Encoding.UTF8.GetBytes($"[\"p\",{page}]")).TrimEnd('=') : page.ToString(CultureInfo.InvariantCulture);

    private static int ParsePage(string raw)
    {
        if (int.TryParse(raw, CultureInfo.InvariantCulture, out var page))
        {
            return page;
        }

        if (raw.StartsWith("bookmark:", StringComparison.Ordinal))
        {
            var base64 = raw["bookmark:".Length..];
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var json = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var comma = json.LastIndexOf(',');
            return int.Parse(json[(comma + 1)..].TrimEnd(']'), CultureInfo.InvariantCulture);
        }

        return 1;
    }
}
