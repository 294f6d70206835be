namespace Reference.SharedKernel.Identity;

/// <summary>Asks the access-control policy whether a principal holds a permission, for decisions inside a use case.</summary>
public interface IPermissionChecker
{
    ValueTask<bool> IsGrantedAsync(Principal principal, string permission, CancellationToken cancellationToken);
}
