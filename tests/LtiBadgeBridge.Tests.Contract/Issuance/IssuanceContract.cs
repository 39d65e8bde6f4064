using System.Text;
using LtiBadgeBridge.Credentials.Verification;
using LtiBadgeBridge.Issuance;
using LtiBadgeBridge.Keys;
using LtiBadgeBridge.Outbox;
using LtiBadgeBridge.Registrations;
using LtiBadgeBridge.Testing.Databases;
using LtiBadgeBridge.Testing.Issuance;

namespace LtiBadgeBridge.Tests.Contract.Issuance;

public abstract class IssuanceContract<TDatabase>(TDatabase fixture) : IClassFixture<TDatabase>
    where TDatabase : DatabaseFixture
{
    private async Task<(IssuanceHarness Harness, long PlatformId, IReadOnlyList<long> Awards)> ArrangeAsync(int awards, CancellationToken ct, bool dataIntegrity = true)
    {
        var harness = IssuanceHarness.Create(fixture.Database, dataIntegrity: dataIntegrity);
        var platform = await new PlatformStore(fixture.Database, TimeProvider.System).UpsertAsync(TestData.Canvas(), ct);
        var (courseId, achievementId) = await IssuanceSeed.AchievementAsync(fixture.Database, platform.Id, IssuanceSeed.PilotDefinition(), ct);
        var ids = await IssuanceSeed.AwardsAsync(fixture.Database, platform.Id, courseId, achievementId, awards, ct);
        return (harness, platform.Id, ids);
    }

    [Fact]
    public async Task Issue_IntentsDrained_OneVerifiableCredentialPerAwardInBothFormats()
    {
        var ct = TestContext.Current.CancellationToken;
        var (harness, platformId, awards) = await ArrangeAsync(3, ct);
        await using var _ = harness;
        await harness.PublishIssueAsync(platformId, awards, ct);

        Assert.Equal(3, await harness.DrainIssueAsync(ct));

        var store = harness.Get<CredentialStore>();
        foreach (var awardId in awards)
        {
            var record = Assert.IsType<CredentialRecord>(await store.FindByAwardAsync(awardId, ct));
            Assert.Equal("vc-jwt, data-integrity", record.Formats);
            foreach (var text in new[] { record.Jwt!, record.JsonLd! })
            {
                var result = await harness.Get<CredentialVerification>().VerifyAsync(Encoding.UTF8.GetBytes(text), ct);
                Assert.True(result.Standing == CredentialStanding.Verified, string.Join("; ", result.Problems));
            }
        }
    }

    [Fact]
    public async Task Issue_SameIntentsProcessedTwiceAndConcurrently_ExactlyOneCredentialPerAward()
    {
        var ct = TestContext.Current.CancellationToken;
        var (harness, platformId, awards) = await ArrangeAsync(20, ct, dataIntegrity: false);
        await using var _ = harness;
        await harness.PublishIssueAsync(platformId, awards, ct);
        var outbox = harness.Get<OutboxStore>();
        var messages = new List<OutboxMessage>();
        foreach (var awardId in awards)
        {
            messages.Add((await outbox.FindAsync(IssuanceKinds.IssueDedupeKey(awardId), ct))!);
        }

        // Four workers holding the same intents (a lease ran out, a duplicate dispatch), then a retry after the fact.
        var issuer = harness.Get<CredentialIssuer>();
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => issuer.IssueAsync(messages, ct), ct)));
        var retry = await issuer.IssueAsync(messages, ct);

        Assert.Equal(20, results.Sum(r => r.Issued));
        Assert.Equal(0, retry.Issued);
        Assert.Equal(20, retry.AlreadyIssued);
        var store = harness.Get<CredentialStore>();
        foreach (var awardId in awards)
        {
            Assert.Equal(1, await store.CountForAwardAsync(awardId, ct));
        }

        Assert.Equal(0, await harness.DrainIssueAsync(ct)); // every intent is marked processed
    }

    [Fact]
    public async Task Issue_CredentialId_IsDeterministicPerAward()
    {
        var ct = TestContext.Current.CancellationToken;
        var (harness, platformId, awards) = await ArrangeAsync(1, ct, dataIntegrity: false);
        await using var _ = harness;
        await harness.PublishIssueAsync(platformId, awards, ct);
        await harness.DrainIssueAsync(ct);

        var record = (await harness.Get<CredentialStore>().FindByAwardAsync(awards[0], ct))!;

        Assert.StartsWith("urn:uuid:", record.CredentialId, StringComparison.Ordinal);
        Assert.Equal(record.CredentialId, (string?)CredentialDocuments.Unsigned(record)!["id"]);
        Assert.Equal(22, record.PublicId.Length);
    }

    [Fact]
    public async Task AllocateStatusSlots_ConcurrentWorkers_NeverShareASlot()
    {
        var ct = TestContext.Current.CancellationToken;
        var (harness, platformId, _) = await ArrangeAsync(0, ct);
        await using var __ = harness;
        var store = harness.Get<StatusListStore>();

        var batches = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.AllocateAsync(platformId, 50, ct), ct)));

        var slots = batches.SelectMany(b => b).ToList();
        Assert.Equal(400, slots.Count);
        Assert.Equal(400, slots.Distinct().Count());
    }

    [Fact]
    public async Task KeyRotation_CredentialSignedBefore_StillVerifiesInBothFormats()
    {
        var ct = TestContext.Current.CancellationToken;
        var (harness, platformId, awards) = await ArrangeAsync(2, ct);
        await using var _ = harness;
        await harness.PublishIssueAsync(platformId, [awards[0]], ct);
        await harness.DrainIssueAsync(ct);
        var before = (await harness.Get<CredentialStore>().FindByAwardAsync(awards[0], ct))!;

        var keys = harness.Get<IssuerKeyService>();
        await keys.RotateAsync(platformId, KeyPurposes.CredentialJwt, ct);
        await keys.RotateAsync(platformId, KeyPurposes.CredentialDataIntegrity, ct);
        await harness.PublishIssueAsync(platformId, [awards[1]], ct);
        await harness.DrainIssueAsync(ct);
        var after = (await harness.Get<CredentialStore>().FindByAwardAsync(awards[1], ct))!;

        Assert.NotEqual(before.SigningKid, after.SigningKid);
        Assert.NotEqual(before.DiKid, after.DiKid);
        foreach (var text in new[] { before.Jwt!, before.JsonLd!, after.Jwt!, after.JsonLd! })
        {
            var result = await harness.Get<CredentialVerification>().VerifyAsync(Encoding.UTF8.GetBytes(text), ct);
            Assert.True(result.Standing == CredentialStanding.Verified, string.Join("; ", result.Problems));
        }
    }

    [Fact]
    public async Task Revoke_StatusBitSetAndCredentialReportsRevoked_SecondRevokeIsAlreadyRevoked()
    {
        var ct = TestContext.Current.CancellationToken;
        var (harness, platformId, awards) = await ArrangeAsync(2, ct, dataIntegrity: false);
        await using var _ = harness;
        await harness.PublishIssueAsync(platformId, awards, ct);
        await harness.DrainIssueAsync(ct);
        var store = harness.Get<CredentialStore>();
        var revoked = (await store.FindByAwardAsync(awards[0], ct))!;
        var kept = (await store.FindByAwardAsync(awards[1], ct))!;

        var result = await harness.Get<CredentialRevoker>().RevokeByPublicIdAsync(revoked.PublicId, "instructor-1", "Academic misconduct", ct);
        var again = await harness.Get<CredentialRevoker>().RevokeByPublicIdAsync(revoked.PublicId, "instructor-1", "again", ct);

        Assert.Equal(RevocationResult.Revoked, result.Code);
        Assert.Equal(RevocationResult.AlreadyRevoked, again.Code);
        var verification = harness.Get<CredentialVerification>();
        Assert.Equal(CredentialStanding.Revoked, (await verification.VerifyAsync(Encoding.UTF8.GetBytes(revoked.Jwt!), ct)).Standing);
        Assert.Equal(CredentialStanding.Verified, (await verification.VerifyAsync(Encoding.UTF8.GetBytes(kept.Jwt!), ct)).Standing);
        Assert.Equal("Academic misconduct", (await store.FindByPublicIdAsync(revoked.PublicId, ct))!.RevocationReason);
    }

    [Fact]
    public async Task RevokeIntent_AwardRevokedByInstructor_CredentialRevokedWithTheAwardsReasonAndAudited()
    {
        var ct = TestContext.Current.CancellationToken;
        var (harness, platformId, awards) = await ArrangeAsync(1, ct, dataIntegrity: false);
        await using var _ = harness;
        await harness.PublishIssueAsync(platformId, awards, ct);
        await harness.DrainIssueAsync(ct);
        await using (var connection = await fixture.Database.OpenAsync(ct))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, new Dapper.CommandDefinition(
                "UPDATE awards SET state = 'revoked', revoked_by = 'instructor-9', revoked_reason = 'Plagiarism' WHERE id = @id", new { id = awards[0] }, cancellationToken: ct));
        }

        await harness.Get<OutboxStore>().EnqueueAsync(platformId, IssuanceKinds.RevokeCredential, IssuanceKinds.RevokeDedupeKey(awards[0]), IssuanceKinds.Payload(awards[0]), ct);
        Assert.Equal(1, await harness.Get<RevokeCredentialHandler>().ProcessBatchAsync(ct));
        Assert.Equal(0, await harness.Get<RevokeCredentialHandler>().ProcessBatchAsync(ct));

        var record = (await harness.Get<CredentialStore>().FindByAwardAsync(awards[0], ct))!;
        Assert.NotNull(record.RevokedAt);
        Assert.Equal("Plagiarism", record.RevocationReason);
        Assert.Equal(CredentialStanding.Revoked, (await harness.Get<CredentialVerification>().VerifyAsync(Encoding.UTF8.GetBytes(record.Jwt!), ct)).Standing);
        var audit = await harness.Get<LtiBadgeBridge.Audit.AuditLog>().ListAsync(platformId, 10, ct);
        Assert.Contains(audit, e => e.Action == CredentialRevoker.AuditAction && e.Actor == "instructor-9" && e.Target == record.PublicId);
    }

    [Fact]
    public async Task Issue_AwardNotEarned_NoCredentialAndIntentSettled()
    {
        var ct = TestContext.Current.CancellationToken;
        var harness = IssuanceHarness.Create(fixture.Database, dataIntegrity: false);
        await using var _ = harness;
        var platform = await new PlatformStore(fixture.Database, TimeProvider.System).UpsertAsync(TestData.Canvas(), ct);
        var (courseId, achievementId) = await IssuanceSeed.AchievementAsync(fixture.Database, platform.Id, IssuanceSeed.PilotDefinition(), ct);
        var awards = await IssuanceSeed.AwardsAsync(fixture.Database, platform.Id, courseId, achievementId, 1, ct, state: "pending_approval");
        await harness.PublishIssueAsync(platform.Id, awards, ct);

        Assert.Equal(1, await harness.DrainIssueAsync(ct));

        Assert.Null(await harness.Get<CredentialStore>().FindByAwardAsync(awards[0], ct));
    }

    [Fact]
    public async Task Issue_ContextsMissing_VcJwtStillIssuedWithoutDataIntegrity()
    {
        var ct = TestContext.Current.CancellationToken;
        var platform = await new PlatformStore(fixture.Database, TimeProvider.System).UpsertAsync(TestData.Canvas(), ct);
        var (courseId, achievementId) = await IssuanceSeed.AchievementAsync(fixture.Database, platform.Id, IssuanceSeed.PilotDefinition(), ct);
        var awards = await IssuanceSeed.AwardsAsync(fixture.Database, platform.Id, courseId, achievementId, 1, ct);
        await using var harness = IssuanceHarness.Create(fixture.Database, importContexts: false);
        await harness.PublishIssueAsync(platform.Id, awards, ct);

        await harness.DrainIssueAsync(ct);

        var record = (await harness.Get<CredentialStore>().FindByAwardAsync(awards[0], ct))!;
        Assert.Equal("vc-jwt", record.Formats);
        Assert.Null(record.DiKid);
    }
}

public sealed class IssuanceOnSqlite(SqliteDatabase fixture) : IssuanceContract<SqliteDatabase>(fixture);

public sealed class IssuanceOnPostgres(PostgresDatabase fixture) : IssuanceContract<PostgresDatabase>(fixture);
