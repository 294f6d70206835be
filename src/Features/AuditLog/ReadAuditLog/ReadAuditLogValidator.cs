using FluentValidation;

namespace Reference.Features.AuditLog.ReadAuditLog;

public sealed class ReadAuditLogValidator : AbstractValidator<ReadAuditLog>
{
    public ReadAuditLogValidator()
    {
        RuleFor(q => q.AfterSequence).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Take).InclusiveBetween(1, ReadAuditLog.MaxTake);
    }
}
