using Tui.Toml;
using Tui.Toml.Decoder;

// toml-test decoder: TOML on stdin, tagged JSON on stdout (exit 0), or the error on stderr (exit 1).
using var input = new MemoryStream();
Console.OpenStandardInput().CopyTo(input);
try
{
    var document = TomlParser.Parse(input.ToArray(), "<stdin>");
    using var stdout = Console.OpenStandardOutput();
    TaggedJsonEncoder.Write(document, stdout);
    stdout.WriteByte((byte)'\n');
    return 0;
}
catch (TomlException error)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}
