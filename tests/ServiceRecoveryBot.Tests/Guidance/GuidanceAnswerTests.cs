using ServiceRecoveryBot.Guidance;
using ServiceRecoveryBot.Recovery.Cases;

namespace ServiceRecoveryBot.Tests.Guidance;

public sealed class GuidanceAnswerTests
{
    private readonly GuidanceService guidance = GuidanceTestService.Instance;

    [Theory]
    [InlineData("how do I handle a double charge?", FailureCategory.BillingError)]
    [InlineData("guide double charge", FailureCategory.BillingError)]
    [InlineData("steps for a late delivery", FailureCategory.DeliveryOrLostItem)]
    [InlineData("guide for an overbooked room", FailureCategory.BookingOrReservation)]
    [InlineData("what should i do about a rude waiter", FailureCategory.StaffBehaviour)]
    [InlineData("how do i deal with a nut allergy mistake", FailureCategory.SafetyOrHealth)]
    [InlineData("playbook for a long wait", FailureCategory.WaitOrDelay)]
    [InlineData("how do i handle a cold meal", FailureCategory.ProductOrFoodQuality)]
    [InlineData("steps for a dirty room", FailureCategory.CleanlinessOrFacility)]
    [InlineData("how do i handle a customer nobody told about the change", FailureCategory.Communication)]
    [InlineData("overcharged", FailureCategory.BillingError)]
    [InlineData("how should we handle a lost reservation", FailureCategory.BookingOrReservation)]
    [InlineData("what do i do when the parcel never arrived", FailureCategory.DeliveryOrLostItem)]
    [InlineData("guide no hot water", FailureCategory.CleanlinessOrFacility)]
    [InlineData("how do i manage a food poisoning complaint", FailureCategory.SafetyOrHealth)]
    [InlineData("steps for a late order", FailureCategory.WaitOrDelay)]
    public void A_question_about_a_kind_of_failure_gets_that_categorys_playbook(string question, FailureCategory category)
    {
        var answer = guidance.Answer(question);

        Assert.Equal(GuidanceAnswerKind.Playbook, answer.Kind);
        Assert.Equal(category, answer.Category);
        Assert.Equal(PlaybookWalk.Start(ModelCatalog.IdFor(category)), answer.Walk);
        Assert.Contains("Step 1/6 · Apologize", answer.Text);
    }

    [Theory]
    [InlineData("ahern", "ahern")]
    [InlineData("guide ahern", "ahern")]
    [InlineData("walk me through ahern's steps", "ahern")]
    [InlineData("what are the 4 steps", "four-steps")]
    [InlineData("the four basic steps", "four-steps")]
    [InlineData("5 phases", "five-phases")]
    [InlineData("what are the five phases of service recovery", "five-phases")]
    [InlineData("5 phases order b", "five-phases-b")]
    [InlineData("booklet", "booklet")]
    [InlineData("guide flippingbook", "booklet")]
    [InlineData("fair fix list", "fair-fix")]
    [InlineData("tips", "tips")]
    [InlineData("tips for managing failures", "tips")]
    [InlineData("guide", "merged")]
    [InlineData("show me the playbook", "merged")]
    public void A_named_model_starts_a_walk_of_that_model(string question, string modelId)
    {
        var answer = guidance.Answer(question);

        Assert.Equal(GuidanceAnswerKind.Playbook, answer.Kind);
        Assert.Equal(PlaybookWalk.Start(modelId), answer.Walk);
        var model = guidance.Models.Find(modelId)!;
        Assert.Contains(model.Name, answer.Text);
        Assert.Contains($"Step 1/{model.Steps.Count} · {model.Steps[0].Title}", answer.Text);
    }

    [Theory]
    [InlineData("models")]
    [InlineData("which models")]
    [InlineData("list guides")]
    public void Asking_for_the_models_lists_them_all(string question)
    {
        var answer = guidance.Answer(question);

        Assert.Equal(GuidanceAnswerKind.ModelList, answer.Kind);
        Assert.All(guidance.Models.Models, model => Assert.Contains(model.Name, answer.Text));
    }

    [Fact]
    public void Every_command_the_model_list_suggests_starts_that_model()
    {
        var list = guidance.Answer("models").Text;
        var commands = System.Text.RegularExpressions.Regex.Matches(list, "say \"(?<command>guide[^\"]*)\"").Select(m => m.Groups["command"].Value).ToList();

        Assert.Equal(guidance.Models.Models.Count, commands.Count);
        for (var i = 0; i < commands.Count; i++)
            Assert.Equal(PlaybookWalk.Start(guidance.Models.Models[i].Id), guidance.Answer(commands[i]).Walk);
    }

    [Fact]
    public void A_step_list_question_without_a_model_or_category_gets_the_default_playbook_when_it_says_guide()
    {
        var answer = guidance.Answer("guide me through a recovery");

        Assert.Equal(GuidanceAnswerKind.Playbook, answer.Kind);
        Assert.Equal(PlaybookWalk.Start(ModelCatalog.MergedId), answer.Walk);
    }

    [Theory]
    [InlineData("How much can I give a guest without asking my manager?", "authority")]
    [InlineData("What are the steps again for a really angry customer?", "angry-customer")]
    [InlineData("what is the recovery paradox", "recovery-paradox")]
    [InlineData("how do I apologise?", "apologising")]
    public void Concept_questions_get_the_knowledge_entry(string question, string entryId)
    {
        var answer = guidance.Answer(question);

        Assert.Equal(GuidanceAnswerKind.KnowledgeEntry, answer.Kind);
        Assert.Equal(entryId, answer.EntryId);
        Assert.Contains(guidance.Knowledge.Find(entryId)!.Answer, answer.Text);
    }

    [Fact]
    public void The_knowledge_base_covers_the_topics_the_brief_asks_for()
    {
        string[] required =
        [
            "recovery-paradox", "failure-vs-breakdown", "failure-types", "maturity-stages", "speed", "fair-compensation", "authority",
            "follow-up", "root-cause", "keeping-promises", "listening-empathy", "keep-informed", "valuable-customers", "cost-of-losing",
            "anticipation", "hospitality", "prevention", "angry-customer", "abuse-toward-staff", "no-fault", "severity-scale", "bot-capabilities",
        ];

        Assert.True(guidance.Knowledge.Entries.Count >= 20);
        Assert.All(required, id => Assert.NotNull(guidance.Knowledge.Find(id)));
        Assert.All(guidance.Knowledge.Entries, e => Assert.True(e.Answer.Length <= 420, $"{e.Id} is too long for chat ({e.Answer.Length})"));
    }

    [Fact]
    public void Differentiating_valuable_customers_keeps_the_fairness_guardrail()
    {
        var entry = guidance.Knowledge.Find("valuable-customers")!;

        Assert.Contains("same for everyone", entry.Answer);
    }

    [Fact]
    public void Every_example_question_we_advertise_is_recognised_and_answered()
    {
        Assert.All(GuidanceReplies.ExampleQuestions, question =>
        {
            Assert.True(guidance.IsGuidanceQuestion(question), question);
            Assert.Contains(guidance.Answer(question).Kind, new[] { GuidanceAnswerKind.Playbook, GuidanceAnswerKind.ModelList, GuidanceAnswerKind.KnowledgeEntry });
        });
        Assert.All(GuidanceReplies.ExampleQuestions, question => Assert.Contains(question, GuidanceReplies.WhatYouCanAsk));
    }

    [Fact]
    public void When_the_words_are_unsure_the_seam_s_nearest_topic_is_the_answer()
    {
        var question = "is a free drink enough";
        Assert.Equal(GuidanceAnswerKind.ClosestTopics, guidance.Answer(question).Kind);

        var answer = guidance.Answer(question, [new TopicGuess("fair-compensation", 0.42), new TopicGuess("authority", 0.4)]);

        Assert.Equal(GuidanceAnswerKind.KnowledgeEntry, answer.Kind);
        Assert.Equal("fair-compensation", answer.EntryId);
    }

    [Fact]
    public void The_words_own_ranking_lifts_a_topic_the_seam_puts_second()
    {
        // The words rank fair compensation first; the seam has it just behind authority: together they pick it.
        var answer = guidance.Answer("is a free drink enough", [new TopicGuess("authority", 0.36), new TopicGuess("fair-compensation", 0.3)]);

        Assert.Equal("fair-compensation", answer.EntryId);
    }

    [Fact]
    public void A_topic_nowhere_near_leaves_the_closest_topics()
    {
        var answer = guidance.Answer("is a free drink enough", [new TopicGuess("what-is-recovery", 0.12)]);

        Assert.Equal(GuidanceAnswerKind.ClosestTopics, answer.Kind);
    }

    [Fact]
    public void A_sure_lexical_answer_is_not_overruled_by_the_seam()
    {
        var answer = guidance.Answer("how do I handle a double charge?", [new TopicGuess("apologising", 0.9)]);

        Assert.Equal(FailureCategory.BillingError, answer.Category);
    }
}
