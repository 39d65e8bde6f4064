using LtiBadgeBridge.Credentials.Ob3;

namespace LtiBadgeBridge.Tests.Unit.Credentials.Ob3;

public sealed class CredentialIdsTests
{
    [Fact]
    public void NameBased_Rfc9562Example_MatchesTheRfc()
    {
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), CredentialIds.NameBased(dns, "www.example.com"));
    }

    [Fact]
    public void ForAward_DependsOnEveryPart_AndCannotBeShiftedBetweenParts()
    {
        var id = CredentialIds.ForAward("reg-1", "learner", "ach");

        Assert.Equal(id, CredentialIds.ForAward("reg-1", "learner", "ach"));
        Assert.NotEqual(id, CredentialIds.ForAward("reg-2", "learner", "ach"));
        Assert.NotEqual(id, CredentialIds.ForAward("reg-1", "learner", "ach2"));
        Assert.NotEqual(CredentialIds.ForAward("a|b", "c", "d"), CredentialIds.ForAward("a", "b|c", "d"));
        Assert.NotEqual(id, CredentialIds.ForLearner("reg-1", "learner"));
    }

    [Fact]
    public void IdentityHash_OpenBadgesExample_MatchesTheSpec()
    {
        // The example of the OB IdentityHash definition: 'a@example.com' salted with 'Kosher'.
        Assert.Equal("sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399", IdentityHash.Sha256("a@example.com", "Kosher"));
        Assert.Equal(IdentityHash.Sha256("a@example.com", "Kosher"), IdentityHash.Email(" A@Example.com ", "Kosher"));
    }
}
