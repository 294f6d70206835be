using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.IntegrationTests.Persistence.Support;

/// <summary>A state-stored aggregate mapped purely by convention plus one composition-root index.</summary>
public sealed class Customer : AggregateRoot<Guid>
{
    private Customer(Guid id)
        : base(id)
    {
    }

    public string Name { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public PostalAddress Address { get; private set; } = new(string.Empty, string.Empty);

    public static Customer Register(Guid id, string name, string email, PostalAddress address)
    {
        var customer = new Customer(id) { Name = name, Email = email, Address = address };
        customer.Raise(new CustomerRegistered(id, name, email));
        return customer;
    }

    public void Rename(string name)
    {
        Name = name;
        Raise(new CustomerRenamed(Id, name));
    }

    public void Move(PostalAddress address) => Address = address;
}

public sealed record PostalAddress(string Street, string City);

[EventType("test.customer-registered")]
public sealed record CustomerRegistered(Guid CustomerId, string Name, string Email) : DomainEvent;

[EventType("test.customer-renamed")]
public sealed record CustomerRenamed(Guid CustomerId, string Name) : DomainEvent;
