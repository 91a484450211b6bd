using System.Text.Json.Nodes;

namespace Flowgate.Tests.Runtime.Sandbox.Packages;

/// <summary>Packages shaped like real ones, for the require tests.</summary>
internal static class TestPackages
{
    /// <summary>A CommonJS package: main in lib/, relative requires (file, folder, parent), a JSON file, and a dependency by range.</summary>
    public static readonly TestPackage TextKit = new("textkit", "1.0.0")
    {
        Manifest = new JsonObject { ["main"] = "./lib/index" },
        Dependencies = { ["padder"] = "^1.2.0", ["pad-alias"] = "npm:padder@2.0.0" },
        Files =
        {
            ["lib/index.js"] = """
                'use strict';
                const format = require('./format');
                const words = require('../data/words.json');
                const shout = require('./shout/');
                const padder = require('padder');
                exports.greet = name => format(words.greeting, shout(name));
                exports.padded = s => padder.pad(s, 6);
                exports.padderVersions = [padder.version, require('pad-alias').version];
                exports.filename = __filename;
                """,
            ["lib/format.js"] = "module.exports = (greeting, name) => `${greeting}, ${name}!`;",
            ["lib/shout/index.js"] = "module.exports = s => String(s).toUpperCase();",
            ["data/words.json"] = """{ "greeting": "Hello" }""",
        },
    };

    public static readonly TestPackage[] Padders = new[] { "1.0.0", "1.4.2", "1.9.0", "2.0.0" }
        .Select(v => new TestPackage("padder", v)
        {
            Files = { ["index.js"] = $"exports.version = '{v}'; exports.pad = (s, n) => String(s).padStart(n, '.');" },
        })
        .ToArray();

    /// <summary>Written the way lodash is: an IIFE that detects CommonJS through free <c>exports</c> and <c>module</c>.</summary>
    public static readonly TestPackage Lodashy = new("lodashy", "4.17.21")
    {
        Manifest = new JsonObject { ["main"] = "lodashy.js" },
        Files =
        {
            ["lodashy.js"] = """
                ;(function() {
                  var freeGlobal = typeof global == 'object' && global && global.Object === Object && global;
                  var freeSelf = typeof self == 'object' && self && self.Object === Object && self;
                  var root = freeGlobal || freeSelf || Function('return this')();
                  var freeExports = typeof exports == 'object' && exports && !exports.nodeType && exports;
                  var freeModule = freeExports && typeof module == 'object' && module && !module.nodeType && module;
                  function lodash() {}
                  lodash.chunk = function(array, size) {
                    var result = [];
                    for (var i = 0; i < array.length; i += size) result.push(array.slice(i, i + size));
                    return result;
                  };
                  lodash.get = function(object, path, defaultValue) {
                    var value = String(path).replace(/\[(\d+)\]/g, '.$1').split('.').reduce(function(o, k) { return o == null ? undefined : o[k]; }, object);
                    return value === undefined ? defaultValue : value;
                  };
                  lodash.uniq = function(array) { return array.filter(function(v, i) { return array.indexOf(v) === i; }); };
                  lodash.VERSION = '4.17.21';
                  if (freeModule) {
                    (freeModule.exports = lodash)._ = lodash;
                    freeExports._ = lodash;
                  } else {
                    root._ = lodash;
                  }
                }.call(this));
                """,
            ["chunk.js"] = "module.exports = require('./lodashy').chunk;",
        },
    };

    /// <summary>Conditional exports with a subpath pattern, and an internal import; ESM entries must not be chosen.</summary>
    public static readonly TestPackage Dual = new("dual", "3.0.0")
    {
        Manifest = JsonNode.Parse("""
            {
              "exports": {
                ".": { "import": "./esm/index.mjs", "require": "./cjs/index.js" },
                "./features/*": { "node": "./cjs/features/*.js" },
                "./package.json": "./package.json",
                "./internal/*": null
              },
              "imports": { "#flavor": { "require": "./cjs/flavor.js", "default": "./esm/flavor.mjs" } }
            }
            """)!.AsObject(),
        Files =
        {
            ["esm/index.mjs"] = "export const flavor = 'esm';",
            ["cjs/index.js"] = "exports.flavor = require('#flavor');",
            ["cjs/flavor.js"] = "module.exports = 'cjs';",
            ["cjs/features/color.js"] = "module.exports = 'blue';",
            ["cjs/internal/secret.js"] = "module.exports = 'hidden';",
        },
    };

    /// <summary>Node's documented cycle: a requires b, b requires a and sees a's unfinished exports.</summary>
    public static readonly TestPackage Cycle = new("cycle", "1.0.0")
    {
        Manifest = new JsonObject { ["main"] = "a.js" },
        Files =
        {
            ["a.js"] = "exports.done = false; const b = require('./b.js'); exports.seenByB = b.sawA; exports.done = true;",
            ["b.js"] = "const a = require('./a.js'); exports.sawA = a.done; exports.done = true;",
        },
    };

    public static readonly TestPackage FsUser = new("fs-user", "1.0.0")
    {
        Files = { ["index.js"] = "const fs = require('fs'); module.exports = fs.readFileSync;" },
    };

    public static readonly TestPackage EsmOnly = new("esm-only", "1.0.0")
    {
        Manifest = new JsonObject { ["type"] = "module", ["main"] = "index.js" },
        Files = { ["index.js"] = "export default 1;" },
    };

    public static readonly TestPackage Big = new("big", "1.0.0")
    {
        Files = { ["index.js"] = "module.exports = '" + new string('x', 4096) + "';" },
    };

    public static readonly TestPackage Broken = new("broken", "1.0.0")
    {
        Files = { ["index.js"] = "module.exports = {;" },
    };

    /// <summary>
    /// Shaped like axios: its Node build needs http and a dependency that needs stream (as form-data does); its
    /// browser build, named by the "browser" export condition, runs on fetch.
    /// </summary>
    public static readonly TestPackage NetKit = new("netkit", "1.0.0")
    {
        Manifest = JsonNode.Parse("""
            {
              "exports": {
                ".": { "browser": { "require": "./dist/browser.cjs" }, "default": { "require": "./dist/node.cjs" } },
                "./package.json": "./package.json"
              }
            }
            """)!.AsObject(),
        Dependencies = { ["formish"] = "^2.0.0" },
        Files =
        {
            ["dist/node.cjs"] = "const Form = require('formish'); const http = require('http'); module.exports = { build: 'node' };",
            ["dist/browser.cjs"] = "module.exports = { build: 'browser', get: async url => { const r = await fetch(url); return { status: r.status, data: await r.json() }; } };",
        },
    };

    /// <summary>Shaped like form-data: its Node main needs fs, its "browser" main expects a browser's window.</summary>
    public static readonly TestPackage Formish = new("formish", "2.1.0")
    {
        Manifest = new JsonObject { ["main"] = "lib/node.js", ["browser"] = "./lib/browser" },
        Files =
        {
            ["lib/node.js"] = "module.exports = require('fs').createReadStream;",
            ["lib/browser.js"] = "module.exports = window.FormData;",
        },
    };

    /// <summary>Shaped like node-fetch 2: no exports, a "browser" main that hands over the runtime's own fetch.</summary>
    public static readonly TestPackage LegacyFetch = new("legacy-fetch", "2.7.0")
    {
        Manifest = new JsonObject { ["main"] = "lib/index.js", ["browser"] = "./browser.js" },
        Files =
        {
            ["lib/index.js"] = "const https = require('node:https'); module.exports = () => 'node';",
            ["browser.js"] = "module.exports = (...args) => fetch(...args); module.exports.build = 'browser';",
        },
    };

    public static TestPackage[] All => [TextKit, .. Padders, Lodashy, Dual, Cycle, FsUser, EsmOnly, Big, Broken, NetKit, Formish, LegacyFetch];
}
