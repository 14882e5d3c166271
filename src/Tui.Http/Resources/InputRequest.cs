namespace Tui.Http.Resources;

/// <summary><c>POST /processes/{name}/input</c>: text written to the process's stdin as it is (add "\n" to end a line).</summary>
public sealed record InputRequest(string? Text);
