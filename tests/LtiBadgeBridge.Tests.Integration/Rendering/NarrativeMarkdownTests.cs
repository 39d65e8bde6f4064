using System.Text;
using LtiBadgeBridge.Web.Rendering;
using Microsoft.AspNetCore.Html;

namespace LtiBadgeBridge.Tests.Integration.Rendering;

/// <summary>The criteria narrative renderer on its own (no host): the safe subset, and hostile input that must not pass.</summary>
public sealed class NarrativeMarkdownTests
{
    private static string Html(string? markdown, int top = 4)
    {
        using var writer = new StringWriter();
        NarrativeMarkdown.ToHtml(markdown, top).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void ToHtml_ListsEmphasisCodeAndLineBreaks_AreRendered()
    {
        var html = Html("Earn **70 %** or *more*, then `submit`:\nby week 9\n\n- the capstone\n- the report\n\n1. first\n2. second");

        Assert.Contains("<strong>70 %</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>more</em>", html, StringComparison.Ordinal);
        Assert.Contains("<code>submit</code>", html, StringComparison.Ordinal);
        Assert.Contains("<br />", html, StringComparison.Ordinal);
        Assert.Contains("<ul>\n<li>the capstone</li>\n<li>the report</li>\n</ul>", html, StringComparison.Ordinal);
        Assert.Contains("<ol>\n<li>first</li>\n<li>second</li>\n</ol>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_Headings_AreDemotedBelowThePageOutline()
    {
        var html = Html("# Criteria\n## Capstone\n###### Fine print", top: 4);

        Assert.Contains("<h4>Criteria</h4>", html, StringComparison.Ordinal);
        Assert.Contains("<h5>Capstone</h5>", html, StringComparison.Ordinal);
        Assert.Contains("<h6>Fine print</h6>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[the repository](https://github.com/learner/capstone)", "https://github.com/learner/capstone", "the repository")]
    [InlineData("[course page](http://example.edu/cc)", "http://example.edu/cc", "course page")]
    [InlineData("[write to us](mailto:badges@example.edu)", "mailto:badges@example.edu", "write to us")]
    [InlineData("<https://example.edu/rubric>", "https://example.edu/rubric", "https://example.edu/rubric")]
    [InlineData("<badges@example.edu>", "mailto:badges@example.edu", "badges@example.edu")]
    public void ToHtml_HttpHttpsAndMailtoLinks_AreLinksMarkedNofollow(string markdown, string href, string text)
    {
        var html = Html(markdown);

        Assert.Contains($"<a href=\"{href}\" rel=\"nofollow noopener\">{text}</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](&#106;avascript:alert(1))")]
    [InlineData("[click](%6Aavascript:alert(1))")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[click](/admin)")]
    [InlineData("[click](//evil.example/x)")]
    [InlineData("[click][r]\n\n[r]: javascript:alert(1)")]
    public void ToHtml_LinkToAnotherScheme_IsItsTextOnly(string markdown)
    {
        var html = Html(markdown);

        Assert.DoesNotContain("<a", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
        Assert.Contains("click", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_AutolinkToJavascript_IsNotALink()
    {
        var html = Html("<javascript:alert(1)>");

        Assert.DoesNotContain("<a", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;")]
    [InlineData("Before <img src=x onerror=alert(1)> after", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("<div onclick=\"alert(1)\">block</div>", "&lt;div onclick=&quot;alert(1)&quot;&gt;")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "&lt;a href=&quot;javascript:alert(1)&quot;&gt;")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "&lt;iframe")]
    public void ToHtml_RawHtml_IsEscaped(string markdown, string escaped)
    {
        var html = Html(markdown);

        Assert.Contains(escaped, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<div", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("![the badge](https://example.edu/badge.png)")]
    [InlineData("![the badge](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)")]
    [InlineData("![the badge](javascript:alert(1))")]
    public void ToHtml_Image_IsItsAlternativeText(string markdown)
    {
        var html = Html(markdown);

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.Contains("the badge", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_TitleWithQuotes_CannotOpenAnAttribute()
    {
        var html = Html("[x](https://example.edu \"a\\\" onmouseover=\\\"alert(1)\")");

        Assert.Contains("<a href=\"https://example.edu\" title=\"a&quot; onmouseover=&quot;alert(1)\" rel=\"nofollow noopener\">x</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_UrlWithQuotesAndAngleBrackets_IsEscapedInTheAttribute()
    {
        var html = Html("[x](<https://example.edu/a\"onmouseover=alert(1)>)");

        Assert.DoesNotContain("\"onmouseover", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"nofollow noopener\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_NestedEmphasis_IsBalanced()
    {
        var html = Html("***all of it*** and **bold *with italic* inside**");

        Assert.Contains("<em><strong>all of it</strong></em>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bold <em>with italic</em> inside</strong>", html, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task ToHtml_PathologicalNestingWithinTheLimit_RendersEscaped()
    {
        var ct = TestContext.Current.CancellationToken;
        var third = (NarrativeMarkdown.MaxMarkdownLength / 3) - 10;
        var hostile = new string('[', third) + new string('*', third) + "<script>" + new string('>', third);

        var html = await Task.Run(() => Html(hostile), ct).WaitAsync(ct);

        Assert.True(hostile.Length <= NarrativeMarkdown.MaxMarkdownLength);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task ToHtml_DeeplyNestedBlocks_RenderWithoutFailing()
    {
        var ct = TestContext.Current.CancellationToken;
        var quotes = new string('>', 5_000) + " deep <b>";
        var lists = string.Concat(Enumerable.Range(0, 1_000).Select(i => new string(' ', i * 2) + "- item\n"));

        var quoted = await Task.Run(() => Html(quotes), ct).WaitAsync(ct);
        var listed = await Task.Run(() => Html(lists), ct).WaitAsync(ct);

        Assert.Contains("deep &lt;b&gt;", quoted, StringComparison.Ordinal);
        Assert.Contains("item", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", quoted, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_LongerThanTheLimit_IsEscapedPlainTextWithLineBreaks()
    {
        var builder = new StringBuilder("- not a list <script>alert(1)</script>\nsecond line [x](https://example.edu)\n");
        while (builder.Length <= NarrativeMarkdown.MaxMarkdownLength)
        {
            builder.Append("more words ");
        }

        var html = Html(builder.ToString());

        Assert.StartsWith("<p>- not a list &lt;script&gt;alert(1)&lt;/script&gt;<br />", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<ul>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void ToHtml_NoNarrative_IsEmpty(string? markdown)
    {
        Assert.Same(HtmlString.Empty, NarrativeMarkdown.ToHtml(markdown, 3));
    }
}
