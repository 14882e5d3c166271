namespace Tui.Core.Tests.Health;

/// <summary>Tiny servers the tests run as supervised processes (perl, so that a probe meets a real listening socket).</summary>
internal static class TestServers
{
    /// <summary>
    /// An HTTP server on 127.0.0.1:$PORT: answers 503 to the first $FAIL_FIRST requests and 200 "ok" after, one request
    /// per connection. Prints "listening on PORT" once it listens.
    /// </summary>
    public const string Http = """
        use strict; use IO::Socket::INET;
        $| = 1;
        my $server = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => $ENV{PORT}, Listen => 16, ReuseAddr => 1) or die "listen: $!";
        print "listening on $ENV{PORT}\n";
        my $served = 0;
        while (my $client = $server->accept) {
            while (my $line = <$client>) { last if $line eq "\r\n"; }
            $served++;
            my ($status, $body) = $served <= ($ENV{FAIL_FIRST} // 0) ? ('503 Service Unavailable', "down\n") : ('200 OK', "ok\n");
            print $client "HTTP/1.1 $status\r\nContent-Length: " . length($body) . "\r\nConnection: close\r\n\r\n$body";
            close $client;
        }
        """;

    /// <summary>A Unix stream socket server at $SOCKET that accepts and closes connections.</summary>
    public const string Unix = """
        use strict; use IO::Socket::UNIX;
        $| = 1;
        unlink $ENV{SOCKET};
        my $server = IO::Socket::UNIX->new(Local => $ENV{SOCKET}, Listen => 16) or die "listen: $!";
        print "listening on $ENV{SOCKET}\n";
        while (my $client = $server->accept) { close $client; }
        """;

    /// <summary>Sends newline-delimited JSON lines (its arguments) to $TUI_SOCKET, then waits to be stopped.</summary>
    public const string SocketClient = """
        use strict; use IO::Socket::UNIX;
        $| = 1;
        my $socket = IO::Socket::UNIX->new(Peer => $ENV{TUI_SOCKET}) or die "connect $ENV{TUI_SOCKET}: $!";
        print $socket "$_\n" for @ARGV;
        print "sent " . scalar(@ARGV) . "\n";
        sleep 1000;
        """;
}
