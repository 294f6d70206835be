namespace Reference.FilteringBenchmarks;

/// <summary>The same filters in this module's syntax and in System.Linq.Dynamic.Core's, by clause count.</summary>
public static class FilterTexts
{
    public static string Module(int clauses) => clauses switch
    {
        1 => "number>5",
        3 => "number>5,title=*urgent/i,status=active",
        _ => "number>5,number<9000,title=*urgent/i,status=[active;shipped],total>=10,total<=1900,"
            + "createdAt>=2024-01-02,customer^Customer,customer!=Customer 7,title!=null",
    };

    public static string DynamicLinq(int clauses) => clauses switch
    {
        1 => "Number > 5",
        3 => "Number > 5 && Title != null && Title.ToLower().Contains(\"urgent\") && Status == \"Active\"",
        _ => "Number > 5 && Number < 9000 && Title != null && Title.ToLower().Contains(\"urgent\")"
            + " && (Status == \"Active\" || Status == \"Shipped\") && Total >= 10 && Total <= 1900"
            + " && CreatedAt >= DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc) && Customer.StartsWith(\"Customer\")"
            + " && Customer != \"Customer 7\" && Title != null",
    };
}
