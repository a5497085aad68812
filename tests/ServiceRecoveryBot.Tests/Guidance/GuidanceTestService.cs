using ServiceRecoveryBot.Guidance;
using ServiceRecoveryBot.Recovery.Playbooks;

namespace ServiceRecoveryBot.Tests.Guidance;

/// <summary>One guidance service for all guidance tests: it is immutable, so sharing it is safe and keeps the tests fast.</summary>
internal static class GuidanceTestService
{
    public static readonly GuidanceService Instance = new(RecoveryPlaybook.LoadDefault());
}
