using Reference.SharedKernel.Domain;
using Reference.SharedKernel.Events;

namespace Reference.Features.Customers.Events;

/// <summary>
/// A customer was registered. Schema 3; older rows are read through <see cref="Upcasters.CustomerRegisteredV1ToV2"/>
/// (<c>fullName</c> became <c>name</c>) and <see cref="Upcasters.CustomerRegisteredV2ToV3"/> (<c>emailAddress</c>,
/// stored as typed, became <c>email</c>, trimmed and lower-case as the aggregate stores it).
/// </summary>
[EventType("customers.customer_registered", schemaVersion: 3)]
public sealed record CustomerRegistered(Guid CustomerId, string Name, string Email) : DomainEvent;
