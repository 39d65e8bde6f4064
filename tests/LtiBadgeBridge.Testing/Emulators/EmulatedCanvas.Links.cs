using System.Text;
using WireMock;

namespace LtiBadgeBridge.Testing.Emulators;

public sealed partial class EmulatedCanvas
{
    private const string ForeignHost = "http://canvas.elsewhere.example";

    /// <summary>Writes the <c>Link</c> header: current, next, prev, first and (optionally) last.</summary>
    private void AddLinks(WireMock.ResponseMessage response, IRequestMessage request, Paging paging, int total, bool opaque)
    {
        var lastPage = Math.Max(1, (total + paging.PerPage - 1) / paging.PerPage);
        var links = new StringBuilder();
        Append(links, request, paging.Page, paging.PerPage, "current", opaque, foreign: false);
        if (paging.Page < lastPage)
        {
            Append(links, request, paging.Page + 1, paging.PerPage, "next", opaque, foreign: Options.ForeignNextLinkOnPage == paging.Page);
        }

        if (paging.Page > 1)
        {
            Append(links, request, paging.Page - 1, paging.PerPage, "prev", opaque, foreign: false);
        }

        Append(links, request, 1, paging.PerPage, "first", opaque, foreign: false);
        if (Options.IncludeLastLink)
        {
            Append(links, request, lastPage, paging.PerPage, "last", opaque, foreign: false);
        }

        response.AddHeader(Options.LinkHeaderName, links.ToString());
    }

    private void Append(StringBuilder links, IRequestMessage request, int page, int perPage, string rel, bool opaque, bool foreign)
    {
        var query = new StringBuilder();
        foreach (var (key, value) in EmulatorHttp.RawQuery(request))
        {
            var decoded = EmulatorHttp.Decode(key);
            if (decoded is "page" or "per_page")
            {
                continue;
            }

            query.Append(key).Append('=').Append(value).Append('&');
        }

        query.Append("page=").Append(Uri.EscapeDataString(Paging.PageToken(page, opaque)))
            .Append("&per_page=").Append(perPage);
        var origin = foreign ? ForeignHost : BaseUrl.GetLeftPart(UriPartial.Authority);
        if (links.Length > 0)
        {
            links.Append(',');
        }

        links.Append('<').Append(origin).Append(request.Path).Append('?').Append(query).Append(">; rel=\"").Append(rel).Append('"');
    }
}
