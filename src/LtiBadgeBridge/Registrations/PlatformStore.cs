using Dapper;
using LtiBadgeBridge.Data;

namespace LtiBadgeBridge.Registrations;

/// <summary>Platform registrations and their deployments.</summary>
public sealed class PlatformStore(Database database, TimeProvider timeProvider)
{
    private const string Columns = """
        id, issuer, client_id, name, product_family, authorization_endpoint, token_endpoint, token_audience,
        jwks_uri, allowed_algorithms, deployment_policy, registration_source, registration_status, granted_scopes,
        created_at, updated_at
        """;

    /// <summary>Creates or updates the registration for (issuer, client_id) and returns it.</summary>
    public async Task<PlatformRegistration> UpsertAsync(PlatformRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<PlatformRegistration>(new CommandDefinition(
            $"""
            INSERT INTO platforms (issuer, client_id, name, product_family, authorization_endpoint, token_endpoint, token_audience,
                jwks_uri, allowed_algorithms, deployment_policy, registration_source, registration_status, granted_scopes, created_at, updated_at)
            VALUES (@Issuer, @ClientId, @Name, @ProductFamily, @AuthorizationEndpoint, @TokenEndpoint, @TokenAudience,
                @JwksUri, @AllowedAlgorithms, @DeploymentPolicy, @RegistrationSource, @RegistrationStatus, @GrantedScopes, @Now, @Now)
            ON CONFLICT (issuer, client_id) DO UPDATE SET
                name = excluded.name, product_family = excluded.product_family,
                authorization_endpoint = excluded.authorization_endpoint, token_endpoint = excluded.token_endpoint,
                token_audience = excluded.token_audience, jwks_uri = excluded.jwks_uri,
                allowed_algorithms = excluded.allowed_algorithms, deployment_policy = excluded.deployment_policy,
                registration_source = excluded.registration_source, registration_status = excluded.registration_status,
                granted_scopes = excluded.granted_scopes, updated_at = excluded.updated_at
            RETURNING {Columns}
            """,
            new
            {
                registration.Issuer,
                registration.ClientId,
                registration.Name,
                registration.ProductFamily,
                registration.AuthorizationEndpoint,
                registration.TokenEndpoint,
                registration.TokenAudience,
                registration.JwksUri,
                registration.AllowedAlgorithms,
                registration.DeploymentPolicy,
                registration.RegistrationSource,
                registration.RegistrationStatus,
                registration.GrantedScopes,
                Now = now,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<PlatformRegistration?> FindAsync(string issuer, string clientId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PlatformRegistration>(new CommandDefinition(
            $"SELECT {Columns} FROM platforms WHERE issuer = @issuer AND client_id = @clientId",
            new { issuer, clientId },
            cancellationToken: cancellationToken));
    }

    public async Task<PlatformRegistration?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PlatformRegistration>(new CommandDefinition(
            $"SELECT {Columns} FROM platforms WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>All registrations sharing an issuer (Canvas Cloud serves many institutions from one).</summary>
    public async Task<IReadOnlyList<PlatformRegistration>> FindByIssuerAsync(string issuer, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<PlatformRegistration>(new CommandDefinition(
            $"SELECT {Columns} FROM platforms WHERE issuer = @issuer ORDER BY id", new { issuer }, cancellationToken: cancellationToken))).AsList();
    }

    public async Task<IReadOnlyList<PlatformRegistration>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<PlatformRegistration>(new CommandDefinition(
            $"SELECT {Columns} FROM platforms ORDER BY id", cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>Removes a registration and, through the foreign keys, everything that belongs to it.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM platforms WHERE id = @id", new { id }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Marks a pending dynamic registration active (the platform launched with it); false when it was not pending.</summary>
    public async Task<bool> ConfirmActivationAsync(long platformId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE platforms SET registration_status = @active, updated_at = @now WHERE id = @platformId AND registration_status = @pending",
            new { platformId, active = RegistrationStatuses.Active, pending = RegistrationStatuses.Pending, now = timeProvider.GetUtcNow() },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task SetGrantedScopesAsync(long platformId, string grantedScopes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE platforms SET granted_scopes = @grantedScopes, updated_at = @now WHERE id = @platformId",
            new { platformId, grantedScopes, now = timeProvider.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Returns the deployment, recording it first when it is new: as <c>active</c> under the
    /// <c>auto</c> policy, as <c>pending</c> under <c>approve</c>. Concurrent first launches agree.
    /// </summary>
    public async Task<Deployment> EnsureDeploymentAsync(long platformId, string deploymentId, string initialStatus, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Every launch asks; nearly always the deployment is known. Reading first keeps those launches off
        // the write lock (on SQLite one writer at a time); only a new deployment pays for the insert.
        var known = await connection.QuerySingleOrDefaultAsync<Deployment>(new CommandDefinition(
            "SELECT id, platform_id, deployment_id, status, label, created_at FROM deployments WHERE platform_id = @platformId AND deployment_id = @deploymentId",
            new { platformId, deploymentId },
            cancellationToken: cancellationToken));
        if (known is not null)
        {
            return known;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO deployments (platform_id, deployment_id, status, created_at)
            VALUES (@platformId, @deploymentId, @initialStatus, @now)
            ON CONFLICT (platform_id, deployment_id) DO NOTHING
            """,
            new { platformId, deploymentId, initialStatus, now = timeProvider.GetUtcNow() },
            cancellationToken: cancellationToken));
        return await connection.QuerySingleAsync<Deployment>(new CommandDefinition(
            "SELECT id, platform_id, deployment_id, status, label, created_at FROM deployments WHERE platform_id = @platformId AND deployment_id = @deploymentId",
            new { platformId, deploymentId },
            cancellationToken: cancellationToken));
    }

    public async Task<Deployment?> FindDeploymentAsync(long platformId, string deploymentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Deployment>(new CommandDefinition(
            "SELECT id, platform_id, deployment_id, status, label, created_at FROM deployments WHERE platform_id = @platformId AND deployment_id = @deploymentId",
            new { platformId, deploymentId },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Deployment>> ListDeploymentsAsync(long platformId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Deployment>(new CommandDefinition(
            "SELECT id, platform_id, deployment_id, status, label, created_at FROM deployments WHERE platform_id = @platformId ORDER BY id",
            new { platformId },
            cancellationToken: cancellationToken))).AsList();
    }

    public async Task<bool> SetDeploymentStatusAsync(long platformId, string deploymentId, string status, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE deployments SET status = @status WHERE platform_id = @platformId AND deployment_id = @deploymentId",
            new { platformId, deploymentId, status },
            cancellationToken: cancellationToken)) > 0;
    }

    public async Task<bool> DeleteDeploymentAsync(long platformId, string deploymentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM deployments WHERE platform_id = @platformId AND deployment_id = @deploymentId",
            new { platformId, deploymentId },
            cancellationToken: cancellationToken)) > 0;
    }
}
