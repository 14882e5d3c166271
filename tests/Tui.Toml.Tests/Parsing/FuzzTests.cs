using System.Text;
using Tui.Toml.Decoder;
using Tui.Toml.Tests.Conformance;

namespace Tui.Toml.Tests.Parsing;

/// <summary>
/// Seeded random mutations of valid documents (the toml-test valid suite, or <see cref="SampleDocuments"/>
/// when it is absent): whatever the bytes, the parser returns a document or throws <see cref="TomlException"/>,
/// and any document it returns can be walked and encoded. The seed is fixed, so a failure repeats.
/// </summary>
public sealed class FuzzTests
{
    private const int Seed = 1_000_003;
    private const int Iterations = 5_000;
    private const int MaxMutationsPerInput = 4;

    /// <summary>Fragments that steer mutations towards the grammar's edges rather than plain noise.</summary>
    private static readonly byte[][] Tokens =
    [
        .. new[]
        {
            "[", "]", "[[", "]]", "{", "}", "\"", "'", "\"\"\"", "'''", "=", ".", ",", "\n", "\r", "\r\n", "#", "\\",
            "\\u", "\\U0010FFFF", "\\uD800", "0x", "0o", "0b", "1e", "e+", "-", "+", "_", ":", "T", "Z", " ", "\t",
            "inf", "nan", "true", "false", "1979-05-27", "07:32:00", ".999", "9223372036854775808", "a.b",
        }.Select(Encoding.UTF8.GetBytes),
        [0x00], [0x7F], [0xFF], [0xEF, 0xBB, 0xBF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98, 0x80],
    ];

    [Fact]
    public void Thousands_of_mutated_documents_give_a_document_or_a_TomlException()
    {
        var seeds = SeedDocuments();
        var random = new Random(Seed);
        var failures = new List<string>();
        var accepted = 0;

        for (var iteration = 0; iteration < Iterations && failures.Count < 10; iteration++)
        {
            var input = Mutate(seeds[random.Next(seeds.Count)], seeds, random);
            if (TryParse(input, iteration, failures))
                accepted++;
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Some mutations must survive, or the test would only be exercising the first error check.
        Assert.InRange(accepted, Iterations / 50, Iterations - 1);
    }

    [Fact]
    public void Every_built_in_seed_document_is_valid_toml()
    {
        foreach (var document in SampleDocuments.All)
            Assert.NotEmpty(TomlParser.Parse(document, "sample.toml").Root);
    }

    private static bool TryParse(byte[] input, int iteration, List<string> failures)
    {
        var accepted = false;
        try
        {
            accepted = TaggedJsonEncoder.Encode(TomlParser.Parse(input, "fuzz.toml")).Length > 0;
        }
        catch (TomlException)
        {
        }
        catch (Exception error)
        {
            failures.Add($"iteration {iteration}, bytes (base64) {Convert.ToBase64String(input)}: {error.GetType().Name}: {error.Message}");
        }
        try
        {
            // The string entry point sees the same text, decoded leniently, so it reaches the grammar more often.
            TomlParser.Parse(Encoding.UTF8.GetString(input), "fuzz.toml");
        }
        catch (TomlException)
        {
        }
        catch (Exception error)
        {
            failures.Add($"iteration {iteration} (as text), bytes (base64) {Convert.ToBase64String(input)}: {error.GetType().Name}: {error.Message}");
        }
        return accepted;
    }

    private static IReadOnlyList<byte[]> SeedDocuments()
    {
        if (TomlTestSuite.Directory is null)
            return SampleDocuments.All.Select(Encoding.UTF8.GetBytes).ToList();
        return TomlTestSuite.ValidCases().Select(c => File.ReadAllBytes(c.TomlPath)).ToList();
    }

    private static byte[] Mutate(byte[] original, IReadOnlyList<byte[]> seeds, Random random)
    {
        var bytes = new List<byte>(original);
        var count = random.Next(1, MaxMutationsPerInput + 1);
        for (var m = 0; m < count; m++)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(6))
            {
                case 0 when at < bytes.Count:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when at < bytes.Count:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 3 when at < bytes.Count:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 17), bytes.Count - at));
                    break;
                case 4:
                {
                    // Splice: a slice of another document goes in here.
                    var donor = seeds[random.Next(seeds.Count)];
                    var from = random.Next(donor.Length + 1);
                    var length = Math.Min(random.Next(1, 64), donor.Length - from);
                    bytes.InsertRange(at, donor.AsSpan(from, length).ToArray());
                    break;
                }
                default:
                {
                    // Repeat a slice of itself (duplicate keys, headers, brackets).
                    var from = random.Next(bytes.Count + 1);
                    var length = Math.Min(random.Next(1, 64), bytes.Count - from);
                    bytes.InsertRange(at, bytes.GetRange(from, length));
                    break;
                }
            }
        }
        return bytes.ToArray();
    }
}
