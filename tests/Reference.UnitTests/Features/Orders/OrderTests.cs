using System.Globalization;
using Reference.Features.Orders.Domain;
using Reference.Features.Orders.Events;
using Reference.SharedKernel.Domain;

namespace Reference.UnitTests.Features.Orders;

public sealed class OrderTests
{
    private static readonly Guid OrderId = Guid.NewGuid();

    [Fact]
    public void Placing_an_order_emits_order_placed_with_its_lines()
    {
        var order = Order.Place(OrderId, Guid.NewGuid(), "EUR", [new OrderLine("A", 2, 5m)]);

        var placed = Assert.IsType<OrderPlaced>(Assert.Single(order.PendingEvents));
        Assert.Equal(OrderId, placed.OrderId);
        Assert.Equal([new OrderLinePlaced("A", 2, 5m)], placed.Lines);
        Assert.Equal(10m, order.Total);
        Assert.Equal(OrderStatus.Draft, order.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void Quantity_outside_1_to_1000_is_refused(int quantity)
    {
        var order = Draft();

        var violation = Assert.Throws<BusinessRuleViolationException>(() => order.AddLine(new OrderLine("B", quantity, 1m), "EUR"));

        Assert.Equal(OrderRules.QuantityOutOfRange, violation.Code);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    public void Quantity_at_the_bounds_is_accepted(int quantity)
    {
        var order = Draft();

        order.AddLine(new OrderLine("B", quantity, 0m), "EUR");

        Assert.Contains(order.Lines, l => l.Sku == "B" && l.Quantity == quantity);
    }

    [Fact]
    public void A_negative_price_is_refused()
    {
        var violation = Assert.Throws<BusinessRuleViolationException>(() => Draft().AddLine(new OrderLine("B", 1, -0.01m), "EUR"));

        Assert.Equal(OrderRules.NegativePrice, violation.Code);
    }

    [Theory]
    [InlineData("1000000000.0001")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("0.00001")]
    [InlineData("12.34567")]
    public void A_unit_price_past_the_maximum_or_finer_than_four_decimals_is_refused(string price)
    {
        var line = new OrderLine("B", 1, decimal.Parse(price, CultureInfo.InvariantCulture));

        var onAdd = Assert.Throws<BusinessRuleViolationException>(() => Draft().AddLine(line, "EUR"));
        var onPlace = Assert.Throws<BusinessRuleViolationException>(() => Order.Place(OrderId, Guid.NewGuid(), "EUR", [line]));

        Assert.Equal((OrderRules.UnitPriceOutOfRange, OrderRules.UnitPriceOutOfRange), (onAdd.Code, onPlace.Code));
    }

    [Theory]
    [InlineData("1000000000")]
    [InlineData("0.0001")]
    [InlineData("12.50000")]
    [InlineData("0")]
    public void A_unit_price_within_the_range_is_accepted(string price)
    {
        var order = Draft();

        order.AddLine(new OrderLine("B", 1, decimal.Parse(price, CultureInfo.InvariantCulture)), "EUR");

        Assert.Equal(2, order.Lines.Count);
    }

    [Fact]
    public void The_largest_line_is_the_largest_total_and_anything_past_it_is_refused()
    {
        var largest = new OrderLine("MAX", OrderRules.MaxQuantity, OrderRules.MaxUnitPrice);
        var order = Order.Place(OrderId, Guid.NewGuid(), "EUR", [largest]);

        var violation = Assert.Throws<BusinessRuleViolationException>(() => order.AddLine(new OrderLine("CENT", 1, 0.01m), "EUR"));
        var placing = Assert.Throws<BusinessRuleViolationException>(() =>
            Order.Place(OrderId, Guid.NewGuid(), "EUR", [largest, new OrderLine("CENT", 1, 0.01m)]));

        Assert.Equal(OrderRules.MaxTotal, order.Total);
        Assert.Equal((OrderRules.TotalOutOfRange, OrderRules.TotalOutOfRange), (violation.Code, placing.Code));
        Assert.Single(order.PendingEvents);
    }

    [Fact]
    public void An_order_holds_at_most_the_maximum_number_of_lines()
    {
        var order = Order.Place(
            OrderId, Guid.NewGuid(), "EUR", Enumerable.Range(1, OrderRules.MaxLines).Select(i => new OrderLine($"S{i}", 1, 1m)));

        var violation = Assert.Throws<BusinessRuleViolationException>(() => order.AddLine(new OrderLine("ONE-MORE", 1, 1m), "EUR"));
        var placing = Assert.Throws<BusinessRuleViolationException>(() => Order.Place(
            OrderId, Guid.NewGuid(), "EUR", Enumerable.Range(0, OrderRules.MaxLines + 1).Select(i => new OrderLine($"S{i}", 1, 1m))));

        Assert.Equal((OrderRules.TooManyLines, OrderRules.TooManyLines), (violation.Code, placing.Code));
    }

    [Fact]
    public void Confirming_lines_stored_before_the_limits_that_overflow_is_a_rule_violation_not_an_overflow()
    {
        var order = Order.ForReplay(OrderId);
        order.Rehydrate(
            [new OrderPlaced(OrderId, Guid.NewGuid(), "EUR", [new OrderLinePlaced("OLD-1", 2, decimal.MaxValue), new OrderLinePlaced("OLD-2", 3, decimal.MaxValue)])]);

        var violation = Assert.Throws<BusinessRuleViolationException>(order.Confirm);

        Assert.Equal(OrderRules.TotalOutOfRange, violation.Code);
    }

    [Fact]
    public void A_line_in_another_currency_is_refused()
    {
        var violation = Assert.Throws<BusinessRuleViolationException>(() => Draft().AddLine(new OrderLine("B", 1, 1m), "USD"));

        Assert.Equal(OrderRules.CurrencyMismatch, violation.Code);
    }

    [Fact]
    public void The_same_sku_twice_is_refused()
    {
        var violation = Assert.Throws<BusinessRuleViolationException>(() => Draft().AddLine(new OrderLine("a", 1, 1m), "EUR"));

        Assert.Equal(OrderRules.DuplicateSku, violation.Code);
    }

    [Fact]
    public void Confirming_needs_at_least_one_line()
    {
        var order = Draft();
        order.RemoveLine("A");

        var violation = Assert.Throws<BusinessRuleViolationException>(order.Confirm);

        Assert.Equal(OrderRules.NoLines, violation.Code);
    }

    [Fact]
    public void A_confirmed_order_can_only_be_cancelled()
    {
        var order = Draft();
        order.Confirm();

        Assert.Equal(OrderRules.AlreadyConfirmed, Assert.Throws<BusinessRuleViolationException>(() => order.AddLine(new OrderLine("B", 1, 1m), "EUR")).Code);
        Assert.Equal(OrderRules.AlreadyConfirmed, Assert.Throws<BusinessRuleViolationException>(() => order.RemoveLine("A")).Code);
        Assert.Equal(OrderRules.AlreadyConfirmed, Assert.Throws<BusinessRuleViolationException>(order.Confirm).Code);
        order.Cancel("changed mind");
        Assert.Equal(OrderStatus.Cancelled, order.Status);
    }

    [Fact]
    public void A_cancelled_order_cannot_change()
    {
        var order = Draft();
        order.Cancel("no longer needed");

        Assert.Equal(OrderRules.AlreadyCancelled, Assert.Throws<BusinessRuleViolationException>(() => order.Cancel("again")).Code);
        Assert.Equal(OrderRules.AlreadyCancelled, Assert.Throws<BusinessRuleViolationException>(order.Confirm).Code);
    }

    [Fact]
    public void Replaying_the_events_rebuilds_the_same_state_and_version()
    {
        var original = Draft();
        original.AddLine(new OrderLine("B", 3, 2m), "EUR");
        original.RemoveLine("A");
        original.Confirm();

        var replayed = Order.ForReplay(OrderId);
        replayed.Rehydrate(original.PendingEvents);

        Assert.Equal(original.Status, replayed.Status);
        Assert.Equal(original.Lines, replayed.Lines);
        Assert.Equal(original.Currency, replayed.Currency);
        Assert.Equal(4, replayed.Version);
        Assert.Empty(replayed.PendingEvents);
    }

    private static Order Draft() => Order.Place(OrderId, Guid.NewGuid(), "EUR", [new OrderLine("A", 1, 1m)]);
}
