using System.Text.Json;
using Reference.Web.Cli;

namespace Reference.IntegrationTests.Cli;

/// <summary>The management commands, run in-process against PostgreSQL: their output, JSON mode and exit codes.</summary>
public sealed class CliCommandTests(CliDatabase db) : IClassFixture<CliDatabase>
{
    [Theory]
    [InlineData(false)]
    [InlineData(false, "--urls", "http://localhost:5099")]
    [InlineData(false, "--environment=Production")]
    [InlineData(true, "migrate")]
    [InlineData(true, "frobnicate")]
    [InlineData(true, "--help")]
    public void Only_a_command_keeps_the_web_host_from_starting(bool command, params string[] args) =>
        Assert.Equal(command, ReferenceCli.IsCommand(args));

    [Fact]
    public async Task Usage_errors_exit_with_2_and_help_with_0()
    {
        var (unknown, _, error) = await db.RunAsync("frobnicate");
        Assert.Equal(ReferenceCli.UsageError, unknown);
        Assert.Contains("frobnicate", error, StringComparison.Ordinal);

        Assert.Equal(ReferenceCli.UsageError, (await db.RunAsync("tenants")).Exit);
        Assert.Equal(ReferenceCli.UsageError, (await db.RunAsync("audit", "verify")).Exit);

        var (help, output, _) = await db.RunAsync("--help");
        Assert.Equal(ReferenceCli.Success, help);
        Assert.All(["migrate", "projections", "outbox", "audit", "tenants"], c => Assert.Contains(c, output, StringComparison.Ordinal));

        var (rebuildHelp, rebuildOutput, _) = await db.RunAsync("projections", "rebuild", "--help");
        Assert.Equal(ReferenceCli.Success, rebuildHelp);
        Assert.Contains("--wait", rebuildOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tenants_are_listed_created_deactivated_and_reactivated()
    {
        var id = "cli" + Guid.NewGuid().ToString("N")[..8];
        var (created, createdOutput, error) = await db.RunAsync("tenants", "create", id, "--name", "Made at the shell", "--json");
        Assert.True(created == ReferenceCli.Success, error);
        Assert.Equal(id, JsonDocument.Parse(createdOutput).RootElement.GetProperty("id").GetString());

        var (listed, listOutput, _) = await db.RunAsync("tenants", "list", "--json");
        Assert.Equal(ReferenceCli.Success, listed);
        var ids = JsonDocument.Parse(listOutput).RootElement.EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToList();
        Assert.Contains("acme", ids);
        Assert.Contains(id, ids);

        var (deactivated, deactivatedOutput, _) = await db.RunAsync("tenants", "deactivate", id, "--json");
        Assert.Equal(ReferenceCli.Success, deactivated);
        Assert.False(JsonDocument.Parse(deactivatedOutput).RootElement.GetProperty("isActive").GetBoolean());
        Assert.Equal(ReferenceCli.Success, (await db.RunAsync("tenants", "reactivate", id)).Exit);

        var (table, tableOutput, _) = await db.RunAsync("tenants", "list");
        Assert.Equal(ReferenceCli.Success, table);
        Assert.Contains("Made at the shell", tableOutput, StringComparison.Ordinal);
        Assert.StartsWith("Id ", tableOutput, StringComparison.Ordinal);

        // The same command twice: a use case's refusal is exit 1 with its code on stderr.
        var (again, _, againError) = await db.RunAsync("tenants", "create", id, "--name", "Again");
        Assert.Equal(ReferenceCli.Failure, again);
        Assert.Contains("already_exists", againError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_chain_is_verified_per_tenant()
    {
        var (verified, output, error) = await db.RunAsync("audit", "verify", "--tenant", "acme", "--json");
        Assert.True(verified == ReferenceCli.Success, error);
        Assert.True(JsonDocument.Parse(output).RootElement.GetProperty("isValid").GetBoolean());

        var (unknown, _, unknownError) = await db.RunAsync("audit", "verify", "--tenant", "nobody");
        Assert.Equal(ReferenceCli.Failure, unknown);
        Assert.Contains("nobody", unknownError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_dead_letters_are_listed_and_redriven()
    {
        var (listed, output, error) = await db.RunAsync("outbox", "dead-letters", "--tenant", "acme", "--json");
        Assert.True(listed == ReferenceCli.Success, error);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(output).RootElement.ValueKind);

        var (status, statusOutput, _) = await db.RunAsync("outbox", "status", "--json");
        Assert.Equal(ReferenceCli.Success, status);
        Assert.Equal(0, JsonDocument.Parse(statusOutput).RootElement.GetProperty("deadLetters").GetInt32());

        Assert.Equal(ReferenceCli.Failure, (await db.RunAsync("outbox", "redrive", Guid.NewGuid().ToString(), "--tenant", "acme")).Exit);
        Assert.Equal(ReferenceCli.Failure, (await db.RunAsync("outbox", "redrive", "--tenant", "acme")).Exit);
        var (all, allOutput, _) = await db.RunAsync("outbox", "redrive", "--all", "--tenant", "acme", "--json");
        Assert.Equal(ReferenceCli.Success, all);
        Assert.Equal(0, JsonDocument.Parse(allOutput).RootElement.GetProperty("redriven").GetInt32());
    }

    [Fact]
    public async Task Projections_are_listed_and_an_unknown_one_is_not_rebuilt()
    {
        var (listed, output, error) = await db.RunAsync("projections", "list", "--json");
        Assert.True(listed == ReferenceCli.Success, error);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(output).RootElement.ValueKind);

        var (rebuilt, _, rebuildError) = await db.RunAsync("projections", "rebuild", "no-such-projection");
        Assert.Equal(ReferenceCli.Failure, rebuilt);
        Assert.Contains("no-such-projection", rebuildError, StringComparison.Ordinal);
    }
}
