using Testcontainers.PostgreSql;

namespace Reference.TestSupport.Postgres;

/// <summary>A PostgreSQL container started through Testcontainers, for machines with Docker but no local binaries.</summary>
internal sealed class ContainerPostgresHost : IPostgresHost
{
    private const string Image = "postgres:15-alpine";
    private readonly PostgreSqlContainer _container;

    private ContainerPostgresHost(PostgreSqlContainer container)
    {
        _container = container;
        AdminConnectionString = container.GetConnectionString();
    }

    public string AdminConnectionString { get; }

    public string Description => $"Testcontainers ({Image})";

    public bool DropsDatabasesOnShutdown => false;

    public static ContainerPostgresHost Start()
    {
        var container = new PostgreSqlBuilder(Image)
            .WithDatabase("postgres")
            .WithCommand("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200")
            .Build();
        try
        {
            container.StartAsync().GetAwaiter().GetResult();
        }
        catch
        {
            container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        return new ContainerPostgresHost(container);
    }

    public void Shutdown() => _container.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
