using System.Buffers.Text;
using System.Collections.Concurrent;
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
/// cached), then insert every row and mark every intent processed in ONE transaction. The insert is
/// <c>ON CONFLICT DO NOTHING</c> (award_id and the deterministic credential id are both unique), so a retry after a crash (between signing and commit, or after commit
/// before the intent was marked), a duplicate intent or a concurrent worker all end with exactly one credential.
/// </summary>
public sealed partial class CredentialIssuer(
    Database database,
    IssuanceSettings settings,
    IssuerProfileStore issuers,
    IssuerKeyService keys,
    StatusListStore statusLists,
    VcJwtSigner jwtSigner,
    DataIntegritySigner diSigner,
    TimeProvider timeProvider,
    ILogger<CredentialIssuer> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

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
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            awards = await LoadAwardsAsync(connection, byAward.Keys, cancellationToken);
            existing = await CredentialStore.ExistingAwardsAsync(connection, byAward.Keys, cancellationToken);
        }

        var toIssue = awards.Where(a => a.State == "earned" && !existing.Contains(a.AwardId)).ToList();
        var rows = new List<CredentialRecord>(toIssue.Count);
        var withoutDi = 0;
        foreach (var platform in toIssue.GroupBy(a => a.PlatformId))
        {
            var (platformRows, skippedDi) = await SignPlatformAsync(platform.Key, [.. platform], cancellationToken);
            rows.AddRange(platformRows);
            withoutDi += skippedDi;
        }

        int inserted;
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            inserted = await CredentialStore.InsertAsync(connection, transaction, rows, cancellationToken);
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

    private async Task<(List<CredentialRecord> Rows, int WithoutDi)> SignPlatformAsync(long platformId, List<AwardRow> awards, CancellationToken cancellationToken)
    {
        var issuer = await issuers.GetAsync(platformId, cancellationToken)
            ?? throw new InvalidOperationException($"Platform {platformId} has awards but no registration.");
        var jwtKey = await keys.ActiveAsync(platformId, KeyPurposes.CredentialJwt, cancellationToken);
        var diKey = settings.DataIntegrity ? await keys.ActiveAsync(platformId, KeyPurposes.CredentialDataIntegrity, cancellationToken) : null;
        var slots = await statusLists.AllocateAsync(platformId, awards.Count, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var rows = new CredentialRecord?[awards.Count];
        var diFailed = 0;
        var contextsMissing = false;
        var errors = new ConcurrentBag<string>();
        var definitions = new ConcurrentDictionary<string, Rules.Definitions.AchievementDocument>(StringComparer.Ordinal);

        await Parallel.ForAsync(0, awards.Count, new ParallelOptions { CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var award = awards[i];
            var salt = IdentityHash.NewSalt();
            var status = new StatusListEntry { StatusListCredential = settings.StatusListUrl(platformId, slots[i].ListId), Index = slots[i].Index };
            var (input, error) = AwardCredentialMapper.Map(award, issuer, settings, status, salt,
                text => definitions.GetOrAdd(text, static t => Rules.Definitions.AchievementDefinitionReader.Read(t)));
            if (input is null)
            {
                errors.Add(error!);
                return;
            }

            var credential = OpenBadgeCredentialBuilder.Build(input);
            var jwt = await jwtSigner.SignAsync(credential, issuer.Id, jwtKey, ct);
            string? jsonLd = null;
            if (diKey is not null && !Volatile.Read(ref contextsMissing))
            {
                try
                {
                    jsonLd = (await diSigner.SignAsync(credential, issuer.Id, diKey, ct)).Text;
                }
                catch (JsonLdException e)
                {
                    Volatile.Write(ref contextsMissing, true);
                    errors.Add(e.Message);
                }
            }

            if (jsonLd is null && diKey is not null)
            {
                Interlocked.Increment(ref diFailed);
            }

            rows[i] = new CredentialRecord
            {
                PlatformId = platformId,
                AwardId = award.AwardId,
                CredentialId = input.Id,
                PublicId = NewPublicId(),
                Jwt = jwt.Jwt,
                JsonLd = jsonLd,
                StatusListId = slots[i].ListId,
                StatusListIndex = slots[i].Index,
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

    private sealed record AwardPayload(long? AwardId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Issuance batch: {Processed} intents, {Issued} issued, {AlreadyIssued} already issued, {Skipped} skipped, {WithoutDi} without Data Integrity")]
    private static partial void LogBatch(ILogger logger, int processed, int issued, int alreadyIssued, int skipped, int withoutDi);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Platform {PlatformId}: {Error}")]
    private static partial void LogNotSigned(ILogger logger, long platformId, string error);
}
