using System.Text.Json.Serialization;

namespace Reference.Infrastructure.Identity.Tokens;

/// <summary>The answer to a login or refresh, in the shape of ASP.NET Core's <c>MapIdentityApi</c>.</summary>
public sealed record IssuedTokens(
    [property: JsonPropertyName("tokenType")] string TokenType,
    [property: JsonPropertyName("accessToken")] string AccessToken,
    [property: JsonPropertyName("expiresIn")] long ExpiresIn,
    [property: JsonPropertyName("refreshToken")] string RefreshToken);
