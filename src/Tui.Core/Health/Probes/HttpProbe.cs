using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Tui.Core.Config;

namespace Tui.Core.Health.Probes;

/// <summary>
/// A GET whose status must be in the check's range and whose body, when a pattern is given, must match it.
/// Redirects are not followed (a 3xx is itself an answer); the body is read only when there is a pattern, and only
/// its first <see cref="MaxBodyBytes"/>.
/// </summary>
public sealed class HttpProbe : IProbe
{
    /// <summary>A health page is small; a pattern is looked for in this much of a body and no more, so a huge page costs nothing.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>A pattern that backtracks badly must not hang the probe.</summary>
    private static readonly TimeSpan RegexLimit = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// One pool for every probe of the engine: connections to the same endpoint are reused between attempts, and
    /// a probe of a restarted server that meets a dead pooled connection is retried by the handler on a new one.
    /// </summary>
    private static readonly HttpClient Shared = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5),
        ConnectTimeout = Timeout.InfiniteTimeSpan,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
        DefaultRequestHeaders = { UserAgent = { new ProductInfoHeaderValue("tui-probe", "1") } },
    };

    private readonly ProbeSpec.Http _spec;
    private readonly Regex? _body;

    public HttpProbe(ProbeSpec.Http spec)
    {
        _spec = spec;
        if (spec.BodyPattern is { } pattern) _body = new Regex(pattern, RegexOptions.None, RegexLimit);
    }

    public async Task<ProbeResult> RunAsync(CancellationToken cancel)
    {
        try
        {
            using var response = await Shared.GetAsync(_spec.Url, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var statusText = $"{status} {response.ReasonPhrase}".TrimEnd();
            if (status < _spec.MinStatus || status > _spec.MaxStatus)
            {
                var expected = _spec.MinStatus == _spec.MaxStatus ? $"{_spec.MinStatus}" : $"{_spec.MinStatus}-{_spec.MaxStatus}";
                return ProbeResult.Fail($"status {statusText} (expected {expected})");
            }
            if (_body is null) return ProbeResult.Pass(statusText);

            var body = await ReadStart(response, cancel).ConfigureAwait(false);
            try
            {
                return _body.IsMatch(body)
                    ? ProbeResult.Pass(statusText)
                    : ProbeResult.Fail($"status {statusText} but the body does not match /{_spec.BodyPattern}/");
            }
            catch (RegexMatchTimeoutException)
            {
                return ProbeResult.Fail($"matching the body against /{_spec.BodyPattern}/ took too long");
            }
        }
        catch (HttpRequestException e) when (!cancel.IsCancellationRequested)
        {
            return ProbeResult.Fail(e.InnerException is SocketException socket ? SocketErrors.Describe(socket) : e.Message);
        }
        catch (IOException e) when (!cancel.IsCancellationRequested)
        {
            return ProbeResult.Fail(e.Message);
        }
    }

    private static async Task<string> ReadStart(HttpResponseMessage response, CancellationToken cancel)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        var buffer = new byte[MaxBodyBytes];
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), cancel).ConfigureAwait(false);
            if (read == 0) break;
            filled += read;
        }
        return Encoding.UTF8.GetString(buffer, 0, filled);
    }
}
