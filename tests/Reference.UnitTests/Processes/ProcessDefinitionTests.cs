using Reference.SharedKernel.Application;
using Reference.SharedKernel.Processes;

namespace Reference.UnitTests.Processes;

/// <summary>The building block's rules, on a small two-step process: steps, their undo in reverse order, timeouts, finished instances.</summary>
public sealed class ProcessDefinitionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Starting_begins_the_first_step_and_sends_its_command()
    {
        var instance = Started();

        Assert.Equal(ProcessStatus.Running, instance.Status);
        Assert.Equal("first", instance.CurrentStep);
        Assert.Equal(["do-first"], instance.Outgoing.Select(c => c.Name));
    }

    [Fact]
    public void Events_advance_the_steps_and_the_last_completes_the_instance()
    {
        var instance = Started();
        Deliver(instance, TwoSteps.FirstDone);
        Deliver(instance, TwoSteps.SecondDone);

        Assert.Equal(ProcessStatus.Completed, instance.Status);
        Assert.Equal(["do-first", "do-second", "report-done"], instance.Outgoing.Select(c => c.Name));
        Assert.All(instance.Steps, s => Assert.Equal(ProcessStepStatus.Completed, s.Status));
        Assert.Empty(instance.Timeouts);
    }

    [Fact]
    public void A_refused_command_runs_the_undo_of_every_step_latest_first_then_reports()
    {
        var instance = Started();
        Deliver(instance, TwoSteps.FirstDone);
        instance.Outgoing.Clear();

        new TwoSteps().HandleRejection(instance, ProcessCommand.Create("do-second", new { }), Error.RuleViolated("second.refused", "no"), Now);

        Assert.Equal(ProcessStatus.Compensating, instance.Status);
        Assert.Equal("second.refused", instance.FailureCode);
        Assert.Equal(["undo-second", "undo-first", "report-failure"], instance.Outgoing.Select(c => c.Name));
        Assert.All(instance.Steps, s => Assert.Equal(ProcessStepStatus.Compensated, s.Status));
    }

    [Fact]
    public void A_timeout_fails_the_step_it_guards_and_compensates()
    {
        var instance = Started();
        Deliver(instance, TwoSteps.FirstDone);
        var timeout = Assert.Single(instance.Timeouts);
        instance.Outgoing.Clear();

        Assert.True(instance.TakeTimeout(timeout.Step, timeout.Token));
        new TwoSteps().HandleTimeout(instance, timeout.Step, Now.AddMinutes(5));

        Assert.Equal("second-timeout", instance.FailureCode);
        Assert.Equal(["undo-second", "undo-first", "report-failure"], instance.Outgoing.Select(c => c.Name));
    }

    [Fact]
    public void A_timeout_that_fires_after_its_step_completed_finds_nothing_to_take()
    {
        var instance = Started();
        Deliver(instance, TwoSteps.FirstDone);
        var timeout = Assert.Single(instance.Timeouts);
        Deliver(instance, TwoSteps.SecondDone);

        Assert.False(instance.TakeTimeout(timeout.Step, timeout.Token));
        Assert.Equal(ProcessStatus.Completed, instance.Status);
    }

    [Fact]
    public void A_finished_instance_ignores_further_events_and_sends_nothing()
    {
        var instance = Started();
        Deliver(instance, TwoSteps.FirstDone);
        Deliver(instance, TwoSteps.SecondDone);
        instance.Outgoing.Clear();

        Deliver(instance, TwoSteps.FirstDone);

        Assert.Empty(instance.Outgoing);
        Assert.Contains(instance.History, h => h.What.EndsWith("ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void A_duplicate_answer_to_a_completed_step_changes_nothing()
    {
        var instance = Started();
        Deliver(instance, TwoSteps.FirstDone);
        var sent = instance.Outgoing.Count;

        Deliver(instance, TwoSteps.FirstDone);

        Assert.Equal(sent, instance.Outgoing.Count);
        Assert.Equal(ProcessStatus.Running, instance.Status);
    }

    [Fact]
    public void State_survives_between_handlers_as_json()
    {
        var instance = Started();
        Deliver(instance, TwoSteps.FirstDone);

        Assert.Contains("\"answers\":1", instance.State, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_correlate_by_the_key_they_carry()
    {
        var definition = new TwoSteps();

        Assert.Equal("k-7", definition.Correlate(new ProcessMessage(Guid.NewGuid(), TwoSteps.FirstDone, "{\"key\":\"k-7\"}")));
        Assert.Null(definition.Correlate(new ProcessMessage(Guid.NewGuid(), "other.event", "{\"key\":\"k-7\"}")));
    }

    private static ProcessInstance Started()
    {
        var instance = new ProcessInstance { Id = Guid.NewGuid(), Type = "two-steps", CorrelationKey = "k-1", CreatedAt = Now };
        new TwoSteps().Start(instance, new TwoSteps.Begin("k-1"), Now);
        return instance;
    }

    private static void Deliver(ProcessInstance instance, string type) =>
        new TwoSteps().Handle(instance, new ProcessMessage(Guid.NewGuid(), type, "{\"key\":\"k-1\"}"), Now);

    private sealed class TwoSteps : ProcessDefinition<TwoSteps.Progress, TwoSteps.Begin>
    {
        public const string FirstDone = "test.first_done";
        public const string SecondDone = "test.second_done";

        public TwoSteps()
            : base("two-steps")
        {
            ListenTo("Test");
            On<Answer>(FirstDone, a => a.Key, (process, _) =>
            {
                if (process.CompleteStep("first"))
                {
                    process.State.Answers++;
                    process.BeginStep("second", ProcessCommand.Create("do-second", new { }), ProcessCommand.Create("undo-second", new { }));
                    process.ScheduleTimeout("second", TimeSpan.FromMinutes(1));
                }
            });
            On<Answer>(SecondDone, a => a.Key, (process, _) =>
            {
                if (process.CompleteStep("second"))
                {
                    process.Complete(ProcessCommand.Create("report-done", new { }));
                }
            });
            OnTimeout("second", process => process.Fail("second-timeout", "no answer", Report()));
        }

        protected override void Started(ProcessContext<Progress> process, Begin start) =>
            process.BeginStep("first", ProcessCommand.Create("do-first", new { start.Key }), ProcessCommand.Create("undo-first", new { start.Key }));

        protected override void Rejected(ProcessContext<Progress> process, ProcessCommand command, Error error) =>
            process.Fail(error.Code, error.Message, Report());

        private static ProcessCommand Report() => ProcessCommand.Create("report-failure", new { });

        public sealed class Progress
        {
            public int Answers { get; set; }
        }

        public sealed record Begin(string Key);

        public sealed record Answer(string Key);
    }
}
