namespace Reference.Infrastructure.Identity.Database;

/// <summary>An RSA key the app signs its own access tokens with (PKCS#8, base64); the newest one signs, all of them validate.</summary>
public sealed class SigningKeyRow
{
    public required string KeyId { get; init; }

    public required string PrivateKey { get; init; }

    public long CreatedAt { get; init; }
}
