namespace Reference.Infrastructure.Audit;

/// <summary>
/// The PostgreSQL transaction lock that serializes changes to one tenant's chain: appends (which read the
/// head) and retention pruning (which moves the anchor). SQLite needs none: it has a single writer.
/// </summary>
internal static class AuditChainLock
{
    public const string Sql = "SELECT pg_advisory_xact_lock(hashtext('audit:' || @tenant))";
}
