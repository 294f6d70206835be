namespace Reference.IntegrationTests.Projections.Support;

/// <summary>
/// A test that needs a MongoDB server: it runs whenever <c>MONGODB_URI</c> is set and otherwise
/// reports why it did not run (no MongoDB server can be installed on the build machines; see
/// docs/adr/0005 and docs/read-stores.md).
/// </summary>
public sealed class MongoFactAttribute : FactAttribute
{
    public const string Variable = "MONGODB_URI";

    public MongoFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Uri))
        {
            Skip = $"{Variable} is not set, so the MongoDB contract did not run. Start a server and set it, e.g. {Variable}=mongodb://localhost:27017.";
        }
    }

    public static string? Uri => Environment.GetEnvironmentVariable(Variable);
}
