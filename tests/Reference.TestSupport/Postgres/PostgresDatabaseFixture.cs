namespace Reference.TestSupport.Postgres;

/// <summary>
/// An xunit class or collection fixture owning one fresh database on the process-wide <see cref="PostgresServer"/>;
/// the database is dropped when the fixture is disposed.
/// </summary>
/// <example>
/// <code>
/// public sealed class OrderStoreTests(PostgresDatabaseFixture database) : IClassFixture&lt;PostgresDatabaseFixture&gt;, IAsyncLifetime
/// {
///     public Task InitializeAsync() => database.ResetAsync();
///     public Task DisposeAsync() => Task.CompletedTask;
/// }
/// </code>
/// </example>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private DatabaseReset? _reset;

    /// <summary>Connection string of this fixture's database.</summary>
    public string ConnectionString => Reset.ConnectionString;

    private DatabaseReset Reset => _reset ?? throw new InvalidOperationException("The fixture has not been initialised by xunit yet.");

    public async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.Instance.CreateDatabaseAsync("test");
        _reset = new DatabaseReset(connectionString);
    }

    /// <summary>Empties every table except migration history (see <see cref="DatabaseReset"/>).</summary>
    public Task ResetAsync() => Reset.ResetAsync();

    public async Task DisposeAsync()
    {
        if (_reset is not null)
        {
            await PostgresServer.Instance.DropDatabaseAsync(_reset.ConnectionString);
        }
    }
}
