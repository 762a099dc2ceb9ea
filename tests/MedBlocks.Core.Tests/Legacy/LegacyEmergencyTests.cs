using MedBlocks.Core.Legacy;
using MedBlocks.Core.Participants;

namespace MedBlocks.Core.Tests.Legacy;

public sealed class LegacyEmergencyTests
{
    [Fact]
    public void Address_IsAnEd25519Address()
    {
        Assert.True(Ed25519Address.IsValid(LegacyEmergency.Address));
    }
}
