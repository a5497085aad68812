namespace ServiceRecoveryBot.Sentiment;

/// <summary>Splits chat text into sentences: after '.', '!', '?' or '…' runs (with closing quotes or brackets) followed by white space, and at line breaks.</summary>
internal static class SentenceSplitter
{
    public static int Split(ReadOnlySpan<char> text, Span<Range> sentences)
    {
        int n = 0, start = 0, i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c is '\n' or '\r')
            {
                Add(text, start, i, sentences, ref n);
                start = ++i;
                continue;
            }

            if (c is '.' or '!' or '?' or '\u2026')
            {
                int end = i + 1;
                while (end < text.Length && text[end] is '.' or '!' or '?' or '\u2026' or '"' or '\'' or ')' or '\u201D' or '\u2019')
                {
                    end++;
                }

                if (end == text.Length || char.IsWhiteSpace(text[end]))
                {
                    Add(text, start, end, sentences, ref n);
                    start = end;
                }

                i = end;
                continue;
            }

            i++;
        }

        Add(text, start, text.Length, sentences, ref n);
        return n;
    }

    /// <summary>An upper bound of the sentences in a text, to size the buffer.</summary>
    public static int MaxSentences(ReadOnlySpan<char> text) => (text.Length / 2) + 2;

    private static void Add(ReadOnlySpan<char> text, int start, int end, Span<Range> sentences, ref int n)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences[n++] = new Range(start, end);
        }
    }
}
