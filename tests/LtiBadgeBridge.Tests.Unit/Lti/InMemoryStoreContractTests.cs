using LtiBadgeBridge.Lti.Login;
using LtiBadgeBridge.Lti.Platforms;
using LtiBadgeBridge.Testing.Lti;

namespace LtiBadgeBridge.Tests.Unit.Lti;

/// <summary>The store contract run against the in-memory stores the protocol tests use.</summary>
public sealed class InMemoryStoreContractTests : LtiStoreContract
{
    protected override Task<ILtiNonceStore> CreateNonceStoreAsync() => Task.FromResult<ILtiNonceStore>(new InMemoryNonceStore());

    protected override Task<ILtiRegistrationStore> CreateRegistrationStoreAsync()
    {
        var store = new InMemoryRegistrationStore();
        store.Add(Registration);
        return Task.FromResult<ILtiRegistrationStore>(store);
    }
}
