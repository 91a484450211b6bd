using Flowgate.Runtime.Sandbox;

namespace Flowgate.Tests.Runtime.Sandbox;

/// <summary>The Node pieces packages expect when they load: process, events, the legacy stream base, Buffer as safe-buffer and ecdsa-sig-formatter use it.</summary>
public sealed class NodeCompatTests : IAsyncLifetime
{
    private readonly V8ActionSandbox _sandbox = new();

    [Fact]
    public async Task Events_the_legacy_stream_and_process_behave_as_in_node_and_the_io_streams_say_they_are_missing()
    {
        var code = """
            const EventEmitter = require('events');
            const Stream = require('stream');
            const util = require('util');
            exports.onExecutePostLogin = async (event, api) => {
              const seen = [];
              const emitter = new EventEmitter();
              const record = v => seen.push('on:' + v);
              emitter.on('x', record);
              emitter.once('x', v => seen.push('once:' + v));
              emitter.emit('x', 1);
              emitter.off('x', record);
              emitter.emit('x', 2);
              function Source() { Stream.call(this); }
              util.inherits(Source, Stream);
              const sink = { written: [], write(c) { this.written.push(c); }, end() { this.ended = true; }, emit() {} };
              const source = new Source();
              source.pipe(sink);
              source.emit('data', 'a'); source.emit('end');
              let io;
              try { const { Readable } = require('stream'); io = typeof Readable; } catch (e) { io = e.code + ': ' + e.message; }
              let exit;
              try { process.exit(1); } catch (e) { exit = e.message; }
              await new Promise(resolve => process.nextTick(resolve));
              const copied = Buffer.alloc(4);
              const count = Buffer.from('abcdef').copy(copied, 1, 2, 10);
              const { SlowBuffer } = require('buffer');
              api.idToken.setCustomClaim('node', [seen, sink.written, sink.ended, source instanceof EventEmitter, io,
                Object.keys(process.env).length, process.versions.node.split('.')[0], exit,
                [copied.toString('hex'), count, Buffer.from('a').compare(Buffer.from('b')), typeof SlowBuffer.prototype, Buffer.allocUnsafeSlow(2).length]]);
            };
            """;

        var result = await _sandbox.ExecuteAsync(ActionRequests.PostLogin(code), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal("""["node",[["on:1","once:1"],["a"],true,true,"MODULE_NOT_FOUND: Cannot find module 'stream' (stream.Readable): Actions have no I/O streams, only the legacy Stream base",0,"22","process.exit() is not available in Actions",["00636465",3,-1,"object",2]]]""",
            result.Commands.Single().Args());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();
}
