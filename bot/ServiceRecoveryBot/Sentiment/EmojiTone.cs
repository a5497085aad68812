using System.Collections.Frozen;
using System.Text;

namespace ServiceRecoveryBot.Sentiment;

/// <summary>
/// The emoji customers use to say how they feel, with a valence on VADER's scale (-4 .. 4), so that "Worst stay ever 😡"
/// or "Gracias 🙏" counts them in any language. The reference VADER translates emoji to their names through an emoji
/// lexicon that the npm package lacks; this short table is ours. Emoji that say little on their own ("😂" can be
/// laughing at you) are left out. Before scoring, <see cref="Pad"/> stands each known emoji apart as a word of its own.
/// </summary>
public static class EmojiTone
{
    private static readonly FrozenDictionary<string, double> Table = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["😡"] = -2.9, ["🤬"] = -3.2, ["😠"] = -2.6, ["😤"] = -2.0, ["😢"] = -2.2, ["😭"] = -2.5, ["😞"] = -2.0, ["😩"] = -2.2,
        ["😫"] = -2.2, ["🙄"] = -1.5, ["👎"] = -2.0, ["💩"] = -2.5, ["😒"] = -1.7, ["😔"] = -1.8, ["☹"] = -2.2, ["🙁"] = -1.8,
        ["😕"] = -1.3, ["🤮"] = -3.0, ["🤢"] = -2.6, ["😱"] = -2.0, ["💔"] = -2.6, ["😖"] = -2.0, ["😣"] = -1.8, ["🤦"] = -1.8,
        ["🙂"] = 1.5, ["😊"] = 2.2, ["😀"] = 2.2, ["😃"] = 2.2, ["😄"] = 2.3, ["😁"] = 2.2, ["😍"] = 3.0, ["🥰"] = 3.0,
        ["❤"] = 2.9, ["💕"] = 2.8, ["👍"] = 1.8, ["🙏"] = 1.5, ["👏"] = 2.0, ["🎉"] = 2.2, ["⭐"] = 1.2, ["😘"] = 2.4,
        ["🤩"] = 2.8, ["😌"] = 1.2, ["👌"] = 1.6, ["💯"] = 1.8, ["☺"] = 2.0, ["🥳"] = 2.4,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> Lookup = Table.GetAlternateLookup<ReadOnlySpan<char>>();

    public static IReadOnlyDictionary<string, double> Valences => Table;

    /// <summary>Whether the text has anything beyond ASCII that could be an emoji (a cheap test before <see cref="Pad"/>).</summary>
    public static bool MayHaveEmoji(ReadOnlySpan<char> text) => text.ContainsAnyExceptInRange('\u0000', '\u2000');

    /// <summary>
    /// The text with each known emoji between spaces (so "caso!😡" scores "caso" and "😡"), and the invisible parts of
    /// emoji (variation selector, zero-width joiner, skin tones) dropped. A text without emoji comes back as it was.
    /// </summary>
    public static string Pad(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!MayHaveEmoji(text)) return text;
        var padded = new StringBuilder(text.Length + 8);
        var changed = false;
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                padded.Append(text[i]);
                i++;
                continue;
            }

            var symbol = text.AsSpan(i, consumed);
            if (rune.Value is 0xFE0F or 0x200D or (>= 0x1F3FB and <= 0x1F3FF))
            {
                changed = true;
            }
            else if (Lookup.ContainsKey(symbol))
            {
                padded.Append(' ').Append(symbol).Append(' ');
                changed = true;
            }
            else
            {
                padded.Append(symbol);
            }

            i += consumed;
        }

        return changed ? padded.ToString() : text;
    }
}
