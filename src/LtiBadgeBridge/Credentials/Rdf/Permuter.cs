namespace LtiBadgeBridge.Credentials.Rdf;

/// <summary>Steinhaus-Johnson-Trotter permutations, starting from the sorted list.</summary>
internal sealed class Permuter
{
    private readonly string[] _current;
    private readonly Dictionary<string, bool> _movesLeft;

    public Permuter(List<string> items)
    {
        _current = [.. items];
        Array.Sort(_current, StringComparer.Ordinal);
        _movesLeft = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var item in _current)
        {
            _movesLeft[item] = true;
        }
    }

    public bool HasNext { get; private set; } = true;

    public string[] Next()
    {
        var result = (string[])_current.Clone();
        string? largest = null;
        var position = 0;
        for (var i = 0; i < _current.Length; i++)
        {
            var element = _current[i];
            var left = _movesLeft[element];
            var mobile = left
                ? i > 0 && string.CompareOrdinal(element, _current[i - 1]) > 0
                : i < _current.Length - 1 && string.CompareOrdinal(element, _current[i + 1]) > 0;
            if (mobile && (largest is null || string.CompareOrdinal(element, largest) > 0))
            {
                largest = element;
                position = i;
            }
        }

        if (largest is null)
        {
            HasNext = false;
            return result;
        }

        var swap = _movesLeft[largest] ? position - 1 : position + 1;
        _current[position] = _current[swap];
        _current[swap] = largest;
        foreach (var element in _current)
        {
            if (string.CompareOrdinal(element, largest) > 0)
            {
                _movesLeft[element] = !_movesLeft[element];
            }
        }

        return result;
    }
}
