using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using LtiBadgeBridge.Data;

namespace LtiBadgeBridge.Issuance;

/// <summary>
/// The <c>credentials</c> table. Inserts are <c>ON CONFLICT DO NOTHING</c> (award_id and the deterministic credential id are both unique): whichever attempt commits
/// first wins and every later attempt for the same award (a retry, a duplicate or concurrent worker) is a no-op.
/// </summary>
public sealed class CredentialStore(Database database)
{
    private const string Columns =
        "id, platform_id, award_id, credential_id, public_id, json_ld, jwt, status_list_id, status_list_index, signing_kid, di_kid, salt, issued_at, revoked_at, revocation_reason, show_learner_name";

    private static readonly string[] InsertColumns =
        ["platform_id", "award_id", "credential_id", "public_id", "json_ld", "jwt", "status_list_id", "status_list_index", "signing_kid", "di_kid", "salt", "issued_at"];

    public async Task<CredentialRecord?> FindByPublicIdAsync(string publicId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CredentialRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM credentials WHERE public_id = @publicId", new { publicId }, cancellationToken: cancellationToken));
    }

    public async Task<CredentialRecord?> FindByAwardAsync(long awardId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CredentialRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM credentials WHERE award_id = @awardId", new { awardId }, cancellationToken: cancellationToken));
    }

    public async Task<int> CountForAwardAsync(long awardId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM credentials WHERE award_id = @awardId", new { awardId }, cancellationToken: cancellationToken));
    }

    /// <summary>The awards among <paramref name="awardIds"/> that already have a credential.</summary>
    public static async Task<HashSet<long>> ExistingAwardsAsync(DbConnection connection, IReadOnlyCollection<long> awardIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (awardIds.Count == 0)
        {
            return [];
        }

        return [.. await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT award_id FROM credentials WHERE " + SqlLists.In(connection, "award_id", "awardIds"), new { awardIds = awardIds.ToArray() }, cancellationToken: cancellationToken))];
    }

    /// <summary>Inserts the rows in one statement; rows whose award already has a credential are skipped. Returns the rows inserted.</summary>
    public static async Task<int> InsertAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<CredentialRecord> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return 0;
        }

        if (connection is Npgsql.NpgsqlConnection)
        {
            return await InsertUnnestAsync(connection, transaction, rows, cancellationToken);
        }

        var sql = new StringBuilder("INSERT INTO credentials (").AppendJoin(", ", InsertColumns).Append(") VALUES ");
        var parameters = new DynamicParameters();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var n = i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? "(" : ", (").AppendJoin(", ", InsertColumns.Select(c => "@" + c + n)).Append(')');
            parameters.Add("platform_id" + n, r.PlatformId);
            parameters.Add("award_id" + n, r.AwardId);
            parameters.Add("credential_id" + n, r.CredentialId);
            parameters.Add("public_id" + n, r.PublicId);
            parameters.Add("json_ld" + n, r.JsonLd);
            parameters.Add("jwt" + n, r.Jwt);
            parameters.Add("status_list_id" + n, r.StatusListId);
            parameters.Add("status_list_index" + n, r.StatusListIndex);
            parameters.Add("signing_kid" + n, r.SigningKid);
            parameters.Add("di_kid" + n, r.DiKid);
            parameters.Add("salt" + n, r.Salt);
            parameters.Add("issued_at" + n, r.IssuedAt);
        }

        // No conflict target: a concurrent attempt for the same award collides on award_id or on the
        // deterministic credential_id, whichever index PostgreSQL checks first; both mean "already issued".
        sql.Append(" ON CONFLICT DO NOTHING");
        return await connection.ExecuteAsync(new CommandDefinition(sql.ToString(), parameters, transaction, cancellationToken: cancellationToken));
    }

    // PostgreSQL: one array parameter per column instead of one parameter per value (3,000 for a batch of 250):
    // the statement is parsed and planned once, and binding is a handful of arrays.
    private static Task<int> InsertUnnestAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<CredentialRecord> rows, CancellationToken cancellationToken)
    {
        const string Sql =
            """
            INSERT INTO credentials (platform_id, award_id, credential_id, public_id, json_ld, jwt, status_list_id, status_list_index, signing_kid, di_kid, salt, issued_at)
            SELECT * FROM unnest(@platform_id::bigint[], @award_id::bigint[], @credential_id::text[], @public_id::text[], @json_ld::text[], @jwt::text[],
                                 @status_list_id::bigint[], @status_list_index::integer[], @signing_kid::text[], @di_kid::text[], @salt::text[], @issued_at::timestamptz[])
            ON CONFLICT DO NOTHING
            """;
        var parameters = new
        {
            platform_id = rows.Select(r => r.PlatformId).ToArray(),
            award_id = rows.Select(r => r.AwardId).ToArray(),
            credential_id = rows.Select(r => r.CredentialId).ToArray(),
            public_id = rows.Select(r => r.PublicId).ToArray(),
            json_ld = rows.Select(r => r.JsonLd).ToArray(),
            jwt = rows.Select(r => r.Jwt).ToArray(),
            status_list_id = rows.Select(r => r.StatusListId).ToArray(),
            status_list_index = rows.Select(r => r.StatusListIndex).ToArray(),
            signing_kid = rows.Select(r => r.SigningKid).ToArray(),
            di_kid = rows.Select(r => r.DiKid).ToArray(),
            salt = rows.Select(r => r.Salt).ToArray(),
            issued_at = rows.Select(r => r.IssuedAt.ToUniversalTime()).ToArray(),
        };
        return connection.ExecuteAsync(new CommandDefinition(Sql, parameters, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Shows or hides the learner's name on the public page (the learner's choice).</summary>
    public async Task<bool> SetShowLearnerNameAsync(string publicId, bool show, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE credentials SET show_learner_name = @show WHERE public_id = @publicId", new { publicId, show }, cancellationToken: cancellationToken)) > 0;
    }
}
