using Reference.Features.Shared.Http;

[assembly: ApiTag("SampleItems", "The SampleItems slice: create sample items and list the summaries they are projected into.")]
