using ServiceRecoveryBot.Guidance;
using ServiceRecoveryBot.Recovery.Cases;
using ServiceRecoveryBot.Recovery.Playbooks;

namespace ServiceRecoveryBot.Tests.Guidance;

public sealed class PlaybookWalkTests
{
    private readonly GuidanceService guidance = GuidanceTestService.Instance;

    public static TheoryData<string> ModelIds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var model in GuidanceTestService.Instance.Models.Models) data.Add(model.Id);
            foreach (var category in Enum.GetValues<FailureCategory>()) data.Add(ModelCatalog.IdFor(category));
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void Each_model_can_be_walked_end_to_end_with_next(string modelId)
    {
        var model = guidance.Models.Find(modelId)!;
        PlaybookWalk? walk = PlaybookWalk.Start(modelId);
        var shown = new List<string> { GuidanceReplies.Step(model, walk) };

        while (walk is not null)
        {
            var reply = guidance.Continue(walk, "next", out var next);
            Assert.NotNull(reply);
            if (next is not null) shown.Add(reply);
            else Assert.Contains("last step", reply);
            walk = next;
        }

        Assert.Equal(model.Steps.Count, shown.Count);
        for (var i = 0; i < model.Steps.Count; i++)
        {
            Assert.Contains($"Step {i + 1}/{model.Steps.Count} · {model.Steps[i].Title}", shown[i]);
            Assert.Contains("Avoid: " + model.Steps[i].Avoid, shown[i]);
        }
    }

    [Theory]
    [MemberData(nameof(ModelIds))]
    public void All_steps_shows_every_step_and_keeps_the_walk(string modelId)
    {
        var model = guidance.Models.Find(modelId)!;
        var walk = new PlaybookWalk(modelId, 1);

        var reply = guidance.Continue(walk, "all steps", out var next);

        Assert.Equal(walk, next);
        Assert.All(model.Steps, step => Assert.Contains(step.Title, reply));
        Assert.Equal(model.Steps, PlaybookWalk.Whole(model));
    }

    [Fact]
    public void Back_returns_to_the_previous_step()
    {
        var walk = new PlaybookWalk("ahern", 2);

        var reply = guidance.Continue(walk, "back", out var next);

        Assert.Equal(new PlaybookWalk("ahern", 1), next);
        Assert.StartsWith("Step 2/6 · Listen with empathy", reply);
    }

    [Fact]
    public void Back_on_the_first_step_stays_there()
    {
        var reply = guidance.Continue(PlaybookWalk.Start("ahern"), "back", out var next);

        Assert.Equal(PlaybookWalk.Start("ahern"), next);
        Assert.StartsWith(GuidanceReplies.AlreadyFirst, reply);
    }

    [Fact]
    public void Stop_ends_the_walk()
    {
        var reply = guidance.Continue(new PlaybookWalk("merged", 3), "stop", out var next);

        Assert.Null(next);
        Assert.Equal(GuidanceReplies.Stopped, reply);
    }

    [Fact]
    public void Step_number_jumps_to_that_step()
    {
        var reply = guidance.Continue(PlaybookWalk.Start("tips"), "step 6", out var next);

        Assert.Equal(new PlaybookWalk("tips", 5), next);
        Assert.StartsWith("Step 6/6 · Learn from it", reply);
    }

    [Fact]
    public void Anything_else_is_not_a_walk_command_and_leaves_the_walk_alone()
    {
        var walk = new PlaybookWalk("merged", 2);

        var reply = guidance.Continue(walk, "the guest wants a refund", out var next);

        Assert.Null(reply);
        Assert.Equal(walk, next);
    }

    [Fact]
    public void A_walk_for_a_model_that_no_longer_exists_ends_politely()
    {
        var reply = guidance.Continue(new PlaybookWalk("retired-model", 1), "next", out var next);

        Assert.Null(next);
        Assert.Equal(GuidanceReplies.UnknownModel, reply);
    }

    [Fact]
    public void A_step_shows_counter_title_wording_avoid_and_commands()
    {
        var model = guidance.Models.Find("ahern")!;

        var text = GuidanceReplies.Step(model, new PlaybookWalk("ahern", 1));

        Assert.Equal(
            "Step 2/6 · Listen with empathy\n" + model.Steps[1].Do + "\nSay: \"" + model.Steps[1].Say + "\"\nAvoid: " + model.Steps[1].Avoid + "\n\nnext / back / all steps / stop",
            text);
    }

    [Fact]
    public void The_merged_playbook_follows_the_recovery_dialog_stages()
    {
        var playbook = RecoveryPlaybook.LoadDefault();
        string[] stages = ["apologize", "listen", "fix", "atone", "promise", "followUp"];

        var merged = guidance.Models.Default;

        Assert.Equal("merged", merged.Id);
        Assert.Equal(stages.Select(s => playbook.Stage(s).Title), merged.Steps.Select(s => s.Title));
        Assert.Equal(stages.Select(s => playbook.Stage(s).Avoid), merged.Steps.Select(s => s.Avoid));
    }

    [Fact]
    public void A_category_playbook_carries_that_categorys_wording_fixes_and_gestures()
    {
        var entry = RecoveryPlaybook.LoadDefault().For(FailureCategory.BillingError);

        var model = guidance.Models.ForCategory(FailureCategory.BillingError);

        Assert.Equal(entry.Apology[0], model.Steps[0].Say);
        Assert.Contains(entry.Apology[1], model.Steps[0].Do);
        Assert.All(entry.ListenTips, tip => Assert.Contains(tip, model.Steps[1].Do));
        Assert.Contains(entry.Fixes[0], model.Steps[2].Do);
        Assert.Contains(entry.Atonement[0], model.Steps[3].Do);
    }

    [Fact]
    public void Every_seed_model_is_in_the_catalog()
    {
        var ids = guidance.Models.Models.Select(m => m.Id).ToList();

        Assert.Equal(["merged", "four-steps", "five-phases", "five-phases-b", "ahern", "booklet", "fair-fix", "tips"], ids);
        Assert.All(guidance.Models.Models, m => Assert.False(string.IsNullOrWhiteSpace(m.Source)));
        Assert.All(guidance.Models.Models.SelectMany(m => m.Steps), s => Assert.False(string.IsNullOrWhiteSpace(s.Do) || string.IsNullOrWhiteSpace(s.Say) || string.IsNullOrWhiteSpace(s.Avoid)));
    }
}
