using Microsoft.Extensions.Hosting;
using Reference.Infrastructure.Persistence.Sessions;

namespace Reference.Infrastructure.Audit;

/// <summary>
/// Creates the <c>audit_log</c> table when the host starts, if it does not exist yet. The same
/// statement suits PostgreSQL and SQLite; timestamps are ISO 8601 text so both sort them alike.
/// </summary>
public sealed class AuditSchema(DatabaseConnector connector) : IHostedService
{
    public const string CreateTable = """
        CREATE TABLE IF NOT EXISTS audit_log (
            tenant_id      VARCHAR(100) NOT NULL,
            sequence       BIGINT       NOT NULL,
            id             VARCHAR(36)  NOT NULL,
            occurred_at    VARCHAR(40)  NOT NULL,
            action         VARCHAR(200) NOT NULL,
            outcome        VARCHAR(20)  NOT NULL,
            actor_id       VARCHAR(200) NOT NULL,
            resource_type  VARCHAR(100) NULL,
            resource_id    VARCHAR(200) NULL,
            correlation_id VARCHAR(128) NULL,
            record         TEXT         NOT NULL,
            previous_hash  VARCHAR(64)  NULL,
            hash           VARCHAR(64)  NOT NULL,
            PRIMARY KEY (tenant_id, sequence)
        )
        """;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = connector.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = CreateTable;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
