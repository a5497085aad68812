using ServiceRecoveryBot.Recovery.Playbooks;
using ServiceRecoveryBot.Sentiment;
using ServiceRecoveryBot.Tests.Guidance;
using ServiceRecoveryBot.Understanding;

namespace ServiceRecoveryBot.Tests.Understanding;

/// <summary>One lexical understanding seam for the tests (the model never loads here, so every reading is deterministic).</summary>
internal static class TestUnderstanding
{
    public static readonly Understander Lexical = new(RecoveryPlaybook.LoadDefault(), GuidanceTestService.Instance, new ToneFlagDetector());
}
