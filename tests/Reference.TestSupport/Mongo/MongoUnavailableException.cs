namespace Reference.TestSupport.Mongo;

/// <summary>Neither a MongoDB server nor the Mongo-wire emulator is available to the tests.</summary>
public sealed class MongoUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
