namespace Reference.TestSupport.Postgres;

/// <summary>No PostgreSQL server could be found or started for the tests.</summary>
public sealed class PostgresUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
