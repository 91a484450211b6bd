// Node's `vm` module running the same Actions: a fresh context per execution, and one reused
// context. Prints one JSON line per scenario and mode with the median and p99 in microseconds.
'use strict';
const vm = require('vm');
const fs = require('fs');

const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const percentile = (xs, p) => { const s = xs.slice().sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
const now = () => Number(process.hrtime.bigint()) / 1000;

function load(context, code) {
  vm.runInContext(input.harness, context);
  vm.runInContext('var module = { exports: {} }; var exports = module.exports;\n' + code, context);
  return vm.runInContext('(eventJson) => runAction(module.exports.onExecutePostLogin, eventJson)', context);
}

async function measure(iterations, warmup, once) {
  for (let i = 0; i < warmup; i++) await once();
  const samples = [];
  for (let i = 0; i < iterations; i++) { const t = now(); await once(); samples.push(now() - t); }
  return { median: percentile(samples, 0.5), p99: percentile(samples, 0.99), samples: samples.length };
}

(async () => {
  for (const scenario of input.scenarios) {
    const fresh = await measure(input.freshIterations, 20, async () => {
      const run = load(vm.createContext({}), scenario.code);
      await run(scenario.event);
    });
    console.log(JSON.stringify({ scenario: scenario.name, mode: 'fresh', ...fresh }));
    const run = load(vm.createContext({}), scenario.code);
    const reused = await measure(input.reusedIterations, 2000, () => run(scenario.event));
    console.log(JSON.stringify({ scenario: scenario.name, mode: 'reused', ...reused }));
    const frozenContext = vm.createContext({});
    load(frozenContext, scenario.code);
    const runFrozen = vm.runInContext('(eventJson) => runFrozen(module.exports.onExecutePostLogin, eventJson)', frozenContext);
    const frozen = await measure(input.reusedIterations, 2000, () => runFrozen(scenario.event));
    console.log(JSON.stringify({ scenario: scenario.name, mode: 'reused-frozen', ...frozen }));
  }
})();
