using GraphQL;
using Reference.SharedKernel.Filtering;

namespace Reference.Web.GraphQL;

/// <summary>A connection field's arguments as the list module's query: the same filter and sort strings, <c>first</c> as the page size, <c>after</c> as the cursor.</summary>
public static class ListArguments
{
    public static ListQuery Of(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ListQuery(
            Filter: context.GetArgument<string?>("filter"),
            Sort: context.GetArgument<string?>("sort"),
            PageSize: context.GetArgument<int?>("first"),
            Cursor: context.GetArgument<string?>("after"));
    }
}
