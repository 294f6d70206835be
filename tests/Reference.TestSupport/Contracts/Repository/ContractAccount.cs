using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.TestSupport.Contracts.Repository;

/// <summary>
/// The state-stored aggregate the repository contract runs with. Plain properties with private
/// setters and a constructor binding id and owner, so an ORM can map it as it is.
/// </summary>
public sealed class ContractAccount : AggregateRoot<Guid>
{
    public ContractAccount(Guid id, string owner)
        : base(id) => Owner = owner;

    public string Owner { get; private set; }

    public decimal Balance { get; private set; }

    public static ContractAccount Open(string owner)
    {
        var account = new ContractAccount(Guid.NewGuid(), owner);
        account.Raise(new AccountOpened(account.Id, owner));
        return account;
    }

    public void Deposit(decimal amount)
    {
        if (amount <= 0)
        {
            throw new BusinessRuleViolationException("account.non_positive_deposit", "Deposits must be positive.");
        }

        Balance += amount;
        Raise(new MoneyDeposited(Id, amount));
    }

    /// <summary>A change that raises no event, to show state is saved on its own too.</summary>
    public void Rename(string owner) => Owner = owner;

    /// <summary>An independent copy of the state, for stores that keep objects rather than rows.</summary>
    public ContractAccount Copy() => new(Id, Owner) { Balance = Balance };
}

[EventType("contract.account-opened")]
public sealed record AccountOpened(Guid AccountId, string Owner) : DomainEvent;

[EventType("contract.money-deposited")]
public sealed record MoneyDeposited(Guid AccountId, decimal Amount) : DomainEvent;
