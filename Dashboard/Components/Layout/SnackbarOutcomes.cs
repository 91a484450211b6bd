using Flowgate.Runtime.Actions;
using MudBlazor;

namespace Flowgate.Dashboard.Components.Layout;

/// <summary>How an admin page reports a change: what was done, or why the Runtime refused it.</summary>
internal static class SnackbarOutcomes
{
    /// <summary>Runs <paramref name="change"/>; shows <paramref name="done"/> or the refusal's reason. Returns whether it was done.</summary>
    public static async Task<bool> TryAsync(this ISnackbar snackbar, Func<Task> change, string done)
    {
        try
        {
            await change();
            snackbar.Add(done, Severity.Success);
            return true;
        }
        catch (OperationRejectedException e)
        {
            snackbar.Add(e.Message, Severity.Error);
            return false;
        }
    }
}
