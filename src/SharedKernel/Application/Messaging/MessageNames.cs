namespace Reference.SharedKernel.Application.Messaging;

/// <summary>
/// A message's stable, readable name for traces and audit: the slice folder and the type,
/// e.g. <c>Orders.PlaceOrder</c> for <c>Reference.Features.Orders.PlaceOrder.PlaceOrder</c>.
/// </summary>
public static class MessageNames
{
    public static string Of<TMessage>() => Cache<TMessage>.Name;

    public static string Of(Type messageType)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        return Describe(messageType);
    }

    private static string Describe(Type messageType)
    {
        var segments = (messageType.Namespace ?? string.Empty).Split('.');
        var featuresIndex = Array.IndexOf(segments, "Features");
        var slice = featuresIndex >= 0 && featuresIndex + 1 < segments.Length ? segments[featuresIndex + 1] : null;
        return slice is null ? messageType.Name : $"{slice}.{messageType.Name}";
    }

    private static class Cache<TMessage>
    {
        public static readonly string Name = Describe(typeof(TMessage));
    }
}
