namespace Tui.Toml.Tests.Parsing;

/// <summary>Hand-written documents covering every TOML construct: fuzz seeds when the toml-test suite is absent.</summary>
public static class SampleDocuments
{
    public static readonly IReadOnlyList<string> All =
    [
        """
        # A supervisor config
        title = "Tui"
        version = 3

        [settings]
        log_dir = 'logs'
        shutdown_timeout = "10s"
        colors = true

        [processes.web]
        command = "npm run dev -- --port 3000"
        cwd = "./web"
        env = { NODE_ENV = "development", PORT = "3000" }
        depends_on = ["db", "cache"]
        restart = "on-failure"

        [processes.db]
        command = '''
        postgres -D ./data \
          -p 5432'''
        ready.log = "database system is ready"
        ready.timeout = "30s"

        [[hooks]]
        on = "start"
        run = ["echo", "hi"]

        [[hooks]]
        on = "stop"
        """,
        """
        int = +99
        neg = -17
        zero = 0
        big = 9_223_372_036_854_775_807
        small = -9223372036854775808
        hex = 0xDEAD_beef
        oct = 0o755
        bin = 0b1101_0101
        f1 = 1.0
        f2 = -3.14e-10
        f3 = 5e+22
        f4 = 6.626_070_15e-34
        special = [inf, -inf, +inf, nan, -nan]
        odt = 1979-05-27T07:32:00.999999-07:00
        odt2 = 1979-05-27 07:32:00Z
        ldt = 1979-05-27T00:32:00.5
        ld = 1979-05-27
        lt = 07:32:00.1234567
        """,
        """"
        str = "I'm a string. \"You can quote me\". Name\tJos\u00E9\nLocation\tSF. \U0001F600"
        multi = """
        Roses are red
        Violets are blue"""
        trimmed = """\
               The quick brown \
               fox jumps over \
               the lazy dog.\
               """
        quotes = """Here are two quotation marks: "". Simple enough."""
        winpath = 'C:\Users\nodejs\templates'
        regex = '<\i\c*\s*>'
        lines = '''
        The first newline is
        trimmed in raw strings.
        '''
        "quoted key" = 1
        'literal key' = 2
        a . b . "c" = 3
        "" = "empty key"
        """",
        """
        [a.b.c]
        x = 1
        [a]
        y = 2
        [fruit]
        apple.color = "red"
        apple.taste.sweet = true
        [fruit.apple.texture]
        smooth = true
        [[fruits]]
        name = "apple"
        [fruits.physical]
        color = "red"
        [[fruits.varieties]]
        name = "red delicious"
        [[fruits]]
        name = "banana"
        nested = [[1, 2], ["a", 'b'], [{ x = 1 }, { y = [2] }], []]
        inline = { a = { b = { c = 1 } }, d.e = 2, f = [ 1, 2, ] }
        """,
    ];
}
