using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Reference.Infrastructure.ReadStore.Relational;

/// <summary>
/// Lets <c>dotnet ef migrations add X --context ProjectionsDbContext --project src/Infrastructure</c>
/// build the context without the application. Migrations are generated for PostgreSQL.
/// </summary>
public sealed class ProjectionsDesignTimeFactory : IDesignTimeDbContextFactory<ProjectionsDbContext>
{
    public ProjectionsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ProjectionsDbContext>();
        RelationalReadStoreDatabase.Configure(options, RelationalEngine.Postgres, "Host=localhost;Database=reference");
        return new ProjectionsDbContext(options.Options);
    }
}
