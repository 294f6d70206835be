using Reference.Features.Customers.Events;
using Reference.SharedKernel.Projections;

namespace Reference.Features.Customers;

/// <summary>
/// Projects the Customers slice's events into <see cref="CustomerSummary"/>. Customers are
/// state-stored, but their domain events reach the same log, so projections follow them alike.
/// </summary>
public sealed class CustomerSummaryProjection : Projection<CustomerSummary>
{
    public CustomerSummaryProjection()
        : base("customer-summary")
    {
        Create<CustomerRegistered>(e => e.CustomerId.ToString(), e => new CustomerSummary
        {
            Name = e.Data.Name,
            Email = e.Data.Email,
            RegisteredAt = e.RecordedAt,
            UpdatedAt = e.RecordedAt,
        });
        Update<CustomerRenamed>(e => e.CustomerId.ToString(), (summary, e) =>
        {
            summary.Name = e.Data.Name;
            summary.Renames++;
            summary.UpdatedAt = e.RecordedAt;
        });
        Update<CustomerEmailChanged>(e => e.CustomerId.ToString(), (summary, e) =>
        {
            summary.Email = e.Data.Email;
            summary.UpdatedAt = e.RecordedAt;
        });
    }
}
