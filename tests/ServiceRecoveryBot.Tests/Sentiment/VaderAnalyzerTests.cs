using ServiceRecoveryBot.Sentiment;

namespace ServiceRecoveryBot.Tests.Sentiment;

/// <summary>Each VADER rule, checked against the reference formula: compound = x / sqrt(x² + 15).</summary>
public sealed class VaderAnalyzerTests(LexiconFixture fixture) : IClassFixture<LexiconFixture>
{
    private const double Good = 1.9;
    private const double Bad = -2.5;

    private static double Norm(double x) => x / Math.Sqrt((x * x) + 15);

    private double Compound(string text) => fixture.Vader.Score(text).Compound;

    [Fact]
    public void Lexicon_words_carry_their_valences_from_the_npm_file()
    {
        Assert.True(fixture.Lexicon.TryGetValence("good", out double good));
        Assert.Equal(Good, good);
        Assert.True(fixture.Lexicon.TryGetValence("bad", out double bad));
        Assert.Equal(Bad, bad);
        Assert.True(fixture.Lexicon.Count > 7500);
    }

    [Fact]
    public void The_four_entries_the_npm_lexicon_changed_are_restored_to_the_reference()
    {
        Assert.True(fixture.Lexicon.TryGetValence("heart", out double heart));
        Assert.Equal(3.2, heart);
        Assert.True(fixture.Lexicon.TryGetValence("hearts", out _));
        Assert.True(fixture.Lexicon.TryGetValence("flawed", out double flawed));
        Assert.True(flawed < 0);
        Assert.True(fixture.Lexicon.TryGetValence("badass", out double badass));
        Assert.Equal(1.4, badass);
    }

    [Fact]
    public void A_single_word_is_normalised_with_alpha_15() => Assert.Equal(Norm(Good), Compound("good"), 12);

    [Fact]
    public void Text_without_words_scores_zero()
    {
        Assert.Equal(default, fixture.Vader.Score(""));
        Assert.Equal(0, Compound("the table"));
        Assert.Equal(1.0, fixture.Vader.Score("the table").Neutral);
    }

    [Fact]
    public void Negation_flips_and_dampens_the_following_word()
    {
        Assert.Equal(Norm(Good * -0.74), Compound("not good"), 12);
        Assert.Equal(Norm(Good * -0.74), Compound("isn't good"), 12);
    }

    [Fact]
    public void Negation_reaches_three_words_back()
    {
        Assert.Equal(Norm(Good * -0.74), Compound("not the car good"), 12);
        Assert.Equal(Norm(Good), Compound("not the big car good"), 12);
    }

    [Fact]
    public void Boosters_increase_and_dampeners_decrease_the_next_word()
    {
        Assert.Equal(Norm(Good + 0.293), Compound("very good"), 12);
        Assert.Equal(Norm(Good - 0.293), Compound("slightly good"), 12);
        Assert.Equal(Norm(Bad - 0.293), Compound("very bad"), 12);
    }

    [Fact]
    public void Boosters_fade_with_distance()
    {
        Assert.Equal(Norm(Good + (0.293 * 0.95)), Compound("very the good"), 12);
        Assert.Equal(Norm(Good + (0.293 * 0.9)), Compound("very the car good"), 12);
    }

    [Fact]
    public void All_caps_emphasise_a_word_only_when_other_words_are_not_in_caps()
    {
        Assert.Equal(Norm(Good + 0.733), Compound("the food is GOOD"), 12);
        Assert.Equal(Norm(Good), Compound("THE FOOD IS GOOD"), 12);
        Assert.Equal(Norm(Good + 0.293 + 0.733), Compound("the food is VERY good"), 12);
    }

    [Fact]
    public void Exclamation_marks_add_emphasis_up_to_four()
    {
        Assert.Equal(Norm(Good + 0.292), Compound("good!"), 12);
        Assert.Equal(Norm(Good + (4 * 0.292)), Compound("good!!!!!!!"), 12);
        Assert.Equal(Norm(Bad - (2 * 0.292)), Compound("bad!!"), 12);
    }

    [Fact]
    public void Two_or_more_question_marks_add_emphasis()
    {
        Assert.Equal(Norm(Good), Compound("good?"), 12);
        Assert.Equal(Norm(Good + 0.36), Compound("good??"), 12);
        Assert.Equal(Norm(Good + 0.96), Compound("good?????"), 12);
    }

    [Fact]
    public void But_halves_what_comes_before_and_raises_what_comes_after()
    {
        Assert.Equal(Norm((Good * 0.5) + (Bad * 1.5)), Compound("good but bad"), 12);
    }

    [Fact]
    public void Never_so_amplifies_instead_of_negating()
    {
        Assert.Equal(Norm((Good + 0.293) * 1.25), Compound("never so good"), 12);
    }

    [Fact]
    public void Least_negates_unless_it_is_at_least()
    {
        Assert.Equal(Norm(Good * -0.74), Compound("the least good"), 12);
        Assert.Equal(Norm(Good), Compound("at least good"), 12);
    }

    [Fact]
    public void No_negates_the_next_lexicon_word_instead_of_counting_itself()
    {
        Assert.Equal(Norm(Good * -0.74), Compound("no good"), 12);
        Assert.Equal(Norm(-1.2), Compound("no"), 12);
    }

    [Fact]
    public void Kind_of_is_a_dampener_not_the_kind_word()
    {
        Assert.Equal(Norm(Good - 0.293), Compound("it was kind of good"), 12);
        Assert.True(Compound("a kind man") > 0);
    }

    [Fact]
    public void Special_idioms_replace_the_valence()
    {
        Assert.Equal(Norm(3), Compound("this movie is the shit"), 12);
        Assert.True(Compound("this movie is shit") < 0);
    }

    [Fact]
    public void Punctuation_is_stripped_from_words_but_emoticons_stay()
    {
        Assert.Equal(Norm(Good), Compound("(good)"), 12);
        Assert.True(Compound("thanks :)") > Compound("thanks"));
    }

    [Fact]
    public void Proportions_sum_to_one()
    {
        var scores = fixture.Vader.Score("The food was good but the service was terrible and slow.");
        Assert.Equal(1.0, scores.Positive + scores.Neutral + scores.Negative, 9);
        Assert.True(scores.Negative > scores.Positive);
    }

    [Theory]
    [InlineData("VADER is smart, handsome, and funny.", 0.8316)]
    [InlineData("VADER is smart, handsome, and funny!", 0.8439)]
    [InlineData("VADER is very smart, handsome, and funny.", 0.8545)]
    [InlineData("VADER is VERY SMART, handsome, and FUNNY.", 0.9227)]
    [InlineData("VADER is VERY SMART, handsome, and FUNNY!!!", 0.9342)]
    [InlineData("VADER is not smart, handsome, nor funny.", -0.7424)]
    [InlineData("The book was good.", 0.4404)]
    [InlineData("At least it isn't a horrible book.", 0.431)]
    [InlineData("Today SUX!", -0.5461)]
    [InlineData("Not bad at all", 0.431)]
    public void Reference_examples_score_as_the_reference_does(string text, double expected) =>
        Assert.Equal(expected, Math.Round(Compound(text), 4));

    [Fact]
    public void Scoring_is_safe_from_many_threads()
    {
        const string text = "The staff were very helpful but the room was dirty!";
        double expected = Compound(text);
        Parallel.For(0, 2000, _ => Assert.Equal(expected, Compound(text)));
    }
}
