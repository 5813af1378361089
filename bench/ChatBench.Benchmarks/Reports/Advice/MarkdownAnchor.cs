using System.Text;

namespace ChatBench.Benchmarks.Reports.Advice;

/// <summary>The anchor GitHub gives a markdown heading: lower case, punctuation dropped, spaces as hyphens.</summary>
public static class MarkdownAnchor
{
    public static string For(string heading)
    {
        ArgumentNullException.ThrowIfNull(heading);
        var anchor = new StringBuilder(heading.Length);
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                anchor.Append(c);
            }
            else if (c == ' ')
            {
                anchor.Append('-');
            }
        }

        return anchor.ToString();
    }
}
