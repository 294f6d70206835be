using Microsoft.AspNetCore.Authorization;

namespace Reference.Infrastructure.Identity.Authorization;

/// <summary>
/// An ASP.NET Core authorization requirement answered by the application's own permission model
/// (<see cref="IPolicyEnforcementPoint"/>: roles from <c>Authorization:Rbac</c>, token permissions,
/// explicit deny wins), for HTTP surfaces that are not mediator messages: minimal-API admin
/// endpoints and the jobs dashboard.
/// </summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;
