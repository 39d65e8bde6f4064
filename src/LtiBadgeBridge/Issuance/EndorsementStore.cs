using System.Text.Json.Nodes;
using Dapper;
using LtiBadgeBridge.Data;

namespace LtiBadgeBridge.Issuance;

/// <summary>
/// The <c>endorsements</c> table: verified EndorsementCredentials of an achievement or of the issuer. One row per
/// (registration, target, endorsement id); storing the same endorsement again is a no-op.
/// </summary>
public sealed class EndorsementStore(Database database)
{
    private const string Columns =
        "id, platform_id, achievement_id, credential_id, format, content, endorser_id, endorser_name, valid_from, valid_until, created_at";

    /// <summary>Stores the endorsement; false when the same endorsement of the same target is already stored.</summary>
    public async Task<bool> AddAsync(EndorsementRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO endorsements (platform_id, achievement_id, credential_id, format, content, endorser_id, endorser_name, valid_from, valid_until, created_at)
            VALUES (@PlatformId, @AchievementId, @CredentialId, @Format, @Content, @EndorserId, @EndorserName, @ValidFrom, @ValidUntil, @CreatedAt)
            ON CONFLICT DO NOTHING
            """,
            record, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>The endorsements of a registration (its issuer's and its achievements'), oldest first.</summary>
    public async Task<IReadOnlyList<EndorsementRecord>> ListAsync(long platformId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<EndorsementRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM endorsements WHERE platform_id = @platformId ORDER BY id", new { platformId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Every endorsement, oldest first (the operator's list).</summary>
    public async Task<IReadOnlyList<EndorsementRecord>> ListAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<EndorsementRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM endorsements ORDER BY id", cancellationToken: cancellationToken))).AsList();
    }

    public async Task<bool> RemoveAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM endorsements WHERE id = @id", new { id }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>
    /// What to embed now for a registration: the endorsements still valid at <paramref name="now"/>, those of the
    /// issuer under key 0 and those of each achievement under its id, parsed once. A JSON endorsement is embedded as
    /// stored, except that a single <c>proof</c> object becomes a one-element array.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, EmbeddedEndorsements>> CurrentAsync(long platformId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, EmbeddedEndorsements>();
        foreach (var record in await ListAsync(platformId, cancellationToken))
        {
            if (record.ValidUntil is { } until && until <= now)
            {
                continue;
            }

            var key = record.AchievementId ?? 0;
            var current = result.GetValueOrDefault(key) ?? EmbeddedEndorsements.None;
            if (record.Format == EndorsementFormats.Jwt)
            {
                result[key] = current with { Jwts = [.. current.Jwts, record.Content] };
            }
            else if (JsonNode.Parse(record.Content) is JsonObject json)
            {
                // proof as a one-element set: the same JSON-LD (proof is a @graph container), and the formal
                // 1EdTech schema of an embedded EndorsementCredential accepts only the array form.
                if (json["proof"] is JsonObject proof)
                {
                    json["proof"] = new JsonArray(proof.DeepClone());
                }

                result[key] = current with { Json = [.. current.Json, json] };
            }
        }

        return result;
    }
}
