using System.Security.Cryptography;
using System.Text;

namespace LtiBadgeBridge.Credentials.Rdf;

/// <summary>
/// RDF Dataset Canonicalization, RDFC-1.0 (W3C Recommendation 2024). Thread-safe: each call keeps its own state.
/// </summary>
public static class Rdfc10Canonicalizer
{
    /// <summary>Canonicalizes a dataset; throws <see cref="RdfcWorkLimitExceededException"/> on poison graphs.</summary>
    public static CanonicalDataset Canonicalize(IReadOnlyCollection<Quad> quads, Rdfc10Options? options = null)
    {
        var state = new State(options ?? Rdfc10Options.Default);
        return state.Run(quads);
    }

    private sealed class State(Rdfc10Options options)
    {
        private readonly Dictionary<string, List<Quad>> _blankNodeToQuads = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _firstDegreeHashes = new(StringComparer.Ordinal);
        private readonly IdentifierIssuer _canonicalIssuer = new("c14n");
        private int _work;

        public CanonicalDataset Run(IReadOnlyCollection<Quad> quads)
        {
            // Step 2: blank node to quads map.
            foreach (var quad in quads)
            {
                AddBlank(quad.Subject, quad);
                AddBlank(quad.Object, quad);
                if (quad.Graph is not null)
                {
                    AddBlank(quad.Graph, quad);
                }
            }

            // Step 3: first-degree hashes.
            var hashToBlankNodes = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var blankNode in _blankNodeToQuads.Keys)
            {
                var hash = HashFirstDegreeQuads(blankNode);
                if (!hashToBlankNodes.TryGetValue(hash, out var list))
                {
                    list = [];
                    hashToBlankNodes.Add(hash, list);
                }

                list.Add(blankNode);
            }

            // Step 4: unique hashes get canonical identifiers in hash order.
            var shared = new List<List<string>>();
            foreach (var (_, blankNodes) in hashToBlankNodes)
            {
                if (blankNodes.Count == 1)
                {
                    _canonicalIssuer.Issue(blankNodes[0]);
                }
                else
                {
                    shared.Add(blankNodes);
                }
            }

            // Step 5: shared hashes, resolved by N-degree hashing.
            foreach (var blankNodes in shared)
            {
                var results = new List<(string Hash, IdentifierIssuer Issuer)>();
                foreach (var blankNode in blankNodes)
                {
                    if (_canonicalIssuer.HasIssued(blankNode))
                    {
                        continue;
                    }

                    var temporaryIssuer = new IdentifierIssuer("b");
                    temporaryIssuer.Issue(blankNode);
                    results.Add(HashNDegreeQuads(blankNode, temporaryIssuer));
                }

                results.Sort((a, b) => string.CompareOrdinal(a.Hash, b.Hash));
                foreach (var (_, issuer) in results)
                {
                    foreach (var existing in issuer.IssuedOrder)
                    {
                        _canonicalIssuer.Issue(existing);
                    }
                }
            }

            // Step 6: relabel and sort.
            var lines = new List<string>(quads.Count);
            var builder = new StringBuilder(256);
            foreach (var quad in quads)
            {
                builder.Clear();
                NQuadsSerializer.AppendQuad(builder, new Quad(
                    Relabel(quad.Subject),
                    quad.Predicate,
                    Relabel(quad.Object),
                    quad.Graph is null ? null : Relabel(quad.Graph)));
                lines.Add(builder.ToString());
            }

            lines.Sort(StringComparer.Ordinal);
            var output = new StringBuilder(lines.Sum(l => l.Length));
            string? previous = null;
            foreach (var line in lines)
            {
                if (line != previous)
                {
                    output.Append(line);
                }

                previous = line;
            }

            return new CanonicalDataset
            {
                NQuads = output.ToString(),
                IssuedIdentifiers = new Dictionary<string, string>(_canonicalIssuer.Issued, StringComparer.Ordinal),
            };
        }

        private RdfTerm Relabel(RdfTerm term) =>
            term.IsBlankNode ? RdfTerm.Blank(_canonicalIssuer.Issue(term.Value)) : term;

        private void AddBlank(RdfTerm term, Quad quad)
        {
            if (!term.IsBlankNode)
            {
                return;
            }

            if (!_blankNodeToQuads.TryGetValue(term.Value, out var list))
            {
                list = [];
                _blankNodeToQuads.Add(term.Value, list);
            }

            if (list.Count == 0 || !ReferenceEquals(list[^1], quad))
            {
                list.Add(quad);
            }
        }

        private string HashFirstDegreeQuads(string referenceBlankNode)
        {
            if (_firstDegreeHashes.TryGetValue(referenceBlankNode, out var cached))
            {
                return cached;
            }

            var nquads = new List<string>();
            var builder = new StringBuilder(256);
            foreach (var quad in _blankNodeToQuads[referenceBlankNode])
            {
                builder.Clear();
                NQuadsSerializer.AppendQuad(builder, new Quad(
                    Mask(quad.Subject, referenceBlankNode),
                    quad.Predicate,
                    Mask(quad.Object, referenceBlankNode),
                    quad.Graph is null ? null : Mask(quad.Graph, referenceBlankNode)));
                nquads.Add(builder.ToString());
            }

            nquads.Sort(StringComparer.Ordinal);
            var hash = Hash(string.Concat(nquads));
            _firstDegreeHashes.Add(referenceBlankNode, hash);
            return hash;
        }

        private static RdfTerm Mask(RdfTerm term, string reference) =>
            !term.IsBlankNode ? term : RdfTerm.Blank(term.Value == reference ? "a" : "z");

        private string HashRelatedBlankNode(string related, Quad quad, IdentifierIssuer issuer, char position)
        {
            var builder = new StringBuilder(128);
            builder.Append(position);
            if (position != 'g')
            {
                builder.Append('<').Append(quad.Predicate.Value).Append('>');
            }

            if (_canonicalIssuer.TryGet(related, out var canonical))
            {
                builder.Append("_:").Append(canonical);
            }
            else if (issuer.TryGet(related, out var temporary))
            {
                builder.Append("_:").Append(temporary);
            }
            else
            {
                builder.Append(HashFirstDegreeQuads(related));
            }

            return Hash(builder.ToString());
        }

        private (string Hash, IdentifierIssuer Issuer) HashNDegreeQuads(string identifier, IdentifierIssuer issuer)
        {
            CountWork();
            var hashToRelated = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var quad in _blankNodeToQuads[identifier])
            {
                AddRelated(quad.Subject, 's');
                AddRelated(quad.Object, 'o');
                if (quad.Graph is not null)
                {
                    AddRelated(quad.Graph, 'g');
                }

                void AddRelated(RdfTerm term, char position)
                {
                    if (!term.IsBlankNode || term.Value == identifier)
                    {
                        return;
                    }

                    var hash = HashRelatedBlankNode(term.Value, quad, issuer, position);
                    if (!hashToRelated.TryGetValue(hash, out var list))
                    {
                        list = [];
                        hashToRelated.Add(hash, list);
                    }

                    list.Add(term.Value);
                }
            }

            var data = new StringBuilder();
            foreach (var (relatedHash, blankNodes) in hashToRelated)
            {
                data.Append(relatedHash);
                string? chosenPath = null;
                IdentifierIssuer? chosenIssuer = null;
                var permuter = new Permuter(blankNodes);
                while (permuter.HasNext)
                {
                    var permutation = permuter.Next();
                    CountWork();
                    var issuerCopy = issuer.Clone();
                    var path = new StringBuilder();
                    var recursionList = new List<string>();
                    var skip = false;
                    foreach (var related in permutation)
                    {
                        if (_canonicalIssuer.TryGet(related, out var canonical))
                        {
                            path.Append("_:").Append(canonical);
                        }
                        else
                        {
                            if (!issuerCopy.HasIssued(related))
                            {
                                recursionList.Add(related);
                            }

                            path.Append("_:").Append(issuerCopy.Issue(related));
                        }

                        if (IsWorse(path, chosenPath))
                        {
                            skip = true;
                            break;
                        }
                    }

                    if (skip)
                    {
                        continue;
                    }

                    foreach (var related in recursionList)
                    {
                        var result = HashNDegreeQuads(related, issuerCopy);
                        path.Append("_:").Append(issuerCopy.Issue(related));
                        path.Append('<').Append(result.Hash).Append('>');
                        issuerCopy = result.Issuer;
                        if (IsWorse(path, chosenPath))
                        {
                            skip = true;
                            break;
                        }
                    }

                    if (skip)
                    {
                        continue;
                    }

                    var pathString = path.ToString();
                    if (chosenPath is null || string.CompareOrdinal(pathString, chosenPath) < 0)
                    {
                        chosenPath = pathString;
                        chosenIssuer = issuerCopy;
                    }
                }

                data.Append(chosenPath);
                issuer = chosenIssuer!;
            }

            return (Hash(data.ToString()), issuer);
        }

        private static bool IsWorse(StringBuilder path, string? chosenPath) =>
            chosenPath is not null && path.Length >= chosenPath.Length &&
            string.CompareOrdinal(path.ToString(), chosenPath) > 0;

        private void CountWork()
        {
            if (++_work > options.MaxWork)
            {
                throw new RdfcWorkLimitExceededException(
                    $"RDFC-1.0 canonicalization exceeded its work limit of {options.MaxWork} steps; the dataset's blank nodes " +
                    "are too symmetric to canonicalize (a poison graph).");
            }
        }

        private string Hash(string data)
        {
            var bytes = Encoding.UTF8.GetBytes(data);
            var digest = options.HashAlgorithm == HashAlgorithmName.SHA384 ? SHA384.HashData(bytes)
                : options.HashAlgorithm == HashAlgorithmName.SHA256 ? SHA256.HashData(bytes)
                : throw new NotSupportedException($"RDFC-1.0 hash algorithm {options.HashAlgorithm.Name} is not supported.");
            return Convert.ToHexStringLower(digest);
        }
    }
}
