using System.Globalization;
using System.Text;

namespace LtiBadgeBridge.Credentials.Rdf;

/// <summary>A line-oriented N-Quads reader (RDF 1.1 N-Quads). Duplicate quads are kept once.</summary>
public static class NQuadsParser
{
    /// <summary>Parses a whole document; throws <see cref="FormatException"/> naming the line on bad input.</summary>
    public static IReadOnlyList<Quad> Parse(string text)
    {
        var quads = new List<Quad>();
        var seen = new HashSet<Quad>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var reader = new LineReader(rawLine.TrimEnd('\r'), lineNumber);
            reader.SkipWhitespace();
            if (reader.AtEndOrComment)
            {
                continue;
            }

            var subject = reader.ReadTerm(allowLiteral: false);
            reader.SkipWhitespace();
            var predicate = reader.ReadTerm(allowLiteral: false);
            reader.SkipWhitespace();
            var obj = reader.ReadTerm(allowLiteral: true);
            reader.SkipWhitespace();
            RdfTerm? graph = null;
            if (!reader.Peek('.'))
            {
                graph = reader.ReadTerm(allowLiteral: false);
                reader.SkipWhitespace();
            }

            reader.Expect('.');
            reader.SkipWhitespace();
            if (!reader.AtEndOrComment)
            {
                throw reader.Error("unexpected text after '.'");
            }

            var quad = new Quad(subject, predicate, obj, graph);
            if (seen.Add(quad))
            {
                quads.Add(quad);
            }
        }

        return quads;
    }

    private ref struct LineReader(string line, int lineNumber)
    {
        private int _position;

        public readonly bool AtEndOrComment => _position >= line.Length || line[_position] == '#';

        public void SkipWhitespace()
        {
            while (_position < line.Length && (line[_position] == ' ' || line[_position] == '\t'))
            {
                _position++;
            }
        }

        public readonly bool Peek(char c) => _position < line.Length && line[_position] == c;

        public void Expect(char c)
        {
            if (!Peek(c))
            {
                throw Error($"expected '{c}'");
            }

            _position++;
        }

        public readonly FormatException Error(string message) =>
            new($"N-Quads line {lineNumber}, column {_position + 1}: {message}.");

        public RdfTerm ReadTerm(bool allowLiteral)
        {
            if (Peek('<'))
            {
                return RdfTerm.Iri(ReadIri());
            }

            if (Peek('_'))
            {
                _position++;
                Expect(':');
                var start = _position;
                while (_position < line.Length && !char.IsWhiteSpace(line[_position]) && line[_position] != '.')
                {
                    _position++;
                }

                // A label may contain '.' but not end with it.
                while (_position < line.Length && line[_position] == '.' && _position + 1 < line.Length && !char.IsWhiteSpace(line[_position + 1]))
                {
                    _position++;
                    while (_position < line.Length && !char.IsWhiteSpace(line[_position]) && line[_position] != '.')
                    {
                        _position++;
                    }
                }

                if (_position == start)
                {
                    throw Error("empty blank node label");
                }

                return RdfTerm.Blank(line[start.._position]);
            }

            if (allowLiteral && Peek('"'))
            {
                var lexical = ReadString();
                if (Peek('@'))
                {
                    _position++;
                    var start = _position;
                    while (_position < line.Length && (char.IsAsciiLetterOrDigit(line[_position]) || line[_position] == '-'))
                    {
                        _position++;
                    }

                    return RdfTerm.Literal(lexical, language: line[start.._position]);
                }

                if (Peek('^'))
                {
                    _position++;
                    Expect('^');
                    return RdfTerm.Literal(lexical, ReadIri());
                }

                return RdfTerm.Literal(lexical);
            }

            throw Error("expected a term");
        }

        private string ReadIri()
        {
            Expect('<');
            var builder = new StringBuilder();
            while (true)
            {
                if (_position >= line.Length)
                {
                    throw Error("unterminated IRI");
                }

                var c = line[_position++];
                if (c == '>')
                {
                    return builder.ToString();
                }

                if (c == '\\')
                {
                    ReadUnicodeEscape(builder);
                }
                else
                {
                    builder.Append(c);
                }
            }
        }

        private string ReadString()
        {
            Expect('"');
            var builder = new StringBuilder();
            while (true)
            {
                if (_position >= line.Length)
                {
                    throw Error("unterminated string");
                }

                var c = line[_position++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (_position >= line.Length)
                {
                    throw Error("bad escape");
                }

                switch (line[_position])
                {
                    case 't': builder.Append('\t'); _position++; break;
                    case 'b': builder.Append('\b'); _position++; break;
                    case 'n': builder.Append('\n'); _position++; break;
                    case 'r': builder.Append('\r'); _position++; break;
                    case 'f': builder.Append('\f'); _position++; break;
                    case '"': builder.Append('"'); _position++; break;
                    case '\'': builder.Append('\''); _position++; break;
                    case '\\': builder.Append('\\'); _position++; break;
                    default: ReadUnicodeEscape(builder); break;
                }
            }
        }

        private void ReadUnicodeEscape(StringBuilder builder)
        {
            var length = Peek('u') ? 4 : Peek('U') ? 8 : throw Error("bad escape");
            _position++;
            if (_position + length > line.Length ||
                !int.TryParse(line.AsSpan(_position, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var codePoint))
            {
                throw Error("bad unicode escape");
            }

            _position += length;
            builder.Append(char.ConvertFromUtf32(codePoint));
        }
    }
}
