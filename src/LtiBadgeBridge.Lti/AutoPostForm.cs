using System.Text;
using System.Text.Encodings.Web;

namespace LtiBadgeBridge.Lti;

/// <summary>An HTML page that posts a form to the platform as soon as it loads (with a button when scripts
/// are off). Every value is HTML-encoded.</summary>
public static class AutoPostForm
{
    public static string Render(Uri action, IEnumerable<KeyValuePair<string, string>> fields, string? scriptNonce = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(fields);
        var html = HtmlEncoder.Default;
        var page = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Returning to your course</title></head><body>")
            .Append("<form id=\"lti-auto-post\" method=\"post\" action=\"").Append(html.Encode(action.AbsoluteUri)).Append("\">");
        foreach (var (name, value) in fields)
        {
            page.Append("<input type=\"hidden\" name=\"").Append(html.Encode(name))
                .Append("\" value=\"").Append(html.Encode(value)).Append("\"/>");
        }

        page.Append("<noscript><button type=\"submit\">Continue</button></noscript></form><script");
        if (!string.IsNullOrEmpty(scriptNonce))
        {
            page.Append(" nonce=\"").Append(html.Encode(scriptNonce)).Append('"');
        }

        return page.Append(">document.getElementById('lti-auto-post').submit();</script></body></html>").ToString();
    }
}
