namespace Reference.Features.Customers.GetCustomer;

public sealed record CustomerDetails(Guid Id, string Name, string Email, long Version);
