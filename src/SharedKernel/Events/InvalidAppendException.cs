namespace Reference.SharedKernel.Events;

/// <summary>An append was refused before anything was written, for a reason named by a stable code.</summary>
public sealed class InvalidAppendException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public static class Codes
    {
        public const string StreamId = "event_store.invalid_stream_id";
        public const string StreamType = "event_store.invalid_stream_type";
        public const string NoEvents = "event_store.no_events";
        public const string ExpectedVersion = "event_store.invalid_expected_version";
        public const string PayloadTooLarge = "event_store.payload_too_large";
        public const string NotSerializable = "event_store.event_not_serializable";
        public const string DuplicateEvent = "event_store.duplicate_event";
        public const string StreamTypeMismatch = "event_store.stream_type_mismatch";
    }
}
