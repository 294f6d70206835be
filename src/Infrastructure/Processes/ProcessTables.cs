namespace Reference.Infrastructure.Processes;

/// <summary>
/// The process managers' tables on the write side's database (PostgreSQL or SQLite, one portable script): instances
/// (unique per tenant, type and correlation key; <c>version</c> is the optimistic-concurrency token), the commands
/// each instance decided to send (pending until dispatched), and the inbox of handled event ids per instance.
/// Times are Unix milliseconds, so the same SQL runs on both databases.
/// </summary>
internal static class ProcessTables
{
    public const string Instances = "process_instances";
    public const string Commands = "process_commands";
    public const string Inbox = "process_inbox";

    public static readonly string[] All = [Instances, Commands, Inbox];

    public const string Create = """
        CREATE TABLE IF NOT EXISTS process_instances (
            tenant_id VARCHAR(100) NOT NULL,
            id VARCHAR(36) NOT NULL,
            type VARCHAR(200) NOT NULL,
            correlation_key VARCHAR(200) NOT NULL,
            status VARCHAR(20) NOT NULL,
            step VARCHAR(200) NULL,
            document TEXT NOT NULL,
            version BIGINT NOT NULL,
            deadline_ms BIGINT NULL,
            failure_code VARCHAR(200) NULL,
            last_error TEXT NULL,
            created_ms BIGINT NOT NULL,
            updated_ms BIGINT NOT NULL,
            PRIMARY KEY (tenant_id, id));
        CREATE UNIQUE INDEX IF NOT EXISTS ux_process_instances_correlation ON process_instances (tenant_id, type, correlation_key);
        CREATE INDEX IF NOT EXISTS ix_process_instances_deadline ON process_instances (deadline_ms);
        CREATE TABLE IF NOT EXISTS process_commands (
            tenant_id VARCHAR(100) NOT NULL,
            id VARCHAR(36) NOT NULL,
            instance_id VARCHAR(36) NOT NULL,
            seq BIGINT NOT NULL,
            name VARCHAR(200) NOT NULL,
            payload TEXT NOT NULL,
            correlation_id VARCHAR(200) NOT NULL,
            status VARCHAR(20) NOT NULL,
            attempts INTEGER NOT NULL,
            next_attempt_ms BIGINT NOT NULL,
            lease_until_ms BIGINT NULL,
            last_error TEXT NULL,
            created_ms BIGINT NOT NULL,
            dispatched_ms BIGINT NULL,
            PRIMARY KEY (tenant_id, id));
        CREATE UNIQUE INDEX IF NOT EXISTS ux_process_commands_seq ON process_commands (tenant_id, instance_id, seq);
        CREATE INDEX IF NOT EXISTS ix_process_commands_pending ON process_commands (status, next_attempt_ms);
        CREATE TABLE IF NOT EXISTS process_inbox (
            tenant_id VARCHAR(100) NOT NULL,
            instance_id VARCHAR(36) NOT NULL,
            message_id VARCHAR(36) NOT NULL,
            processed_ms BIGINT NOT NULL,
            PRIMARY KEY (tenant_id, instance_id, message_id));
        """;
}
