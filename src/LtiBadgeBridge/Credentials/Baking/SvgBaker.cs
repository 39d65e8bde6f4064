using System.Xml;
using System.Xml.Linq;

namespace LtiBadgeBridge.Credentials.Baking;

/// <summary>
/// Bakes a credential into an SVG (OB 3.0 §5.3.2): an <c>&lt;openbadges:credential&gt;</c> element
/// (namespace <c>https://purl.imsglobal.org/ob/v3p0</c>) as the first child of the root, holding the JSON
/// credential as CDATA, or a VC-JWT in its <c>verify</c> attribute. OB 2.0 uses <c>&lt;openbadges:assertion&gt;</c>
/// in <c>http://openbadges.org</c> with the assertion JSON as CDATA and its URL in <c>verify</c>.
/// </summary>
public static class SvgBaker
{
    public static readonly XNamespace Ob3Namespace = "https://purl.imsglobal.org/ob/v3p0";
    public static readonly XNamespace Ob2Namespace = "http://openbadges.org";

    /// <summary>Bakes an OB 3.0 credential: <paramref name="text"/> is JSON or a compact JWS.</summary>
    public static string Bake(string svg, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var element = new XElement(Ob3Namespace + "credential");
        if (trimmed.StartsWith('{'))
        {
            element.Add(Content(trimmed));
        }
        else
        {
            element.SetAttributeValue("verify", trimmed);
        }

        return Insert(svg, element, Ob3Namespace);
    }

    /// <summary>Bakes an OB 2.0 hosted assertion (its JSON, and its URL as <c>verify</c>).</summary>
    public static string BakeOb2(string svg, string assertionJson, Uri assertionUrl)
    {
        ArgumentNullException.ThrowIfNull(assertionJson);
        ArgumentNullException.ThrowIfNull(assertionUrl);
        var element = new XElement(Ob2Namespace + "assertion", new XAttribute("verify", assertionUrl.AbsoluteUri), Content(assertionJson));
        return Insert(svg, element, Ob2Namespace);
    }

    /// <summary>The baked OB 3.0 text (JSON or JWS), or null when the SVG carries none.</summary>
    public static string? Read(string svg) => ReadFrom(svg, Ob3Namespace + "credential");

    /// <summary>The baked OB 2.0 assertion JSON (or its verify URL when it has no body), or null.</summary>
    public static string? ReadOb2(string svg) => ReadFrom(svg, Ob2Namespace + "assertion");

    private static string? ReadFrom(string svg, XName name)
    {
        var element = Parse(svg).Root?.Element(name);
        if (element is null)
        {
            return null;
        }

        var body = element.Value.Trim();
        return body.Length > 0 ? body : element.Attribute("verify")?.Value;
    }

    private static XNode Content(string json) =>
        json.Contains("]]>", StringComparison.Ordinal) ? new XText(json) : new XCData(json);

    private static string Insert(string svg, XElement element, XNamespace ns)
    {
        var document = Parse(svg);
        var root = document.Root ?? throw new FormatException("The SVG has no root element.");
        root.Elements(element.Name).Remove();
        if (root.GetPrefixOfNamespace(ns) != "openbadges")
        {
            root.SetAttributeValue(XNamespace.Xmlns + "openbadges", ns.NamespaceName);
        }

        root.AddFirst(element);
        return document.Declaration is null
            ? document.ToString(SaveOptions.DisableFormatting)
            : document.Declaration + document.ToString(SaveOptions.DisableFormatting);
    }

    private static XDocument Parse(string svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersInDocument = 16 * 1024 * 1024 };
        using var reader = XmlReader.Create(new StringReader(svg), settings);
        try
        {
            return XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            throw new FormatException("Not a well-formed SVG document.", e);
        }
    }
}
