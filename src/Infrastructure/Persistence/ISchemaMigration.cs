namespace Reference.Infrastructure.Persistence;

/// <summary>
/// A schema outside the write side's own (e.g. the tenant store's) that <see cref="PersistenceMigrator"/>
/// brings up to date after the write side, so one migration command covers the whole database.
/// </summary>
public interface ISchemaMigration
{
    Task MigrateAsync(CancellationToken cancellationToken);
}
