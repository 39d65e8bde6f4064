using System.Data.Common;
using Dapper;

namespace LtiBadgeBridge.Gradebook;

/// <summary>
/// Publishes <c>post-score</c> in the producer's transaction: issuance when it stores credentials, revocation when
/// it revokes one. Repeats are no-ops (the dedupe key is unique), so a retried batch adds nothing.
/// </summary>
public static class GradebookOutbox
{
    private const int RowsPerStatement = 50;

    /// <summary>Enqueues one <c>post-score</c> of <paramref name="scoreEvent"/> per award.</summary>
    public static async Task EnqueueAsync(
        DbConnection connection, DbTransaction? transaction, IReadOnlyList<(long PlatformId, long AwardId)> awards, string scoreEvent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(awards);
        foreach (var chunk in awards.Chunk(RowsPerStatement))
        {
            var parameters = new DynamicParameters();
            parameters.Add("kind", GradebookKinds.PostScore);
            parameters.Add("now", now);
            var values = new List<string>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                parameters.Add("p" + i, chunk[i].PlatformId);
                parameters.Add("k" + i, GradebookKinds.DedupeKey(chunk[i].AwardId, scoreEvent));
                parameters.Add("j" + i, GradebookKinds.Payload(chunk[i].AwardId));
                values.Add($"(@p{i}, @kind, @k{i}, @j{i}, @now, @now)");
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO outbox (platform_id, kind, dedupe_key, payload, created_at, available_at) VALUES " + string.Join(", ", values) +
                " ON CONFLICT (dedupe_key) DO NOTHING",
                parameters, transaction, cancellationToken: cancellationToken));
        }
    }
}
