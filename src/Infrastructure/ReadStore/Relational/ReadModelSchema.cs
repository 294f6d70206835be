using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Reference.Infrastructure.ReadStore.Relational;

/// <summary>
/// Brings the read-model tables in line with the registered types at start-up, from the EF Core
/// model: creates missing tables and indexes, and adds a column for every property a read model
/// gained since its table was created. Read models are columns, not JSON documents, so a new
/// property needs a new column; rows written before it get the type's default (empty for strings)
/// until a rebuild projects them again. Columns are never dropped or retyped here: a removed or
/// changed property is a new read-model type, or a rebuild into a fresh database.
/// Every statement is idempotent, so nodes starting together do not collide.
/// </summary>
public static class ReadModelSchema
{
    public static async Task EnsureCreatedAsync(ReadModelDbContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tables = context.Catalog.Types.Select(ReadModelCatalog.TableOf).ToHashSet(StringComparer.Ordinal);
        var model = context.GetService<IDesignTimeModel>().Model;
        var creates = context.GetService<IMigrationsModelDiffer>()
            .GetDifferences(null, model.GetRelationalModel())
            .Where(op => op switch
            {
                CreateTableOperation table => tables.Contains(table.Name),
                CreateIndexOperation index => tables.Contains(index.Table),
                _ => false,
            })
            .ToList();

        // Columns first: an index declared on a new property needs its column.
        await AddMissingColumnsAsync(context, model, tables, cancellationToken);
        foreach (var command in context.GetService<IMigrationsSqlGenerator>().Generate(creates, model))
        {
            var sql = command.CommandText
                .Replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ", StringComparison.Ordinal)
                .Replace("CREATE UNIQUE INDEX ", "CREATE UNIQUE INDEX IF NOT EXISTS ", StringComparison.Ordinal)
                .Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal);
            await context.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
    }

    private static async Task AddMissingColumnsAsync(ReadModelDbContext context, IModel model, HashSet<string> tables, CancellationToken cancellationToken)
    {
        var isSqlite = context.Database.ProviderName == ProjectionTables.SqliteProvider;
        var generator = context.GetService<IMigrationsSqlGenerator>();
        foreach (var table in model.GetRelationalModel().Tables.Where(t => tables.Contains(t.Name)))
        {
            var existing = await ExistingColumnsAsync(context, table.Name, isSqlite, cancellationToken);
            if (existing.Count == 0)
            {
                continue;
            }

            var additions = table.Columns.Where(c => !existing.Contains(c.Name)).Select(AddColumn).ToList();
            foreach (var command in generator.Generate(additions, model))
            {
                // SQLite has no IF NOT EXISTS for columns; there, start-up runs on the one node that owns the file.
                var sql = isSqlite ? command.CommandText : command.CommandText.Replace(" ADD ", " ADD COLUMN IF NOT EXISTS ", StringComparison.Ordinal);
                await context.Database.ExecuteSqlRawAsync(sql, cancellationToken);
            }
        }
    }

    private static AddColumnOperation AddColumn(IColumn column) => new()
    {
        Table = column.Table.Name,
        Schema = column.Table.Schema,
        Name = column.Name,
        ClrType = column.ProviderClrType,
        ColumnType = column.StoreType,
        IsNullable = column.IsNullable,

        // Rows that exist already need a value for a required column.
        DefaultValue = column.IsNullable ? null : DefaultOf(column.ProviderClrType),
    };

    private static object DefaultOf(Type type) =>
        type == typeof(string) ? "" : type == typeof(byte[]) ? Array.Empty<byte>() : Activator.CreateInstance(type)!;

    /// <summary>The table's columns, or none when the table does not exist yet.</summary>
    private static async Task<HashSet<string>> ExistingColumnsAsync(ReadModelDbContext context, string table, bool isSqlite, CancellationToken cancellationToken)
    {
        var query = isSqlite
            ? context.Database.SqlQuery<string>($"SELECT name AS \"Value\" FROM pragma_table_info({table})")
            : context.Database.SqlQuery<string>(
                $"SELECT column_name::text AS \"Value\" FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = {table}");
        return (await query.ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
    }
}
