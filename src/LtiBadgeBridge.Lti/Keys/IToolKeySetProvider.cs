namespace LtiBadgeBridge.Lti.Keys;

/// <summary>Supplies the tool's current key set (the host loads, decrypts and rotates keys).</summary>
public interface IToolKeySetProvider
{
    ValueTask<ToolKeySet> GetKeySetAsync(CancellationToken cancellationToken);
}

/// <summary>A provider over a fixed key set.</summary>
public sealed class StaticToolKeySetProvider(ToolKeySet keySet) : IToolKeySetProvider
{
    public ValueTask<ToolKeySet> GetKeySetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(keySet);
}
