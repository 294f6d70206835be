using Reference.Features.Customers.Events;
using Reference.SharedKernel.Domain;

namespace Reference.Features.Customers.Domain;

/// <summary>
/// A customer, state-stored: the repository persists its current state (with a version column for
/// optimistic concurrency) and writes the events it raised to the event log and outbox in the same
/// transaction, so projections can follow it like an event-sourced aggregate.
/// </summary>
public sealed class Customer : AggregateRoot<Guid>
{
    // For the persistence mapper.
    private Customer()
        : base(Guid.Empty)
    {
    }

    private Customer(Guid id, string name, string email)
        : base(id)
    {
        Name = name;
        Email = email;
    }

    public string Name { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public static Customer Register(Guid id, string name, string email)
    {
        var customer = new Customer(id, name.Trim(), NormalizeEmail(email));
        customer.Raise(new CustomerRegistered(id, customer.Name, customer.Email));
        return customer;
    }

    /// <summary>Renames the customer; renaming to the current name changes nothing and raises nothing.</summary>
    public void Rename(string name)
    {
        var trimmed = name.Trim();
        if (string.Equals(trimmed, Name, StringComparison.Ordinal))
        {
            return;
        }

        var previous = Name;
        Name = trimmed;
        Raise(new CustomerRenamed(Id, previous, trimmed));
    }

    /// <summary>Changes the e-mail address (stored trimmed and lower-case); the current address changes nothing and raises nothing.</summary>
    public void ChangeEmail(string email)
    {
        var normalized = NormalizeEmail(email);
        if (string.Equals(normalized, Email, StringComparison.Ordinal))
        {
            return;
        }

        var previous = Email;
        Email = normalized;
        Raise(new CustomerEmailChanged(Id, previous, normalized));
    }

    private static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}
