namespace Reference.SharedKernel.Ports;

/// <summary>
/// Binary objects addressed by path. Paths are prefixed with the ambient tenant by the
/// implementation, so a tenant can neither read nor list another tenant's blobs.
/// </summary>
public interface IBlobStorage
{
    Task PutAsync(string path, Stream content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>The blob, or null when absent. The caller disposes the returned stream.</summary>
    Task<BlobContent?> GetAsync(string path, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default);
}

public sealed record BlobContent(Stream Content, string ContentType, long Length);
