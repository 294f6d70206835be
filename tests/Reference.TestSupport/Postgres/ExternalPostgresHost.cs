using Npgsql;

namespace Reference.TestSupport.Postgres;

/// <summary>A server the developer or CI provides through <c>REFERENCE_TEST_POSTGRES</c>; the tests never stop it.</summary>
internal sealed class ExternalPostgresHost : IPostgresHost
{
    private ExternalPostgresHost(string adminConnectionString, string description)
    {
        AdminConnectionString = adminConnectionString;
        Description = description;
    }

    public string AdminConnectionString { get; }

    public string Description { get; }

    // The server outlives the test run, so every database a test created is dropped again.
    public bool DropsDatabasesOnShutdown => true;

    public static ExternalPostgresHost FromConnectionString(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw new PostgresUnavailableException(
                $"{PostgresServer.ConnectionStringVariable} is not a valid PostgreSQL connection string: {exception.Message}",
                exception);
        }

        return new ExternalPostgresHost(
            builder.ConnectionString,
            $"{PostgresServer.ConnectionStringVariable} ({builder.Host}:{builder.Port})");
    }

    public void Shutdown()
    {
    }
}
