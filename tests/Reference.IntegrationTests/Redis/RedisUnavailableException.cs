namespace Reference.IntegrationTests.Redis;

/// <summary>No redis-server could be found or started for the tests.</summary>
public sealed class RedisUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
