namespace Reference.SharedKernel.Domain;

/// <summary>
/// Value objects are C# records: equality by value, immutability by <c>init</c>.
/// This marker only documents intent and lets tests find them.
/// </summary>
public interface IValueObject;
