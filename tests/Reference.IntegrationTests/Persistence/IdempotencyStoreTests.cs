using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Reference.Infrastructure.Idempotency;
using Reference.IntegrationTests.Persistence.Support;

namespace Reference.IntegrationTests.Persistence;

/// <summary>
/// The idempotency key store on each provider: one claim per key at a time, results committed with the unit of
/// work they belong to, claims that expire or are released, scopes that never meet, and pruning on use.
/// </summary>
public abstract class IdempotencyStoreTests(IWriteSideDatabase database) : WriteSideTestBase(database)
{
    private static readonly IdempotencyScope Scope = new("acme", "alice", "key-1");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public override Task InitializeAsync() =>
        RestartHostAsync(
            settings =>
            {
                settings["Idempotency:Retention"] = "01:00:00";
                settings["Idempotency:InFlightLease"] = "00:00:30";
                settings["Idempotency:PruneBatch"] = "2";
            },
            _time);

    [Fact]
    public async Task A_new_key_is_claimed_and_then_held_until_its_request_completes()
    {
        var first = Guid.NewGuid();

        var claimed = await ClaimAsync(Scope, "hash-1", first);
        var held = await ClaimAsync(Scope, "hash-1", Guid.NewGuid());
        await CompleteAsync(Scope, first, "{\"value\":1}");
        var completed = await ClaimAsync(Scope, "hash-1", Guid.NewGuid());

        Assert.Equal(IdempotencyClaimStatus.Claimed, claimed.Status);
        Assert.Equal(new IdempotencyClaim(IdempotencyClaimStatus.InFlight, "hash-1", null), held);
        Assert.Equal(new IdempotencyClaim(IdempotencyClaimStatus.Completed, "hash-1", "{\"value\":1}"), completed);
    }

    [Fact]
    public async Task Another_request_under_the_key_is_told_the_first_ones_hash()
    {
        var first = Guid.NewGuid();
        await ClaimAsync(Scope, "hash-1", first);
        await CompleteAsync(Scope, first, "{}");

        var other = await ClaimAsync(Scope, "hash-2", Guid.NewGuid());

        Assert.Equal(IdempotencyClaimStatus.Completed, other.Status);
        Assert.Equal("hash-1", other.RequestHash);
    }

    [Fact]
    public async Task A_result_recorded_in_a_unit_of_work_that_rolls_back_is_not_kept()
    {
        var token = Guid.NewGuid();
        await ClaimAsync(Scope, "hash-1", token);

        await using (var scope = Host.CreateScope())
        {
            await using var transaction = await scope.UnitOfWork.BeginAsync();
            Assert.True(await scope.Services.GetRequiredService<IIdempotencyStore>().CompleteAsync(Scope, token, "{}", CancellationToken.None));
        }

        Assert.Equal(IdempotencyClaimStatus.InFlight, (await ClaimAsync(Scope, "hash-1", Guid.NewGuid())).Status);
    }

    [Fact]
    public async Task A_claim_whose_lease_ran_out_is_taken_over_and_its_first_holder_can_no_longer_complete()
    {
        var stalled = Guid.NewGuid();
        var fresh = Guid.NewGuid();
        await ClaimAsync(Scope, "hash-1", stalled);
        _time.Advance(TimeSpan.FromSeconds(31));

        var takeover = await ClaimAsync(Scope, "hash-1", fresh);

        Assert.Equal(IdempotencyClaimStatus.Claimed, takeover.Status);
        Assert.False(await CompleteAsync(Scope, stalled, "{\"from\":\"stalled\"}"));
        Assert.True(await CompleteAsync(Scope, fresh, "{\"from\":\"fresh\"}"));
        Assert.Equal("{\"from\":\"fresh\"}", (await ClaimAsync(Scope, "hash-1", Guid.NewGuid())).Response);
    }

    [Fact]
    public async Task A_released_key_is_free_again_but_a_completed_one_cannot_be_released()
    {
        var failed = Guid.NewGuid();
        await ClaimAsync(Scope, "hash-1", failed);
        await ReleaseAsync(Scope, failed);
        var retry = Guid.NewGuid();
        var again = await ClaimAsync(Scope, "hash-2", retry);
        await CompleteAsync(Scope, retry, "{}");

        await ReleaseAsync(Scope, retry);

        Assert.Equal(IdempotencyClaimStatus.Claimed, again.Status);
        Assert.Equal(IdempotencyClaimStatus.Completed, (await ClaimAsync(Scope, "hash-2", Guid.NewGuid())).Status);
    }

    [Fact]
    public async Task Keys_of_another_tenant_or_principal_never_meet()
    {
        await ClaimAsync(Scope, "hash-1", Guid.NewGuid());

        var otherTenant = await ClaimAsync(Scope with { TenantId = "globex" }, "hash-1", Guid.NewGuid());
        var otherPrincipal = await ClaimAsync(Scope with { PrincipalId = "bob" }, "hash-1", Guid.NewGuid());
        var outsideTenants = await ClaimAsync(Scope with { TenantId = "" }, "hash-1", Guid.NewGuid());

        Assert.All([otherTenant, otherPrincipal, outsideTenants], c => Assert.Equal(IdempotencyClaimStatus.Claimed, c.Status));
    }

    [Fact]
    public async Task A_completed_key_is_forgotten_after_its_retention_and_claims_prune_expired_keys_a_batch_at_a_time()
    {
        foreach (var key in new[] { "old-1", "old-2", "old-3" })
        {
            var token = Guid.NewGuid();
            await ClaimAsync(Scope with { Key = key }, "hash-1", token);
            await CompleteAsync(Scope with { Key = key }, token, "{}");
        }

        _time.Advance(TimeSpan.FromMinutes(61));
        var keep = Guid.NewGuid();
        await ClaimAsync(Scope with { Key = "new" }, "hash-1", keep);
        var afterOneClaim = await CountAsync("idempotency_keys");
        var reused = await ClaimAsync(Scope with { Key = "old-3" }, "hash-2", Guid.NewGuid());

        Assert.Equal(2, afterOneClaim);
        Assert.Equal(IdempotencyClaimStatus.Claimed, reused.Status);
        Assert.Equal(0, await PruneAsync());
        Assert.Equal(2, await CountAsync("idempotency_keys"));
    }

    [Fact]
    public async Task A_running_request_keeps_its_key_past_a_retention_shorter_than_its_lease()
    {
        await RestartHostAsync(
            settings =>
            {
                settings["Idempotency:Retention"] = "00:00:01";
                settings["Idempotency:InFlightLease"] = "00:00:30";
            },
            _time);
        var running = Guid.NewGuid();
        await ClaimAsync(Scope, "hash-1", running);
        _time.Advance(TimeSpan.FromSeconds(5));

        var meanwhile = await ClaimAsync(Scope, "hash-1", Guid.NewGuid());

        Assert.Equal(IdempotencyClaimStatus.InFlight, meanwhile.Status);
        Assert.Equal(0, await PruneAsync());
        Assert.True(await CompleteAsync(Scope, running, "{}"));
    }

    private async Task<IdempotencyClaim> ClaimAsync(IdempotencyScope scope, string hash, Guid token)
    {
        await using var ports = Host.CreateScope();
        return await ports.Services.GetRequiredService<IIdempotencyStore>().ClaimAsync(scope, hash, token, CancellationToken.None);
    }

    private async Task<bool> CompleteAsync(IdempotencyScope scope, Guid token, string response)
    {
        await using var ports = Host.CreateScope();
        await using var transaction = await ports.UnitOfWork.BeginAsync();
        var completed = await ports.Services.GetRequiredService<IIdempotencyStore>().CompleteAsync(scope, token, response, CancellationToken.None);
        await transaction.CommitAsync();
        return completed;
    }

    private async Task ReleaseAsync(IdempotencyScope scope, Guid token)
    {
        await using var ports = Host.CreateScope();
        await ports.Services.GetRequiredService<IIdempotencyStore>().ReleaseAsync(scope, token, CancellationToken.None);
    }

    private async Task<int> PruneAsync()
    {
        await using var ports = Host.CreateScope();
        return await ports.Services.GetRequiredService<IIdempotencyStore>().PruneAsync(100, CancellationToken.None);
    }
}

public sealed class PostgresIdempotencyStoreTests(PostgresWriteSideDatabase database)
    : IdempotencyStoreTests(database), IClassFixture<PostgresWriteSideDatabase>;

public sealed class SqliteIdempotencyStoreTests(SqliteWriteSideDatabase database)
    : IdempotencyStoreTests(database), IClassFixture<SqliteWriteSideDatabase>;
