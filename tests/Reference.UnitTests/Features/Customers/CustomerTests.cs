using Reference.Features.Customers.Domain;
using Reference.Features.Customers.Events;

namespace Reference.UnitTests.Features.Customers;

public sealed class CustomerTests
{
    [Fact]
    public void Registering_normalises_name_and_email_and_raises_customer_registered()
    {
        var customer = Customer.Register(Guid.NewGuid(), "  Ada  ", " Ada@Example.TEST ");

        Assert.Equal("Ada", customer.Name);
        Assert.Equal("ada@example.test", customer.Email);
        Assert.IsType<CustomerRegistered>(Assert.Single(customer.PendingEvents));
    }

    [Fact]
    public void Renaming_raises_customer_renamed_with_the_previous_name()
    {
        var customer = Customer.Register(Guid.NewGuid(), "Ada", "ada@example.test");
        customer.MarkPersisted(1);

        customer.Rename("Ada Lovelace");

        var renamed = Assert.IsType<CustomerRenamed>(Assert.Single(customer.PendingEvents));
        Assert.Equal(("Ada", "Ada Lovelace"), (renamed.PreviousName, renamed.Name));
    }

    [Fact]
    public void Renaming_to_the_current_name_changes_nothing()
    {
        var customer = Customer.Register(Guid.NewGuid(), "Ada", "ada@example.test");
        customer.MarkPersisted(1);

        customer.Rename(" Ada ");

        Assert.Empty(customer.PendingEvents);
    }

    [Fact]
    public void Changing_the_email_normalises_it_and_raises_customer_email_changed_with_the_previous_address()
    {
        var customer = Customer.Register(Guid.NewGuid(), "Ada", "ada@example.test");
        customer.MarkPersisted(1);

        customer.ChangeEmail(" Countess@Example.TEST ");

        var changed = Assert.IsType<CustomerEmailChanged>(Assert.Single(customer.PendingEvents));
        Assert.Equal(("ada@example.test", "countess@example.test"), (changed.PreviousEmail, changed.Email));
        Assert.Equal("countess@example.test", customer.Email);
    }

    [Fact]
    public void Changing_the_email_to_the_current_address_changes_nothing()
    {
        var customer = Customer.Register(Guid.NewGuid(), "Ada", "ada@example.test");
        customer.MarkPersisted(1);

        customer.ChangeEmail("ADA@example.test");

        Assert.Empty(customer.PendingEvents);
    }
}
