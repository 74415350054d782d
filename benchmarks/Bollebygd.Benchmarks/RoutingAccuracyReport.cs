using System.Globalization;
using Bollebygd.Core.Routing;

namespace Bollebygd.Benchmarks;

/// <summary>
/// Trains the router on the "train" messages and reports how it does on the held-out "test" messages: accuracy
/// overall and per group, a confusion matrix, and what a triage threshold on the confidence would leave.
/// </summary>
public static class RoutingAccuracyReport
{
    private static readonly double[] Thresholds = [0.5, 0.6, 0.7, 0.8, 0.9];

    public static void Write(TextWriter output)
    {
        var model = RoutingModel.Train(RoutingMessages.Train);
        var results = RoutingMessages.Test
            .Select(e => (Expected: e.GroupId, Suggestion: model.Suggest(e.Text)))
            .ToList();
        var groups = model.GroupIds;
        var correct = results.Count(r => r.Suggestion.GroupId == r.Expected);

        var perGroup = groups.Select(g =>
        {
            var ofGroup = results.Where(r => r.Expected == g).ToList();
            var right = ofGroup.Count(r => r.Suggestion.GroupId == g);
            return $"{g} {Ratio(right, ofGroup.Count)} ({right} of {ofGroup.Count})";
        });
        output.WriteLine(
            $"Routing classifier: held-out accuracy {Ratio(correct, results.Count)} ({correct} of {results.Count}), " +
            $"per group: {string.Join(", ", perGroup)}");
        output.WriteLine(
            $"Trained on {RoutingMessages.Train.Count} messages; vocabulary {model.VocabularySize} tokens " +
            $"(stems, bigrams {(model.UsesBigrams ? "on" : "off")}, character {model.CharacterGramLength}-grams, temperature {model.Temperature.ToString(CultureInfo.InvariantCulture)}).");

        output.WriteLine();
        output.WriteLine("Confusion matrix (rows: true group, columns: suggested group)");
        var width = groups.Max(g => g.Length) + 2;
        output.WriteLine(new string(' ', width) + string.Concat(groups.Select(g => Abbreviate(g).PadLeft(6))));
        foreach (var expected in groups)
        {
            var row = groups.Select(suggested =>
                results.Count(r => r.Expected == expected && r.Suggestion.GroupId == suggested).ToString(CultureInfo.InvariantCulture).PadLeft(6));
            output.WriteLine(expected.PadRight(width) + string.Concat(row));
        }
        output.WriteLine("Columns: " + string.Join(", ", groups.Select(g => $"{Abbreviate(g)} = {g}")));

        output.WriteLine();
        output.WriteLine("Triage threshold: below it a message goes to triage instead of the suggested group");
        foreach (var threshold in Thresholds)
        {
            var routed = results.Where(r => r.Suggestion.Confidence >= threshold).ToList();
            var right = routed.Count(r => r.Suggestion.GroupId == r.Expected);
            output.WriteLine(
                $"  {threshold.ToString("0.0", CultureInfo.InvariantCulture)}: routed {routed.Count} of {results.Count} ({Ratio(routed.Count, results.Count)}), " +
                $"of which right {right} ({Ratio(right, routed.Count)}); to triage {results.Count - routed.Count}");
        }
    }

    private static string Ratio(int part, int whole) =>
        (whole == 0 ? 0 : (double)part / whole).ToString("0.00", CultureInfo.InvariantCulture);

    // The column headings: the initials of a compound id ("va-renhallning" -> "VR"), or the start of a simple one.
    private static string Abbreviate(string groupId)
    {
        var parts = groupId.Split('-', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 1
            ? string.Concat(parts.Select(p => char.ToUpperInvariant(p[0])))
            : groupId[..Math.Min(4, groupId.Length)].ToUpperInvariant();
    }
}
