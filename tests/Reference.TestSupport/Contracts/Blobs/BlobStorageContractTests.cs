using System.Text;
using Reference.SharedKernel.Ports;
using Reference.SharedKernel.Tenancy;
using static Reference.TestSupport.Contracts.ContractScopes;

namespace Reference.TestSupport.Contracts.Blobs;

/// <summary>The behaviour every <see cref="IBlobStorage"/> must have. Subclass it and implement <see cref="PortContract{TPort}.CreatePortAsync"/>.</summary>
public abstract class BlobStorageContractTests : PortContract<IBlobStorage>
{
    [Fact]
    public async Task A_stored_blob_reads_back_with_its_content_type_and_length()
    {
        using var scope = Tenant(NewTenant());
        await PutAsync("invoices/2030/001.txt", "hello");

        var blob = await Port.GetAsync("invoices/2030/001.txt");

        Assert.NotNull(blob);
        await using var content = blob.Content;
        Assert.Equal(("text/plain", 5L), (blob.ContentType, blob.Length));
        Assert.Equal("hello", await new StreamReader(content).ReadToEndAsync());
    }

    [Fact]
    public async Task A_missing_blob_is_null_and_deleting_it_reports_false()
    {
        using var scope = Tenant(NewTenant());

        Assert.Null(await Port.GetAsync("nothing/here.txt"));
        Assert.False(await Port.DeleteAsync("nothing/here.txt"));
    }

    [Fact]
    public async Task Putting_again_replaces_and_deleting_removes()
    {
        using var scope = Tenant(NewTenant());
        await PutAsync("a.txt", "first");
        await PutAsync("a.txt", "second");
        Assert.Equal("second", await ReadAsync("a.txt"));

        Assert.True(await Port.DeleteAsync("a.txt"));

        Assert.Null(await Port.GetAsync("a.txt"));
    }

    [Fact]
    public async Task Listing_returns_the_paths_under_a_prefix_in_order()
    {
        using var scope = Tenant(NewTenant());
        await PutAsync("invoices/b.txt", "b");
        await PutAsync("invoices/a.txt", "a");
        await PutAsync("receipts/c.txt", "c");

        Assert.Equal(["invoices/a.txt", "invoices/b.txt"], await Port.ListAsync("invoices/"));
        Assert.Equal(["invoices/a.txt", "invoices/b.txt", "receipts/c.txt"], await Port.ListAsync(""));
    }

    [Fact]
    public async Task Tenants_can_neither_read_list_overwrite_nor_delete_each_others_blobs()
    {
        var (tenantA, tenantB) = (NewTenant(), NewTenant());
        using (Tenant(tenantA))
        {
            await PutAsync("shared/name.txt", "from a");
        }

        using (Tenant(tenantB))
        {
            Assert.Null(await Port.GetAsync("shared/name.txt"));
            Assert.Empty(await Port.ListAsync(""));
            Assert.False(await Port.DeleteAsync("shared/name.txt"));
            await PutAsync("shared/name.txt", "from b");
        }

        using (Tenant(tenantA))
        {
            Assert.Equal("from a", await ReadAsync("shared/name.txt"));
            Assert.Equal(["shared/name.txt"], await Port.ListAsync(""));
        }
    }

    [Theory]
    [InlineData("../other-tenant/secret.txt")]
    [InlineData("invoices/../../secret.txt")]
    [InlineData("invoices/./a.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("invoices\\a.txt")]
    [InlineData("invoices//a.txt")]
    [InlineData("")]
    [InlineData("bad\0name.txt")]
    public async Task Paths_that_could_escape_the_tenant_or_are_malformed_are_refused(string path)
    {
        using var scope = Tenant(NewTenant());

        await Assert.ThrowsAsync<InvalidBlobPathException>(() => PutAsync(path, "x"));
        await Assert.ThrowsAsync<InvalidBlobPathException>(() => Port.GetAsync(path));
        await Assert.ThrowsAsync<InvalidBlobPathException>(() => Port.DeleteAsync(path));
        Assert.Empty(await Port.ListAsync(""));
    }

    [Fact]
    public async Task Listing_with_a_climbing_prefix_is_refused()
    {
        using var scope = Tenant(NewTenant());

        await Assert.ThrowsAsync<InvalidBlobPathException>(() => Port.ListAsync("../"));
    }

    [Fact]
    public async Task Blob_storage_needs_a_tenant()
    {
        await Assert.ThrowsAsync<TenantRequiredException>(() => PutAsync("a.txt", "x"));
        await Assert.ThrowsAsync<TenantRequiredException>(() => Port.ListAsync(""));
    }

    private async Task PutAsync(string path, string text)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await Port.PutAsync(path, content, "text/plain");
    }

    private async Task<string?> ReadAsync(string path)
    {
        var blob = await Port.GetAsync(path);
        if (blob is null)
        {
            return null;
        }

        await using var content = blob.Content;
        return await new StreamReader(content).ReadToEndAsync();
    }
}
