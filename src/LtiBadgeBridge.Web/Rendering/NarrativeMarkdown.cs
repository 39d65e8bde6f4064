using System.Globalization;
using System.Net;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace LtiBadgeBridge.Web.Rendering;

/// <summary>
/// Renders an achievement's criteria narrative (Open Badges 3.0 <c>Criteria.narrative</c>, which "may be in
/// markdown") as a safe subset of HTML for the pages people see: paragraphs, line breaks, emphasis, inline
/// code, lists, headings (demoted below the page's own outline) and links to <c>http</c>, <c>https</c> and
/// <c>mailto</c> addresses only, marked <c>rel="nofollow noopener"</c>. Raw HTML is escaped, images become
/// their alternative text, and a link to any other scheme (<c>javascript:</c>, <c>data:</c>, relative) becomes
/// its text. Input past <see cref="MaxMarkdownLength"/> characters, or nested too deeply to parse, is shown as
/// escaped plain text with its line breaks, so the cost of a page stays bounded.
/// </summary>
/// <remarks>Only the display changes: the credential keeps the narrative as written.</remarks>
public static class NarrativeMarkdown
{
    /// <summary>The longest narrative rendered as Markdown; longer ones are shown as plain text.</summary>
    public const int MaxMarkdownLength = 20_000;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    /// <summary>
    /// The narrative as HTML; a <c>#</c> heading becomes <c>h<paramref name="topHeadingLevel"/></c> (each further
    /// <c>#</c> one level lower, at most <c>h6</c>).
    /// </summary>
    public static IHtmlContent ToHtml(string? markdown, int topHeadingLevel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topHeadingLevel, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(topHeadingLevel, 6);
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }

        if (markdown.Length > MaxMarkdownLength)
        {
            return PlainText(markdown);
        }

        try
        {
            return new HtmlString(Render(markdown, topHeadingLevel));
        }
        catch (ArgumentException)
        {
            // Markdig refuses input nested past its depth limit (parsing or rendering); such a narrative is shown as written.
            return PlainText(markdown);
        }
    }

    /// <summary>True for the link targets a narrative may carry: absolute <c>http</c>, <c>https</c> and <c>mailto</c> URLs.</summary>
    public static bool IsAllowedUrl(string? url) =>
        !string.IsNullOrWhiteSpace(url)
        && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto);

    private static string Render(string markdown, int topHeadingLevel)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        Replace<LinkInlineRenderer>(renderer, new SafeLinkRenderer());
        Replace<AutolinkInlineRenderer>(renderer, new SafeAutolinkRenderer());
        Replace<HeadingRenderer>(renderer, new DemotedHeadingRenderer(topHeadingLevel - 1));
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static HtmlString PlainText(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return new HtmlString("<p>" + string.Join("<br />\n", lines.Select(WebUtility.HtmlEncode)) + "</p>\n");
    }

    private static void Replace<TOld>(HtmlRenderer renderer, IMarkdownObjectRenderer replacement)
        where TOld : class, IMarkdownObjectRenderer
    {
        var renderers = renderer.ObjectRenderers;
        var index = renderers.FindIndex(r => r is TOld);
        if (index < 0)
        {
            throw new InvalidOperationException($"Markdig no longer registers {typeof(TOld).Name}; the narrative renderer must be updated.");
        }

        renderers[index] = replacement;
    }

    private static void WriteLink(HtmlRenderer renderer, string href, string? title)
    {
        renderer.Write("<a href=\"");
        renderer.WriteEscapeUrl(href);
        renderer.Write('"');
        if (!string.IsNullOrEmpty(title))
        {
            renderer.Write(" title=\"");
            renderer.WriteEscape(title);
            renderer.Write('"');
        }

        renderer.Write(" rel=\"nofollow noopener\">");
    }

    private sealed class SafeLinkRenderer : HtmlObjectRenderer<LinkInline>
    {
        protected override void Write(HtmlRenderer renderer, LinkInline obj)
        {
            var url = obj.GetDynamicUrl?.Invoke() ?? obj.Url;
            if (obj.IsImage || !IsAllowedUrl(url))
            {
                // An image shows its alternative text; a link to a refused address shows its text.
                renderer.WriteChildren(obj);
                return;
            }

            WriteLink(renderer, url!.Trim(), obj.Title);
            renderer.WriteChildren(obj);
            renderer.Write("</a>");
        }
    }

    private sealed class SafeAutolinkRenderer : HtmlObjectRenderer<AutolinkInline>
    {
        protected override void Write(HtmlRenderer renderer, AutolinkInline obj)
        {
            var href = obj.IsEmail ? "mailto:" + obj.Url : obj.Url;
            if (!IsAllowedUrl(href))
            {
                renderer.WriteEscape(obj.Url);
                return;
            }

            WriteLink(renderer, href, null);
            renderer.WriteEscape(obj.Url);
            renderer.Write("</a>");
        }
    }

    private sealed class DemotedHeadingRenderer(int offset) : HtmlObjectRenderer<HeadingBlock>
    {
        protected override void Write(HtmlRenderer renderer, HeadingBlock obj)
        {
            var tag = "h" + Math.Clamp(obj.Level + offset, 1, 6).ToString(CultureInfo.InvariantCulture);
            renderer.EnsureLine();
            renderer.Write('<').Write(tag).Write('>');
            renderer.WriteLeafInline(obj);
            renderer.Write("</").Write(tag).Write('>');
            renderer.EnsureLine();
        }
    }
}
