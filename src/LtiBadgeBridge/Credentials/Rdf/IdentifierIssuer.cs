namespace LtiBadgeBridge.Credentials.Rdf;

/// <summary>RDFC-1.0 identifier issuer: issues <c>prefix0</c>, <c>prefix1</c>... remembering the order.</summary>
internal sealed class IdentifierIssuer
{
    private readonly string _prefix;
    private readonly Dictionary<string, string> _issued;
    private readonly List<string> _order;

    public IdentifierIssuer(string prefix)
    {
        _prefix = prefix;
        _issued = new Dictionary<string, string>(StringComparer.Ordinal);
        _order = [];
    }

    private IdentifierIssuer(IdentifierIssuer other)
    {
        _prefix = other._prefix;
        _issued = new Dictionary<string, string>(other._issued, StringComparer.Ordinal);
        _order = [.. other._order];
    }

    /// <summary>Existing identifiers in the order they were issued.</summary>
    public IReadOnlyList<string> IssuedOrder => _order;

    public IReadOnlyDictionary<string, string> Issued => _issued;

    public bool TryGet(string existing, out string issued) => _issued.TryGetValue(existing, out issued!);

    public bool HasIssued(string existing) => _issued.ContainsKey(existing);

    public string Issue(string existing)
    {
        if (_issued.TryGetValue(existing, out var issued))
        {
            return issued;
        }

        issued = _prefix + _order.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _issued.Add(existing, issued);
        _order.Add(existing);
        return issued;
    }

    public IdentifierIssuer Clone() => new(this);
}
