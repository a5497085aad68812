using System.Text;
using System.Text.RegularExpressions;

namespace ServiceRecoveryBot.Channels.Slack;

/// <summary>
/// The bot's CommonMark-ish text as Slack mrkdwn: <c>**bold**</c> becomes <c>*bold*</c>, <c>[title](https://url)</c>
/// becomes <c>&lt;https://url|title&gt;</c>, and <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> are escaped as Slack asks. What
/// the two share (<c>_italic_</c>, <c>&gt; quote</c> lines, <c>- item</c> bullets, <c>`code`</c>) is left as it is.
/// </summary>
public static partial class SlackMrkdwn
{
    private const string Ellipsis = "…";

    public static string FromMarkdown(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return Markup().Replace(Escape(markdown), match => match.Groups["bold"] is { Success: true } bold
            ? "*" + Link().Replace(bold.Value, ToSlackLink) + "*"
            : Link().Replace(match.Value, ToSlackLink));
    }

    /// <summary>At most <paramref name="maxLength"/> characters, ending in "…" when cut, never inside a link or an entity.</summary>
    internal static string Truncate(string mrkdwn, int maxLength) =>
        mrkdwn.Length <= maxLength ? mrkdwn : mrkdwn[..SafeCut(mrkdwn, maxLength - Ellipsis.Length)] + Ellipsis;

    /// <summary>Pieces of at most <paramref name="maxLength"/> characters, cut at a line break or a space where one is near.</summary>
    internal static IEnumerable<string> Split(string mrkdwn, int maxLength)
    {
        var rest = mrkdwn;
        while (rest.Length > maxLength)
        {
            var cut = SafeCut(rest, maxLength);
            var newline = rest.LastIndexOf('\n', cut - 1, cut / 2);
            var space = rest.LastIndexOf(' ', cut - 1, cut / 2);
            if (newline > 0) cut = newline;
            else if (space > 0 && !InsideLink(rest, space)) cut = space;
            yield return rest[..cut];
            rest = rest[cut..].TrimStart('\n', ' ');
        }
        if (rest.Length > 0) yield return rest;
    }

    /// <summary>Plain text (a button label) of at most <paramref name="maxLength"/> characters, ending in "…" when cut.</summary>
    internal static string TruncatePlain(string text, int maxLength)
    {
        if (text.Length <= maxLength) return text;
        var cut = maxLength - Ellipsis.Length;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut] + Ellipsis;
    }

    /// <summary>Where to cut at or before <paramref name="maxLength"/> without splitting a link, an entity or a surrogate pair.</summary>
    private static int SafeCut(string mrkdwn, int maxLength)
    {
        var cut = maxLength;
        if (InsideLink(mrkdwn, cut) && mrkdwn.LastIndexOf('<', cut - 1) is var open and > 0) cut = open;
        if (mrkdwn.LastIndexOf('&', cut - 1) is var amp and >= 0 && mrkdwn.IndexOf(';', amp) is var semicolon && semicolon >= cut && semicolon - amp < 5) cut = amp;
        if (char.IsHighSurrogate(mrkdwn[cut - 1])) cut--;
        return cut > 0 ? cut : maxLength;
    }

    /// <summary>
    /// Whether a cut before <paramref name="index"/> would split a link. Escaping leaves '&lt;' only where a link
    /// starts, and a link holds no line break, so its end is the next '&gt;'.
    /// </summary>
    private static bool InsideLink(string mrkdwn, int index) =>
        mrkdwn.LastIndexOf('<', index - 1) is var open and >= 0 && mrkdwn.IndexOf('>', open) >= index;

    /// <summary>Escapes the three characters Slack reserves, except a block quote's '&gt;' at the start of a line.</summary>
    private static string Escape(string markdown)
    {
        var text = new StringBuilder(markdown.Length + 16);
        var lineStart = true;
        var indent = 0;
        foreach (var c in markdown)
        {
            var quoteMarker = c == '>' && lineStart;
            text.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' when !quoteMarker => "&gt;",
                _ => c.ToString(),
            });
            // CommonMark allows up to three spaces before the '>'.
            indent = c == ' ' && lineStart ? indent + 1 : 0;
            lineStart = c == '\n' || (lineStart && c == ' ' && indent <= 3);
        }
        return text.ToString();
    }

    private static string ToSlackLink(Match link) =>
        "<" + link.Groups["url"].Value.Replace("|", "%7C", StringComparison.Ordinal) + "|" + link.Groups["title"].Value + ">";

    private const string LinkPattern = @"\[(?<title>[^\[\]\n]+)\]\((?<url>https?://[^\s()]+)\)";

    [GeneratedRegex(LinkPattern, RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    /// <summary>A link, or a bold span on one line (a link inside it is taken whole, so a '**' in its URL does not end it).</summary>
    [GeneratedRegex(@"\[[^\[\]\n]+\]\(https?://[^\s()]+\)|\*\*(?<bold>(?=\S)(?:\[[^\[\]\n]+\]\(https?://[^\s()]+\)|.)+?(?<=\S))\*\*", RegexOptions.CultureInvariant)]
    private static partial Regex Markup();
}
