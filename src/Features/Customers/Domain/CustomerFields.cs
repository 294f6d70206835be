namespace Reference.Features.Customers.Domain;

/// <summary>
/// The customer's fields as its events and commands name them for a field-level merge: a command that changes one
/// merges with a concurrent change of another, and conflicts with a concurrent change of the same.
/// </summary>
public static class CustomerFields
{
    public const string Name = "name";

    public const string Email = "email";
}
