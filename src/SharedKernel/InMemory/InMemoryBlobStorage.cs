using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;

namespace Reference.SharedKernel.InMemory;

/// <summary>
/// <see cref="IBlobStorage"/> in memory. Blobs are copied in and out (no caller can change a stored blob
/// through a stream it kept) and keyed under the tenant's prefix, after <see cref="BlobPathRules"/>.
/// </summary>
public sealed class InMemoryBlobStorage(ITenantContext tenants) : IBlobStorage
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, Blob> _blobs = new(StringComparer.Ordinal);

    public async Task PutAsync(string path, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        BlobPathRules.Validate(path);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var key = TenantKeys.Prefix(tenants) + path;
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        lock (_gate)
        {
            _blobs[key] = new Blob(buffer.ToArray(), contentType);
        }
    }

    public Task<BlobContent?> GetAsync(string path, CancellationToken cancellationToken = default)
    {
        BlobPathRules.Validate(path);
        var key = TenantKeys.Prefix(tenants) + path;
        lock (_gate)
        {
            return Task.FromResult(
                _blobs.TryGetValue(key, out var blob)
                    ? new BlobContent(new MemoryStream(blob.Bytes, writable: false), blob.ContentType, blob.Bytes.Length)
                    : null);
        }
    }

    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        BlobPathRules.Validate(path);
        var key = TenantKeys.Prefix(tenants) + path;
        lock (_gate)
        {
            return Task.FromResult(_blobs.Remove(key));
        }
    }

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        BlobPathRules.ValidatePrefix(prefix);
        var tenantPrefix = TenantKeys.Prefix(tenants);
        var scoped = tenantPrefix + prefix;
        lock (_gate)
        {
            IReadOnlyList<string> paths = _blobs.Keys
                .Where(key => key.StartsWith(scoped, StringComparison.Ordinal))
                .Select(key => key[tenantPrefix.Length..])
                .ToList();
            return Task.FromResult(paths);
        }
    }

    private sealed record Blob(byte[] Bytes, string ContentType);
}
