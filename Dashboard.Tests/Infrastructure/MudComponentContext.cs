using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace Flowgate.Tests.Infrastructure;

/// <summary>
/// A bUnit context for MudBlazor components rendered as in an interactive circuit (buttons enabled).
/// Disposed asynchronously: MudBlazor's key interceptor (checkboxes, switches) can only be disposed that way.
/// </summary>
public abstract class MudComponentContext : BunitContext, IAsyncLifetime
{
    protected MudComponentContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
