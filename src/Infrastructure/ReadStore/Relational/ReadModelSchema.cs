using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Reference.Infrastructure.ReadStore.Relational;

/// <summary>
/// Creates the read-model tables (and their indexes) that do not exist yet, from the EF Core model.
/// A read model whose shape changes gets a new type name (or a rebuild into a fresh database);
/// existing tables are never altered here.
/// </summary>
public static class ReadModelSchema
{
    public static async Task EnsureCreatedAsync(ReadModelDbContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tables = context.Catalog.Types.Select(ReadModelCatalog.TableOf).ToHashSet(StringComparer.Ordinal);
        var model = context.GetService<IDesignTimeModel>().Model;
        var operations = context.GetService<IMigrationsModelDiffer>()
            .GetDifferences(null, model.GetRelationalModel())
            .Where(op => op switch
            {
                CreateTableOperation table => tables.Contains(table.Name),
                CreateIndexOperation index => tables.Contains(index.Table),
                _ => false,
            })
            .ToList();

        foreach (var command in context.GetService<IMigrationsSqlGenerator>().Generate(operations, model))
        {
            var sql = command.CommandText
                .Replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ", StringComparison.Ordinal)
                .Replace("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX IF NOT EXISTS ", StringComparison.Ordinal)
                .Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal);
            await context.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
    }
}
