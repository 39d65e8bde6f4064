using System.Text;

namespace LtiBadgeBridge.Credentials.Rdf;

/// <summary>Writes quads in canonical N-Quads form (RDFC-1.0 §4.1 / RDF 1.1 N-Quads canonical form).</summary>
public static class NQuadsSerializer
{
    /// <summary>One quad as a line, with the trailing <c>" .\n"</c>.</summary>
    public static string FormatQuad(Quad quad)
    {
        var builder = new StringBuilder(128);
        AppendQuad(builder, quad);
        return builder.ToString();
    }

    /// <summary>Appends one quad line (terminated by a newline).</summary>
    public static void AppendQuad(StringBuilder builder, Quad quad)
    {
        AppendTerm(builder, quad.Subject);
        builder.Append(' ');
        AppendTerm(builder, quad.Predicate);
        builder.Append(' ');
        AppendTerm(builder, quad.Object);
        if (quad.Graph is not null)
        {
            builder.Append(' ');
            AppendTerm(builder, quad.Graph);
        }

        builder.Append(" .\n");
    }

    /// <summary>Serializes all quads, in the given order.</summary>
    public static string Serialize(IEnumerable<Quad> quads)
    {
        var builder = new StringBuilder();
        foreach (var quad in quads)
        {
            AppendQuad(builder, quad);
        }

        return builder.ToString();
    }

    /// <summary>One term in N-Quads syntax.</summary>
    public static string FormatTerm(RdfTerm term)
    {
        var builder = new StringBuilder();
        AppendTerm(builder, term);
        return builder.ToString();
    }

    /// <summary>Appends one term in N-Quads syntax.</summary>
    public static void AppendTerm(StringBuilder builder, RdfTerm term)
    {
        switch (term.Kind)
        {
            case RdfTermKind.Iri:
                builder.Append('<').Append(term.Value).Append('>');
                break;
            case RdfTermKind.BlankNode:
                builder.Append("_:").Append(term.Value);
                break;
            default:
                builder.Append('"');
                AppendEscaped(builder, term.Value);
                builder.Append('"');
                if (term.Language is not null)
                {
                    builder.Append('@').Append(term.Language);
                }
                else if (term.Datatype is not null && term.Datatype != RdfVocabulary.XsdString)
                {
                    builder.Append("^^<").Append(term.Datatype).Append('>');
                }

                break;
        }
    }

    private static void AppendEscaped(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < 0x20 || c == 0x7F)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }
    }
}
