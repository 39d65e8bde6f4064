using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using LtiBadgeBridge.Credentials.Jwt;
using LtiBadgeBridge.Credentials.JsonLd;
using LtiBadgeBridge.Credentials.Ob3;
using LtiBadgeBridge.Credentials.StatusList;
using LtiBadgeBridge.Data;
using LtiBadgeBridge.Keys;
using LtiBadgeBridge.Outbox;
using Microsoft.Extensions.Logging;

namespace LtiBadgeBridge.Issuance;

/// <summary>
/// Turns claimed <c>issue-credential</c> intents into credentials, a batch at a time: load the awards, skip those
/// already issued, allocate status slots, build and sign (VC-JWT ES256 always, Data Integrity when the contexts are
/// cached), then insert every row and mark every intent processed in ONE transaction (rows go in by chunks of
/// <see cref="InsertChunk"/>, each inserted while the next is signed). The insert is
/// <c>ON CONFLICT DO NOTHING</c> (award_id and the deterministic credential id are both unique), so a retry after a crash (between signing and commit, or after commit
/// before the intent was marked), a duplicate intent or a concurrent worker all end with exactly one credential.
/// </summary>
public sealed partial class CredentialIssuer(
    Database database,
    IssuanceSettings settings,
    IssuerProfileStore issuers,
    IssuerKeyService keys,
    StatusListStore statusLists,
    EndorsementStore endorsements,
    VcJwtSigner jwtSigner,
    DataIntegritySigner diSigner,
    TimeProvider timeProvider,
    ILogger<CredentialIssuer> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const int InsertChunk = 64;

    /// <summary>Time per stage, summed over the batches of this process.</summary>
    public IssuanceStageTimes Stages { get; } = new();

    /// <summary>Issues for the claimed messages and marks them processed (malformed payloads are marked failed).</summary>
    public async Task<IssuanceBatchResult> IssueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var byAward = new Dictionary<long, List<long>>();
        var malformed = new List<long>();
        foreach (var message in messages)
        {
            if (ReadAwardId(message.Payload) is { } awardId)
            {
                (byAward.TryGetValue(awardId, out var ids) ? ids : byAward[awardId] = []).Add(message.Id);
            }
            else
            {
                malformed.Add(message.Id);
            }
        }

        IReadOnlyList<AwardRow> awards;
        HashSet<long> existing;
        var started = Stopwatch.GetTimestamp();
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            awards = await LoadAwardsAsync(connection, byAward.Keys, cancellationToken);
            existing = await CredentialStore.ExistingAwardsAsync(connection, byAward.Keys, cancellationToken);
        }

        Stages.AddLoad(started);
        var toIssue = awards.Where(a => a.State == "earned" && !existing.Contains(a.AwardId)).ToList();
        var rows = new List<CredentialRecord>(toIssue.Count);
        var withoutDi = 0;
        started = Stopwatch.GetTimestamp();
        var platforms = new List<PlatformSigning>();
        foreach (var platform in toIssue.GroupBy(a => a.PlatformId))
        {
            platforms.Add(await PrepareAsync(platform.Key, [.. platform], cancellationToken));
        }

        Stages.AddPrepare(started);
        var inserted = 0;
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            // A chunk is signed while the previous one is inserted, so the CPU and the database work at the same time.
            var pending = Task.FromResult(0);
            try
            {
                foreach (var platform in platforms)
                {
                    for (var offset = 0; offset < platform.Awards.Count; offset += InsertChunk)
                    {
                        started = Stopwatch.GetTimestamp();
                        var (chunkRows, skippedDi) = await SignChunkAsync(platform, offset, Math.Min(InsertChunk, platform.Awards.Count - offset), cancellationToken);
                        Stages.AddSign(started);
                        rows.AddRange(chunkRows);
                        withoutDi += skippedDi;
                        inserted += await pending;
                        pending = CredentialStore.InsertAsync(connection, transaction, chunkRows, cancellationToken);
                    }
                }

                started = Stopwatch.GetTimestamp();
                inserted += await pending;
            }
            finally
            {
                await Task.WhenAny(pending); // never leave an insert running on a connection being disposed
            }

            await Gradebook.GradebookOutbox.EnqueueAsync(connection, transaction, [.. rows.Select(r => (r.PlatformId, r.AwardId))], Gradebook.GradebookKinds.Issued, timeProvider.GetUtcNow(), cancellationToken);
            var processed = messages.Where(m => !malformed.Contains(m.Id)).Select(m => m.Id).ToList();
            if (processed.Count > 0)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE outbox SET processed_at = @now, locked_until = NULL, last_error = NULL WHERE " + SqlLists.In(connection, "id", "processed"),
                    new { processed = processed.ToArray(), now = timeProvider.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
            }

            await transaction.CommitAsync(cancellationToken);
        }

        Stages.AddStore(started);

        if (malformed.Count > 0)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE outbox SET locked_until = NULL, last_error = 'payload is not {\"awardId\":<number>}', available_at = @later WHERE " + SqlLists.In(connection, "id", "malformed"),
                new { malformed = malformed.ToArray(), later = timeProvider.GetUtcNow().AddDays(1) }, cancellationToken: cancellationToken));
        }

        var result = new IssuanceBatchResult
        {
            Processed = messages.Count - malformed.Count,
            Issued = inserted,
            AlreadyIssued = existing.Count + (rows.Count - inserted),
            Skipped = byAward.Count - existing.Count - toIssue.Count,
            WithoutDataIntegrity = withoutDi,
        };
        LogBatch(logger, result.Processed, result.Issued, result.AlreadyIssued, result.Skipped, result.WithoutDataIntegrity);
        return result;
    }

    /// <summary>What signing a platform's awards needs, read once per batch: issuer, keys, status slots, endorsements.</summary>
    private async Task<PlatformSigning> PrepareAsync(long platformId, List<AwardRow> awards, CancellationToken cancellationToken)
    {
        var issuer = await issuers.GetAsync(platformId, cancellationToken)
            ?? throw new InvalidOperationException($"Platform {platformId} has awards but no registration.");
        var now = timeProvider.GetUtcNow();
        return new PlatformSigning
        {
            PlatformId = platformId,
            Awards = awards,
            Issuer = issuer,
            JwtKey = await keys.ActiveAsync(platformId, KeyPurposes.CredentialJwt, cancellationToken),
            DiKey = settings.DataIntegrity ? await keys.ActiveAsync(platformId, KeyPurposes.CredentialDataIntegrity, cancellationToken) : null,
            Slots = await statusLists.AllocateAsync(platformId, awards.Count, cancellationToken),
            Endorsed = await endorsements.CurrentAsync(platformId, now, cancellationToken),
            Now = now,
        };
    }

    private async Task<(List<CredentialRecord> Rows, int WithoutDi)> SignChunkAsync(PlatformSigning p, int offset, int count, CancellationToken cancellationToken)
    {
        var (platformId, issuer, jwtKey, diKey, now) = (p.PlatformId, p.Issuer, p.JwtKey, p.DiKey, p.Now);
        var rows = new CredentialRecord?[count];
        var diFailed = 0;
        var errors = new ConcurrentBag<string>();

        await Parallel.ForAsync(0, count, new ParallelOptions { CancellationToken = cancellationToken }, async (n, ct) =>
        {
            var i = offset + n;
            var award = p.Awards[i];
            var salt = IdentityHash.NewSalt();
            var status = new StatusListEntry { StatusListCredential = settings.StatusListUrl(platformId, p.Slots[i].ListId), Index = p.Slots[i].Index };
            var (input, error) = AwardCredentialMapper.Map(award, issuer, settings, status, salt,
                text => p.Definitions.GetOrAdd(text, static t => Rules.Definitions.AchievementDefinitionReader.Read(t)));
            if (input is null)
            {
                errors.Add(error!);
                return;
            }

            if (p.Endorsed.GetValueOrDefault(award.AchievementId) is { } held)
            {
                input = input with { Achievement = input.Achievement with { Endorsements = held.Json, EndorsementJwts = held.Jwts } };
            }

            var credential = OpenBadgeCredentialBuilder.Build(input);
            var jwt = await jwtSigner.SignAsync(credential, issuer.Id, jwtKey, ct);
            string? jsonLd = null;
            if (diKey is not null && !p.ContextsMissing)
            {
                try
                {
                    jsonLd = (await diSigner.SignAsync(OpenBadgeCredentialBuilder.WithoutJwtEndorsements(credential), issuer.Id, diKey, ct)).Text;
                }
                catch (JsonLdException e)
                {
                    p.ContextsMissing = true;
                    errors.Add(e.Message);
                }
            }

            if (jsonLd is null && diKey is not null)
            {
                Interlocked.Increment(ref diFailed);
            }

            rows[n] = new CredentialRecord
            {
                PlatformId = platformId,
                AwardId = award.AwardId,
                CredentialId = input.Id,
                PublicId = NewPublicId(),
                Jwt = jwt.Jwt,
                JsonLd = jsonLd,
                StatusListId = p.Slots[i].ListId,
                StatusListIndex = p.Slots[i].Index,
                SigningKid = jwtKey.KeyId,
                DiKid = jsonLd is null ? null : diKey!.KeyId,
                Salt = salt,
                IssuedAt = now,
            };
        });

        foreach (var error in errors.Distinct(StringComparer.Ordinal))
        {
            LogNotSigned(logger, platformId, error);
        }

        return ([.. rows.OfType<CredentialRecord>()], diFailed);
    }

    private static async Task<IReadOnlyList<AwardRow>> LoadAwardsAsync(System.Data.Common.DbConnection connection, IReadOnlyCollection<long> awardIds, CancellationToken cancellationToken)
    {
        if (awardIds.Count == 0)
        {
            return [];
        }

        return (await connection.QueryAsync<AwardRow>(new CommandDefinition(
            $"""
            SELECT a.id AS award_id, a.platform_id, a.achievement_id, a.person_id, a.rule_version, a.state, a.result, a.evidence, a.earned_at,
                   COALESCE(v.definition, cv.definition) AS definition,
                   p.lti_user_id, p.email, p.name AS person_name
            FROM awards a
            JOIN achievements ach ON ach.id = a.achievement_id
            JOIN people p ON p.id = a.person_id
            LEFT JOIN achievement_versions v ON v.achievement_id = a.achievement_id AND v.version = a.rule_version
            LEFT JOIN achievement_versions cv ON cv.achievement_id = a.achievement_id AND cv.version = ach.current_version
            WHERE {SqlLists.In(connection, "a.id", "awardIds")}
            """,
            new { awardIds = awardIds.ToArray() },
            cancellationToken: cancellationToken))).AsList();
    }

    private static long? ReadAwardId(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<AwardPayload>(payload, Json)?.AwardId;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>16 random bytes, base64url (22 characters).</summary>
    public static string NewPublicId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    private sealed class PlatformSigning
    {
        public required long PlatformId { get; init; }
        public required List<AwardRow> Awards { get; init; }
        public required Credentials.Issuers.IssuerProfile Issuer { get; init; }
        public required Credentials.Issuers.IssuerSigningKey JwtKey { get; init; }
        public required Credentials.Issuers.IssuerSigningKey? DiKey { get; init; }
        public required IReadOnlyList<StatusSlot> Slots { get; init; }
        public required IReadOnlyDictionary<long, EmbeddedEndorsements> Endorsed { get; init; }
        public required DateTimeOffset Now { get; init; }
        public ConcurrentDictionary<string, Rules.Definitions.AchievementDocument> Definitions { get; } = new(StringComparer.Ordinal);

        // Set once a context is found missing: the remaining awards skip Data Integrity.
        public volatile bool ContextsMissing;
    }

    private sealed record AwardPayload(long? AwardId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Issuance batch: {Processed} intents, {Issued} issued, {AlreadyIssued} already issued, {Skipped} skipped, {WithoutDi} without Data Integrity")]
    private static partial void LogBatch(ILogger logger, int processed, int issued, int alreadyIssued, int skipped, int withoutDi);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Platform {PlatformId}: {Error}")]
    private static partial void LogNotSigned(ILogger logger, long platformId, string error);
}
