namespace Reference.IntegrationTests.Caching;

public sealed class MemoryCacheProviderTests : CacheProviderContract
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Caching:Provider"] = "Memory" };
}
