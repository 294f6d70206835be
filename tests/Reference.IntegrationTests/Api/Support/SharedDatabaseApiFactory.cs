namespace Reference.IntegrationTests.Api.Support;

/// <summary>
/// Another host of the application on the database of an existing one (already migrated): two nodes behind a load
/// balancer, or the same node after a restart. Create it in the test and dispose it there; it owns no database.
/// </summary>
public class SharedDatabaseApiFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null) : ReferenceApiFactory
{
    public override string ConnectionString => connectionString;

    protected override IDictionary<string, string?> Settings()
    {
        var all = base.Settings();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return all;
    }
}
