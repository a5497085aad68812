using Microsoft.Extensions.DependencyInjection;
using ServiceRecoveryBot.Guidance;

namespace ServiceRecoveryBot.Tests.Guidance;

public sealed class GuidanceRegistrationTests
{
    [Fact]
    public void AddGuidance_registers_one_guidance_service()
    {
        using var provider = new ServiceCollection().AddGuidance().BuildServiceProvider();

        var first = provider.GetRequiredService<GuidanceService>();

        Assert.Same(first, provider.GetRequiredService<GuidanceService>());
        Assert.Equal(GuidanceAnswerKind.Playbook, first.Answer("guide").Kind);
    }

    [Fact]
    public void A_stored_walk_round_trips_as_model_id_and_step()
    {
        var guidance = GuidanceTestService.Instance;
        var started = guidance.Answer("steps for a late delivery").Walk!;

        var restored = new PlaybookWalk(started.ModelId, started.Step);
        guidance.Continue(restored, "next", out var next);

        Assert.Equal(new PlaybookWalk("merged:DeliveryOrLostItem", 1), next);
    }

    [Fact]
    public void The_same_question_always_gets_the_same_answer()
    {
        var a = new GuidanceService(ServiceRecoveryBot.Recovery.Playbooks.RecoveryPlaybook.LoadDefault());
        var b = GuidanceTestService.Instance;

        foreach (var question in new[] { "recovry paradox", "customer service", "how do I handle a double charge?", "tell me a joke" })
            Assert.Equal(b.Answer(question), a.Answer(question), new AnswerComparer());
    }

    private sealed class AnswerComparer : IEqualityComparer<GuidanceAnswer>
    {
        public bool Equals(GuidanceAnswer? x, GuidanceAnswer? y) =>
            x is not null && y is not null && x.Kind == y.Kind && x.Text == y.Text && x.Walk == y.Walk && x.EntryId == y.EntryId && x.Topics.SequenceEqual(y.Topics);

        public int GetHashCode(GuidanceAnswer obj) => obj.Text.GetHashCode(StringComparison.Ordinal);
    }
}
