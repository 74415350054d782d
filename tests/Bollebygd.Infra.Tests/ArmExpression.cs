namespace Bollebygd.Infra.Tests;

/// <summary>Just enough of ARM's expression language to read the literal keys of createObject(...) calls and their values.</summary>
public static class ArmExpression
{
    /// <summary>Every createObject call's pairs whose key is a string literal: key → the value's expression text.</summary>
    public static IReadOnlyDictionary<string, string> LiteralPairs(string expression)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        const string call = "createObject(";
        for (var at = expression.IndexOf(call, StringComparison.Ordinal); at >= 0; at = expression.IndexOf(call, at + 1, StringComparison.Ordinal))
        {
            var arguments = Arguments(expression, at + call.Length);
            for (var i = 0; i + 1 < arguments.Count; i += 2)
            {
                if (arguments[i] is ['\'', .., '\''] key && !key[1..^1].Contains('\''))
                {
                    pairs[key[1..^1]] = arguments[i + 1];
                }
            }
        }
        return pairs;
    }

    /// <summary>The top-level arguments of the call whose argument list starts at <paramref name="start"/>.</summary>
    private static List<string> Arguments(string text, int start)
    {
        var arguments = new List<string>();
        var depth = 0;
        var quoted = false;
        var begin = start;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                quoted = c != '\'' || (i + 1 < text.Length && text[i + 1] == '\'' && ++i > 0);
                continue;
            }
            switch (c)
            {
                case '\'':
                    quoted = true;
                    break;
                case '(' or '[':
                    depth++;
                    break;
                case ')' or ']' when depth > 0:
                    depth--;
                    break;
                case ')':
                    arguments.Add(text[begin..i].Trim());
                    return arguments;
                case ',' when depth == 0:
                    arguments.Add(text[begin..i].Trim());
                    begin = i + 1;
                    break;
            }
        }
        return arguments;
    }
}
