using Reference.Infrastructure.Messaging;
using Reference.SharedKernel.Application;
using Reference.SharedKernel.Ports;
using Reference.TestSupport.Contracts;
using Reference.TestSupport.Contracts.Messaging;

namespace Reference.IntegrationTests.Projections;

/// <summary>The broker the outbox dispatcher publishes through, held to the same contract as every other broker.</summary>
public sealed class InProcessMessageBrokerContract : MessageBrokerContractTests
{
    protected override Task<IMessageBroker> CreatePortAsync(TimeProvider time) =>
        Task.FromResult<IMessageBroker>(new InProcessMessageBroker(ContractScopes.Tenants, new AmbientCorrelationContext()));
}
