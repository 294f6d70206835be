namespace Reference.Infrastructure.Persistence;

/// <summary>
/// A schema outside the write side's own (e.g. the tenant store's) that <see cref="PersistenceMigrator"/>
/// brings up to date after the write side, so one migration command covers the whole database. Being an
/// <see cref="IMigrationSet"/> too, it is part of readiness: the app is not ready while it lags.
/// </summary>
public interface ISchemaMigration : IMigrationSet
{
    Task MigrateAsync(CancellationToken cancellationToken);
}
