namespace Reference.IntegrationTests.Persistence.Support;

/// <summary>A database the write-side tests run against, emptied before each test.</summary>
public interface IWriteSideDatabase
{
    Task<PersistenceTestHost> StartFreshHostAsync(Action<IDictionary<string, string?>>? settings = null, TimeProvider? time = null);
}
