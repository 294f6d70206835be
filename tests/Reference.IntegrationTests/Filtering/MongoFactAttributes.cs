namespace Reference.IntegrationTests.Filtering;

/// <summary>The MongoDB server the live tests use, from <c>MONGODB_URI</c>; none is installed on build machines.</summary>
public static class MongoTestServer
{
    public const string Variable = "MONGODB_URI";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } uri ? uri : null;

    public static string? SkipReason => ConnectionString is null ? $"{Variable} not set: no MongoDB server to run against" : null;
}

/// <summary>A theory that runs only when <c>MONGODB_URI</c> names a server, and says so when it does not.</summary>
public sealed class MongoTheoryAttribute : TheoryAttribute
{
    public MongoTheoryAttribute() => Skip = MongoTestServer.SkipReason;
}
