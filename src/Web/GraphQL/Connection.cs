using GraphQL.Types;
using Reference.SharedKernel.Filtering;

namespace Reference.Web.GraphQL;

/// <summary>
/// A page of a list as a Relay connection: <c>edges { cursor node }</c>, <c>nodes</c>,
/// <c>pageInfo { hasNextPage endCursor }</c> and <c>totalCount</c>. The lists page by keyset, so the cursor is the
/// page's: <c>endCursor</c>, also on the last edge, goes into <c>after</c> for the next page.
/// </summary>
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, IReadOnlyList<T> Nodes, PageInfo PageInfo, int TotalCount)
{
    public static Connection<T> Of(PagedResult<T> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var edges = page.Items.Select((item, i) => new Edge<T>(i == page.Items.Count - 1 ? page.NextCursor : null, item)).ToList();
        return new Connection<T>(edges, page.Items, new PageInfo(page.NextCursor is not null, page.NextCursor), page.TotalCount);
    }
}

public sealed record Edge<T>(string? Cursor, T Node);

public sealed record PageInfo(bool HasNextPage, string? EndCursor);

public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Field(p => p.HasNextPage);
        Field(p => p.EndCursor, nullable: true).Description("Pass as `after` for the next page; null on the last page.");
    }
}

/// <summary>The connection graph type of one node type, named after it (<c>OrderConnection</c>, <c>OrderEdge</c>).</summary>
public abstract class ConnectionGraphType<TNodeGraphType, T> : ObjectGraphType<Connection<T>>
    where TNodeGraphType : IGraphType
{
    protected ConnectionGraphType(string node)
    {
        Name = node + "Connection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EdgeGraphType<TNodeGraphType, T>>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TNodeGraphType>>>>("nodes").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source.PageInfo);
        Field(c => c.TotalCount).Description("Rows matching the filter, over every page.");
    }
}

public sealed class EdgeGraphType<TNodeGraphType, T> : ObjectGraphType<Edge<T>>
    where TNodeGraphType : IGraphType
{
    public EdgeGraphType()
    {
        Name = typeof(T).Name.Replace("ListItem", "", StringComparison.Ordinal) + "Edge";
        Field(e => e.Cursor, nullable: true).Description("The page's cursor on the last edge; null on the others (keyset paging).");
        Field<NonNullGraphType<TNodeGraphType>>("node").Resolve(c => c.Source.Node);
    }
}
