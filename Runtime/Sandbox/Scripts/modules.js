// CommonJS for an Action's npm packages, resolved as Node resolves them in node_modules: "exports"
// (conditions require, node, default) or "main" or index.js, or the package's browser build when its
// Node build needs Node I/O the sandbox lacks; relative requires with .js, .json, .cjs and /index.js;
// package.json "imports" (#name); requires between packages along the tree the host installed; a
// module cache with Node's cycle semantics. The host passes a manifest of every package's loadable
// files and sizes; a file's source crosses the host boundary once per context, the first time it is
// required (compiled once per isolate), never per execution.
const MODULE_EXTENSIONS = ['.js', '.json', '.cjs'];
// The Node built-ins execution.js provides, as its refusals name them.
const BUILTIN_NAMES = 'crypto, url, util, buffer, events, stream (its legacy base only)';
const BUILTIN_ADVICE = `Actions provide only the Node built-ins ${BUILTIN_NAMES} and process, and the npm packages the Action declares`;
// Node's own modules the sandbox does not provide. A package whose Node build needs one may ship a build for
// browsers and other fetch-based runtimes (axios does), which the sandbox then loads instead.
const NODE_ONLY_BUILTINS = new Set(['assert', 'async_hooks', 'child_process', 'cluster', 'constants', 'dgram', 'diagnostics_channel',
  'dns', 'domain', 'fs', 'http', 'http2', 'https', 'inspector', 'module', 'net', 'os', 'path', 'perf_hooks',
  'punycode', 'querystring', 'readline', 'repl', 'string_decoder', 'sys', 'timers', 'tls', 'trace_events', 'tty', 'v8',
  'vm', 'worker_threads', 'zlib']);

const hasOwnKey = (o, k) => o !== null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, k);

function moduleError(Type, code, message) {
  const e = new Type(message);
  e.code = code;
  return e;
}

// 'a/./b/../c' → 'a/c'; null when the path climbs out of the package.
function normalizePath(path) {
  const out = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..') out.push(part);
    else if (out.length === 0) return null;
    else out.pop();
  }
  return out.join('/');
}

const dirnameOf = path => path.slice(0, Math.max(path.lastIndexOf('/'), 0));
const joinPath = (dir, relative) => normalizePath(dir ? dir + '/' + relative : relative);

function createModules(manifest, packageFiles, builtins) {
  const packages = manifest.packages;
  for (const key of Object.keys(packages)) packages[key].key = key;
  const cache = new Map();
  const browserBuilds = new Map(); // package key + request → the browser build loaded in place of the Node one
  let loadedBytes = 0;

  const filenameOf = (pkg, path) => '/node_modules/' + pkg.name + (path ? '/' + path : '');
  const isFile = (pkg, path) => path !== '' && hasOwnKey(pkg.files, path);

  function asFile(pkg, path) {
    if (isFile(pkg, path)) return path;
    if (path === '') return null;
    for (const ext of MODULE_EXTENSIONS) if (isFile(pkg, path + ext)) return path + ext;
    return null;
  }

  function asIndex(pkg, dir) {
    for (const ext of MODULE_EXTENSIONS) if (isFile(pkg, (dir ? dir + '/' : '') + 'index' + ext)) return (dir ? dir + '/' : '') + 'index' + ext;
    return null;
  }

  function asDirectory(pkg, dir) {
    const scope = pkg.scopes[dir];
    if (scope && typeof scope.main === 'string' && scope.main !== '') {
      const main = joinPath(dir, scope.main);
      const found = main === null ? null : asFile(pkg, main) || asIndex(pkg, main);
      if (found) return found;
    }
    return asIndex(pkg, dir);
  }

  // The nearest package.json decides whether a .js file is CommonJS or an ES module.
  function isEsModule(pkg, path) {
    if (path.endsWith('.mjs')) return true;
    if (!path.endsWith('.js')) return false;
    for (let dir = dirnameOf(path); ; dir = dirnameOf(dir)) {
      if (hasOwnKey(pkg.scopes, dir)) return pkg.scopes[dir].type === 'module';
      if (dir === '') return false;
    }
  }

  function exportsMap(pkg) {
    const map = pkg.exports;
    const isSubpathMap = map !== null && typeof map === 'object' && !Array.isArray(map) && Object.keys(map).some(k => k.startsWith('.'));
    return isSubpathMap ? map : { '.': map };
  }

  function viaExports(pkg, subpath) {
    const resolved = matchExports(pkg, exportsMap(pkg), subpath, false);
    if (resolved && isFile(pkg, resolved.path)) return resolved.path;
    if (resolved) throw moduleError(Error, 'MODULE_NOT_FOUND', `Cannot find module '${filenameOf(pkg, resolved.path)}': the "exports" of ${pkg.name} name a file the package does not contain`);
    throw moduleError(Error, 'ERR_PACKAGE_PATH_NOT_EXPORTED', subpath === '.'
      ? `No "exports" main defined in ${filenameOf(pkg, 'package.json')}`
      : `Package subpath '${subpath}' is not defined by "exports" in ${filenameOf(pkg, 'package.json')}`);
  }

  // A package's own dependencies first, then what the Action declares (peer dependencies), then any
  // package of the tree by that name, as npm's flat node_modules would let the require find it.
  function findPackage(from, name) {
    if (from && hasOwnKey(from.dependencies, name)) return packages[from.dependencies[name]];
    if (from && from.name === name) return from;
    if (hasOwnKey(manifest.root, name)) return packages[manifest.root[name]];
    return Object.keys(packages).map(k => packages[k]).find(p => p.name === name) || null;
  }

  function notFound(request, from, fromPath) {
    const where = from ? ` (required by ${filenameOf(from, fromPath)})` : '';
    const e = moduleError(Error, 'MODULE_NOT_FOUND', `Cannot find module '${request}'${where}: ${BUILTIN_ADVICE}`);
    const name = request.replace(/^node:/, '').split('/')[0];
    if (request.startsWith('node:') || NODE_ONLY_BUILTINS.has(name) || hasOwnKey(builtins, name)) e.nodeBuiltin = name;
    return e;
  }

  // The browser build a package ships for a bare request ("browser" in its exports, or its "browser" main), if any.
  function browserBuild(pkg, subpath) {
    if (pkg.exports !== null && pkg.exports !== undefined) {
      const resolved = matchExports(pkg, exportsMap(pkg), subpath, false, BROWSER_CONDITIONS);
      return resolved && resolved.path !== undefined && isFile(pkg, resolved.path) ? resolved.path : null;
    }
    const scope = pkg.scopes[''];
    const main = subpath === '.' && scope && typeof scope.browser === 'string' ? normalizePath(scope.browser) : null;
    return main === null ? null : asFile(pkg, main) || asIndex(pkg, main);
  }

  function resolveBare(from, fromPath, request) {
    const parts = request.split('/');
    const length = request.startsWith('@') ? 2 : 1;
    const name = parts.slice(0, length).join('/');
    const subpath = parts.slice(length).join('/');
    const pkg = parts.length >= length && parts.slice(0, length).every(p => p !== '') ? findPackage(from, name) : null;
    if (!pkg) throw notFound(request, from, fromPath);
    const exported = subpath ? './' + subpath : '.';
    if (pkg.exports !== null && pkg.exports !== undefined) return { pkg, path: viaExports(pkg, exported), exported };
    const normalized = normalizePath(subpath);
    const path = normalized === null ? null : asFile(pkg, normalized) || asDirectory(pkg, normalized);
    if (!path) throw moduleError(Error, 'MODULE_NOT_FOUND', `Cannot find module '${request}': the package ${pkg.name}@${pkg.version} has no such file`);
    return { pkg, path, exported };
  }

  // → { builtin } or { pkg, path }
  function resolve(from, fromPath, request) {
    const builtin = request.startsWith('node:') ? request.slice(5) : request;
    if (hasOwnKey(builtins, builtin)) return { builtin };
    if (request.startsWith('node:')) throw notFound(request, from, fromPath);
    if (request === '.' || request === '..' || request.startsWith('./') || request.startsWith('../') || request.startsWith('/')) {
      const path = from && !request.startsWith('/') ? joinPath(dirnameOf(fromPath), request) : null;
      const directoryOnly = request === '.' || request === '..' || request.endsWith('/');
      const found = path === null ? null : (directoryOnly ? null : asFile(from, path)) || asDirectory(from, path);
      if (!found) throw moduleError(Error, 'MODULE_NOT_FOUND', `Cannot find module '${request}'` + (from ? ` from '${filenameOf(from, fromPath)}'` : ''));
      return { pkg: from, path: found };
    }
    if (request.startsWith('#')) {
      const resolved = from && from.imports ? matchExports(from, from.imports, request, true) : null;
      if (resolved && resolved.bare !== undefined) return resolve(from, fromPath, resolved.bare);
      if (resolved && isFile(from, resolved.path)) return { pkg: from, path: resolved.path };
      throw moduleError(Error, 'ERR_PACKAGE_IMPORT_NOT_DEFINED', `Package import specifier '${request}' is not defined` + (from ? ` in ${filenameOf(from, 'package.json')}` : ''));
    }
    return resolveBare(from, fromPath, request);
  }

  function load(pkg, path) {
    const id = pkg.key + '/' + path;
    const cached = cache.get(id);
    if (cached) return cached.exports;
    const filename = filenameOf(pkg, path);
    if (isEsModule(pkg, path)) {
      throw moduleError(Error, 'ERR_REQUIRE_ESM', `require() of ES Module ${filename} is not supported: Actions load CommonJS packages; use a version of ${pkg.name} that ships CommonJS`);
    }
    if (loadedBytes + pkg.files[path] > manifest.limit) {
      throw new RangeError(`The Action's npm packages would load ${loadedBytes + pkg.files[path]} bytes of source (reaching ${filename}); the limit is ${manifest.limit} bytes`);
    }
    loadedBytes += pkg.files[path];
    const module = { id: filename, filename, path: dirnameOf(filename), exports: {}, loaded: false, children: [], paths: [] };
    cache.set(id, module);
    let loaded = false;
    try {
      if (path.endsWith('.json')) {
        const text = packageFiles.Text(pkg.key, path);
        if (text === null || text === undefined) throw moduleError(Error, 'MODULE_NOT_FOUND', `Cannot find module '${filename}'`);
        try { module.exports = JSON.parse(text); } catch (e) { throw new SyntaxError(filename + ': ' + e.message); }
      } else {
        const fn = packageFiles.Script(pkg.key, path, filename);
        if (fn === null || fn === undefined) throw moduleError(Error, 'MODULE_NOT_FOUND', `Cannot find module '${filename}'`);
        if (typeof fn === 'string') throw new SyntaxError(fn);
        module.require = makeRequire(pkg, path);
        fn.call(module.exports, module.exports, module.require, module, filename, module.path);
      }
      module.loaded = loaded = true;
    } finally {
      // Like Node: a module whose top level threw is not cached, so a later require tries again.
      if (!loaded) {
        cache.delete(id);
        loadedBytes -= pkg.files[path];
      }
    }
    return module.exports;
  }

  function requireFrom(pkg, path, request) {
    if (typeof request !== 'string' || request === '') {
      throw moduleError(TypeError, 'ERR_INVALID_ARG_VALUE', "The argument 'id' must be a non-empty string. Received " + inspect(request));
    }
    const resolved = resolve(pkg, path, request);
    if (resolved.builtin !== undefined) return builtins[resolved.builtin];
    const chosen = resolved.exported === undefined ? undefined : browserBuilds.get(resolved.pkg.key + '\0' + resolved.exported);
    if (chosen !== undefined) return load(resolved.pkg, chosen);
    try {
      return load(resolved.pkg, resolved.path);
    } catch (e) {
      // The Node build needs a Node built-in the sandbox lacks (http, stream...). A browser build runs on fetch
      // instead; when there is none, or it fails too, the Node build's error is the one that explains.
      const browser = e !== null && typeof e === 'object' && e.nodeBuiltin && resolved.exported !== undefined ? browserBuild(resolved.pkg, resolved.exported) : null;
      if (browser === null || browser === resolved.path) throw e;
      let exports;
      try { exports = load(resolved.pkg, browser); } catch { throw e; }
      browserBuilds.set(resolved.pkg.key + '\0' + resolved.exported, browser);
      return exports;
    }
  }

  function makeRequire(pkg, path) {
    const require = request => requireFrom(pkg, path, request);
    require.resolve = request => {
      const resolved = resolve(pkg, path, String(request));
      return resolved.builtin !== undefined ? resolved.builtin : filenameOf(resolved.pkg, resolved.path);
    };
    require.cache = Object.create(null);
    return require;
  }

  return {
    // True when a bare request names a package of the tree (the Action's own requires).
    provides(request) {
      const parts = request.split('/');
      return findPackage(null, parts.slice(0, request.startsWith('@') ? 2 : 1).join('/')) !== null;
    },
    require: request => requireFrom(null, '', request),
  };
}
