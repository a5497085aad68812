using Azure.Identity;
using ServiceRecoveryBot.Operations;

namespace ServiceRecoveryBot.Tests.Operations;

public sealed class AzureIdentityTests
{
    [Fact]
    public void A_configured_managed_identity_client_id_signs_in_as_that_identity() =>
        Assert.IsType<ManagedIdentityCredential>(AzureIdentity.For("6f1c2a4e-0d6b-4c3e-9a57-2b8e1f0c9d11"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Without_one_the_default_credential_chain_is_used(string? clientId) =>
        Assert.IsType<DefaultAzureCredential>(AzureIdentity.For(clientId));
}
