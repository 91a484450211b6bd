// How package.json "exports" and "imports" map a specifier to a file of the package, after Node's
// PACKAGE_EXPORTS_RESOLVE: subpath keys and '*' patterns, conditions (require, node, default; never
// import), arrays of fallbacks, and null for what a package keeps private. Used by modules.js.
const MODULE_CONDITIONS = ['require', 'node', 'default'];
// A package's build for fetch-based runtimes, tried when its Node build needs a Node built-in the sandbox lacks.
const BROWSER_CONDITIONS = ['browser', 'require', 'default'];

// Node's PATTERN_KEY_COMPARE: the longer prefix before '*' wins, then the longer key.
function betterPattern(best, key) {
  const baseLength = k => (k.indexOf('*') < 0 ? k.length : k.indexOf('*') + 1);
  if (best === null || baseLength(key) !== baseLength(best)) return best === null || baseLength(key) > baseLength(best);
  return key.length > best.length;
}

// Resolves an "exports"/"imports" target: a './' path inside the package (or, for imports, a bare specifier).
function exportsTarget(pkg, value, match, imports, conditions = MODULE_CONDITIONS) {
  if (typeof value === 'string') {
    const expanded = match === null ? value : value.split('*').join(match);
    if (!value.startsWith('./')) {
      if (imports && !value.startsWith('../') && !value.startsWith('/') && !value.startsWith('#')) return { bare: expanded };
      throw moduleError(Error, 'ERR_INVALID_PACKAGE_TARGET', `Invalid target '${value}' in the package.json of ${pkg.name}`);
    }
    const path = normalizePath(expanded);
    if (path === null || path.split('/').includes('node_modules')) {
      throw moduleError(Error, 'ERR_INVALID_PACKAGE_TARGET', `Invalid target '${value}' in the package.json of ${pkg.name}`);
    }
    return { path };
  }
  if (Array.isArray(value)) {
    for (const candidate of value) {
      let resolved;
      try { resolved = exportsTarget(pkg, candidate, match, imports, conditions); } catch (e) { if (e.code === 'ERR_INVALID_PACKAGE_TARGET') continue; throw e; }
      if (resolved) return resolved;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const condition of Object.keys(value)) {
      if (!conditions.includes(condition)) continue;
      const resolved = exportsTarget(pkg, value[condition], match, imports, conditions);
      if (resolved !== undefined) return resolved;
    }
    return undefined;
  }
  return null;
}

// The target of a request ('.', './sub' or '#name'): its exact key, else the best '*' pattern; null when none matches.
function matchExports(pkg, map, request, imports, conditions = MODULE_CONDITIONS) {
  if (hasOwnKey(map, request) && !request.includes('*')) return exportsTarget(pkg, map[request], null, imports, conditions);
  let best = null;
  for (const key of Object.keys(map)) {
    const star = key.indexOf('*');
    if (star < 0 || key.indexOf('*', star + 1) >= 0) continue;
    const prefix = key.slice(0, star), suffix = key.slice(star + 1);
    if (request.startsWith(prefix) && request !== prefix && request.length >= key.length && request.endsWith(suffix) && betterPattern(best, key)) best = key;
  }
  if (best === null) return null;
  const star = best.indexOf('*');
  return exportsTarget(pkg, map[best], request.slice(star, request.length - (best.length - star - 1)), imports, conditions);
}
