using Reference.Features.Orders.Domain;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Processes;
using static Reference.Features.Orders.Fulfilment.FulfilmentMessages;

namespace Reference.Features.Orders.Fulfilment;

/// <summary>
/// Order fulfilment, a process manager correlated by order id: reserve each line's quantity (one step per line, undone
/// by releasing it), then capture the payment (with a timeout), then mark the order paid. Out of stock (the reserve is
/// refused), a declined payment, no payment answer in time, or a user's cancel each release what was reserved, latest
/// first, and only then cancel the order with its code, so a cancelled order holds no stock.
/// </summary>
public sealed class OrderFulfilmentProcess : ProcessDefinition<FulfilmentState, FulfilmentStart>
{
    public const string ProcessType = "order-fulfilment";
    public const string PaymentStep = "payment";

    private readonly TimeSpan _paymentTimeout;

    public OrderFulfilmentProcess(TimeSpan paymentTimeout)
        : base(ProcessType)
    {
        _paymentTimeout = paymentTimeout;
        ListenTo("InventoryItem");
        ListenTo("Payment");
        ListenTo("Order");
        On<StockReservedMessage>(StockReserved, m => m.HolderId.ToString(), Reserved);
        On<PaymentCapturedMessage>(PaymentCaptured, m => m.OrderId.ToString(), (process, _) =>
        {
            if (process.CompleteStep(PaymentStep))
            {
                process.Complete(ProcessCommand.Create(MarkOrderPaid.MarkOrderPaid.Name, new MarkOrderPaid.MarkOrderPaid(process.State.OrderId)));
            }
        });
        On<PaymentDeclinedMessage>(PaymentDeclined, m => m.OrderId.ToString(), (process, message) =>
        {
            if (process.IsActive(PaymentStep))
            {
                Cancel(process, OrderCancellationCodes.PaymentDeclined, message.Reason);
            }
        });
        On<CancellationRequestedMessage>(CancellationRequested, m => m.OrderId.ToString(), (process, message) =>
            Cancel(process, OrderCancellationCodes.CancelledByUser, message.Reason));
        OnTimeout(PaymentStep, process =>
            Cancel(process, OrderCancellationCodes.PaymentTimeout, $"The payment provider did not answer within {_paymentTimeout}."));
    }

    public static string ReserveStep(string sku) => $"reserve:{sku}";

    protected override void Started(ProcessContext<FulfilmentState> process, FulfilmentStart start)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(start);
        process.State.OrderId = start.OrderId;
        process.State.Currency = start.Currency;
        process.State.Total = start.Total;
        process.State.Lines = [.. start.Lines];
        ReserveNext(process);
    }

    protected override void Rejected(ProcessContext<FulfilmentState> process, ProcessCommand command, Error error)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(error);
        // A refused reservation is out of stock (whatever the inventory's reason: nothing was reserved); a refused
        // capture is a declined payment; anything else keeps the refusal's own code.
        var code = command.Name switch
        {
            Reserve => OrderCancellationCodes.OutOfStock,
            Capture => OrderCancellationCodes.PaymentDeclined,
            _ => error.Code,
        };
        Cancel(process, code, error.Message);
    }

    private void Reserved(ProcessContext<FulfilmentState> process, StockReservedMessage message)
    {
        if (!process.CompleteStep(ReserveStep(message.Sku)))
        {
            return;
        }

        process.State.NextLine++;
        ReserveNext(process);
    }

    private void ReserveNext(ProcessContext<FulfilmentState> process)
    {
        var state = process.State;
        if (state.NextLine < state.Lines.Count)
        {
            var line = state.Lines[state.NextLine];
            process.BeginStep(
                ReserveStep(line.Sku),
                ProcessCommand.Create(Reserve, new ReserveBody(line.Sku, state.OrderId, line.Quantity)),
                undo: ProcessCommand.Create(Release, new ReleaseBody(line.Sku, state.OrderId)));
            return;
        }

        process.BeginStep(PaymentStep, ProcessCommand.Create(Capture, new CaptureBody(state.OrderId, state.Total, state.Currency)));
        process.ScheduleTimeout(PaymentStep, _paymentTimeout);
    }

    private static void Cancel(ProcessContext<FulfilmentState> process, string code, string reason) =>
        process.Fail(code, reason, ProcessCommand.Create(CancelOrderFulfilment.CancelOrderFulfilment.Name, new CancelOrderFulfilment.CancelOrderFulfilment(process.State.OrderId, code, reason)));
}
