using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tui.Http.Json;

namespace Tui.Http.Errors;

/// <summary>The API's error replies: <see cref="ApiError"/> bodies with the status they name.</summary>
internal static class ErrorResults
{
    public static JsonHttpResult<ApiError> Of(int status, string detail) =>
        TypedResults.Json(ApiError.Of(status, detail), HttpJsonContext.Default.ApiError, ApiError.ContentType, status);

    public static JsonHttpResult<ApiError> NotFound(string detail) => Of(StatusCodes.Status404NotFound, detail);

    public static JsonHttpResult<ApiError> BadRequest(string detail) => Of(StatusCodes.Status400BadRequest, detail);

    public static JsonHttpResult<ApiError> Conflict(string detail) => Of(StatusCodes.Status409Conflict, detail);

    /// <summary>Writes the error directly, for middleware that answers before any endpoint runs.</summary>
    public static Task WriteAsync(HttpContext context, int status, string detail) => Of(status, detail).ExecuteAsync(context);
}
