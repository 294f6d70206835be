namespace Reference.SharedKernel.Ports;

/// <summary>A blob path broke <see cref="BlobPathRules"/>; nothing was read or written.</summary>
public sealed class InvalidBlobPathException(string path, string reason)
    : ArgumentException($"Blob path '{path}' is not valid: {reason}.")
{
    public string Path { get; } = path;
}
