using Reference.TestSupport.Contracts.Audit;

namespace Reference.IntegrationTests.Audit;

/// <summary>The SQL audit trail on PostgreSQL, held to the same contract as every other audit trail.</summary>
public sealed class PostgresAuditTrailContract(PostgresAuditDatabase database) : AuditTrailContractTests, IClassFixture<PostgresAuditDatabase>
{
    protected override async Task<AuditTrailHarness> CreatePortAsync(TimeProvider time) => (await database.StartFreshAsync()).ContractHarness();
}

/// <summary>The SQL audit trail on SQLite, held to the same contract as every other audit trail.</summary>
public sealed class SqliteAuditTrailContract(SqliteAuditDatabase database) : AuditTrailContractTests, IClassFixture<SqliteAuditDatabase>
{
    protected override async Task<AuditTrailHarness> CreatePortAsync(TimeProvider time) => (await database.StartFreshAsync()).ContractHarness();
}
