using Reference.SharedKernel.Filtering;

namespace Reference.Infrastructure.Processes;

/// <summary>What <c>GET /api/admin/processes</c> lets operators filter and sort on; most recently changed first by default.</summary>
public static class ProcessInstanceFields
{
    public static readonly FieldMap<ProcessInstanceRow> Map = FieldMap.For<ProcessInstanceRow>()
        .Key(o => o.Id)
        .Tenant(o => o.TenantId)
        .Field("type", o => o.Type, f => f.Sortable())
        .Field("state", o => o.Status, f => f.Sortable().Alias("status"))
        .Field("step", o => o.Step)
        .Field("correlation", o => o.CorrelationKey, f => f.Alias("correlationKey"))
        .Field("failureCode", o => o.FailureCode)
        .Field("createdAt", o => o.CreatedAt, f => f.Sortable())
        .Field("updatedAt", o => o.UpdatedAt, f => f.Sortable())
        .DefaultSort("updatedAt", descending: true)
        .Build();
}
