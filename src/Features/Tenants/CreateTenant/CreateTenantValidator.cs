using FluentValidation;
using Reference.SharedKernel.Tenancy;

namespace Reference.Features.Tenants.CreateTenant;

public sealed class CreateTenantValidator : AbstractValidator<CreateTenant>
{
    public CreateTenantValidator()
    {
        RuleFor(c => c.Id).Custom((id, context) =>
        {
            if (TenantIdRules.Explain(id) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
        RuleFor(c => c.Name).NotEmpty().MaximumLength(CreateTenant.MaxNameLength);
        RuleFor(c => c.Settings).NotNull()
            .Must(s => s.Count <= CreateTenant.MaxSettings).WithMessage($"A tenant has at most {CreateTenant.MaxSettings} settings.")
            .Must(s => s.All(p => !string.IsNullOrWhiteSpace(p.Key) && p.Key.Length <= CreateTenant.MaxSettingKeyLength))
            .WithMessage($"Setting names must be between 1 and {CreateTenant.MaxSettingKeyLength} characters.")
            .Must(s => s.All(p => p.Value is not null && p.Value.Length <= CreateTenant.MaxSettingValueLength))
            .WithMessage($"Setting values must be present and at most {CreateTenant.MaxSettingValueLength} characters.");
    }
}
