namespace Tui.Http.Errors;

/// <summary>
/// Every error the API answers, as <c>application/problem+json</c> (RFC 9457's members): never a stack trace, always
/// a sentence a person can act on in <see cref="Detail"/>.
/// </summary>
/// <param name="Title">The status's short name ("Not Found").</param>
/// <param name="Status">The HTTP status code, repeated for clients that only see the body.</param>
/// <param name="Detail">What went wrong with this request.</param>
public sealed record ApiError(string Type, string Title, int Status, string Detail)
{
    public const string ContentType = "application/problem+json";

    public static ApiError Of(int status, string detail) =>
        new("about:blank", Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } t ? t : "Error", status, detail);
}
