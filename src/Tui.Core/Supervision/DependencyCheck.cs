using Tui.Core.Config;

namespace Tui.Core.Supervision;

/// <summary>
/// Evaluates a process's depends_on against the current states of the others.
/// <list type="bullet">
/// <item><c>started</c>: the dependency is Running or Ready.</item>
/// <item><c>healthy</c>: the dependency is Ready (its readiness step passed; without checks that is as soon as it runs).</item>
/// <item><c>completed_successfully</c>: the dependency is Completed (a job that exited 0).</item>
/// </list>
/// A Completed dependency also satisfies started and healthy: a job that has already done its work must not leave
/// its dependants waiting forever. A dependency that is Failed, Errored or Disabled fails the dependant.
/// </summary>
internal static class DependencyCheck
{
    public static DependencyVerdict Evaluate(ProcessConfig process, Func<string, ProcessState?> stateOf)
    {
        List<string>? waits = null;
        foreach (var dependency in process.DependsOn)
        {
            switch (stateOf(dependency.Name))
            {
                case null:
                    return new(DependencyOutcome.Failed, $"dependency {dependency.Name} does not exist");
                case ProcessState.Failed or ProcessState.Errored:
                    return new(DependencyOutcome.Failed, $"dependency {dependency.Name} failed");
                case ProcessState.Disabled:
                    return new(DependencyOutcome.Failed, $"dependency {dependency.Name} is disabled");
                case { } state when !Holds(dependency.Condition, state):
                    (waits ??= []).Add($"{dependency.Name} to be {Describe(dependency.Condition)}");
                    break;
            }
        }
        return waits is null ? DependencyVerdict.Satisfied : new(DependencyOutcome.Waiting, "waiting for " + string.Join(", ", waits));
    }

    public static bool Holds(DependencyCondition condition, ProcessState state) => condition switch
    {
        DependencyCondition.Started => state is ProcessState.Running or ProcessState.Ready or ProcessState.Completed,
        DependencyCondition.Healthy => state is ProcessState.Ready or ProcessState.Completed,
        DependencyCondition.CompletedSuccessfully => state is ProcessState.Completed,
        _ => false,
    };

    public static string Describe(DependencyCondition condition) => condition switch
    {
        DependencyCondition.Started => "started",
        DependencyCondition.Healthy => "healthy",
        _ => "completed successfully",
    };
}
