using System.Globalization;
using System.Text;

namespace LtiBadgeBridge.Web.Demo;

/// <summary>Canvas-style paging: numbered pages and a <c>Link</c> header with current, next, prev, first and last.</summary>
internal static class DemoPaging
{
    /// <summary>The request's absolute URL on the LMS's own origin.</summary>
    public static string RequestUrl(HttpContext http, DemoLms lms) =>
        new Uri(lms.Options.Origin, http.Request.Path + http.Request.QueryString).AbsoluteUri;

    /// <summary>Adds the <c>Link</c> header for <paramref name="page"/> of <paramref name="total"/> items,
    /// keeping every other query parameter (repeated ones included) as the request sent it.</summary>
    public static void AddLinkHeader(HttpContext http, DemoLms lms, int page, int perPage, int total, string sizeParameter = "per_page")
    {
        var last = Math.Max(1, (total + perPage - 1) / perPage);
        var links = new List<string> { Link(http, lms, page, perPage, sizeParameter, "current") };
        if (page < last)
        {
            links.Add(Link(http, lms, page + 1, perPage, sizeParameter, "next"));
        }

        if (page > 1)
        {
            links.Add(Link(http, lms, page - 1, perPage, sizeParameter, "prev"));
        }

        links.Add(Link(http, lms, 1, perPage, sizeParameter, "first"));
        links.Add(Link(http, lms, last, perPage, sizeParameter, "last"));
        http.Response.Headers.Append("Link", string.Join(',', links));
    }

    /// <summary>Reads <c>page</c> and the page size (capped at <paramref name="max"/>, default <paramref name="fallback"/>).</summary>
    public static (int Page, int PerPage) Read(HttpContext http, int fallback = 10, int max = 100, string sizeParameter = "per_page") =>
        (Math.Max(1, DemoLtiEndpoints.ReadInt(http.Request.Query["page"], 1)),
         Math.Clamp(DemoLtiEndpoints.ReadInt(http.Request.Query[sizeParameter], fallback), 1, max));

    private static string Link(HttpContext http, DemoLms lms, int page, int perPage, string sizeParameter, string rel)
    {
        var query = new StringBuilder();
        foreach (var (key, values) in http.Request.Query)
        {
            if (key is "page" || key == sizeParameter)
            {
                continue;
            }

            foreach (var value in values)
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value ?? ""));
            }
        }

        query.Append(query.Length == 0 ? '?' : '&').Append("page=").Append(page.ToString(CultureInfo.InvariantCulture))
            .Append('&').Append(sizeParameter).Append('=').Append(perPage.ToString(CultureInfo.InvariantCulture));
        return $"<{new Uri(lms.Options.Origin, http.Request.Path).AbsoluteUri}{query}>; rel=\"{rel}\"";
    }
}
