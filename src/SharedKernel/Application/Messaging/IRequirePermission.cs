namespace Reference.SharedKernel.Application.Messaging;

/// <summary>
/// A message that needs a permission. The pipeline asks the policy enforcement point before the
/// handler runs. Implement the property explicitly so it never becomes part of the message's data.
/// </summary>
public interface IRequirePermission
{
    string RequiredPermission { get; }
}
