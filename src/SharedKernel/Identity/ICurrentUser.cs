namespace Reference.SharedKernel.Identity;

/// <summary>
/// The ambient principal, set by middleware after authentication or restored by a job filter.
/// </summary>
public interface ICurrentUser
{
    /// <summary>The acting principal; <see cref="Principal.Anonymous"/> when none is set.</summary>
    Principal Principal { get; }

    IDisposable BeginScope(Principal principal);
}
