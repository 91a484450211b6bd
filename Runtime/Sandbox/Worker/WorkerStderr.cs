using System.Text;

namespace Flowgate.Runtime.Sandbox.Worker;

/// <summary>The end of what a worker wrote to stderr, kept to say why it ended.</summary>
internal sealed class WorkerStderr
{
    private const int Kept = 600;
    private readonly StringBuilder _tail = new();

    public void Keep(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }
        lock (_tail)
        {
            _tail.Append(line.Trim()).Append(' ');
            if (_tail.Length > Kept)
            {
                _tail.Remove(0, _tail.Length - Kept);
            }
        }
    }

    /// <summary>V8's fatal line when there is one ("Fatal JavaScript out of memory: invalid table size"); GC traces around it say nothing.</summary>
    public string Reason()
    {
        string detail;
        lock (_tail)
        {
            detail = _tail.ToString().Trim();
        }
        var fatal = detail.IndexOf("Fatal", StringComparison.Ordinal);
        return fatal >= 0 ? detail[fatal..].Trim(' ', '#') : detail;
    }
}
