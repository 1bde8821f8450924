// The JavaScript CEL engines of the side-by-side benchmark (issue #7):
//
//   node bench/js/cel_bench.mjs ENGINE DIR [--quick]
//
// ENGINE is cel-js (@marcbachmann/cel-js) or bufbuild (@bufbuild/cel); DIR
// holds exprs.json (every gate's expression, in plan order) and
// activation.json (every fact's type and value, and `now`), written by
// rollgate_sbs_gen.  Compiles every expression (cel-js: parse and type-check
// against declared variables; bufbuild: parse and plan), then evaluates all
// of them against the activation, repeatedly: median over at least 3 full
// passes and 1 s of process CPU time (0.1 s with --quick).  Prints a RESULT
// line (key=value) on stdout like the C++ programs.
import {readFileSync} from 'node:fs'

const [engine, dir, flag] = process.argv.slice(2)
const quick = flag === '--quick'
const budgetUs = (quick ? 0.1 : 1.0) * 1e6
const exprs = JSON.parse(readFileSync(`${dir}/exprs.json`, 'utf8'))
const act = JSON.parse(readFileSync(`${dir}/activation.json`, 'utf8'))

const cpuUs = () => { const u = process.cpuUsage(); return u.user + u.system }
const median = (v) => v.slice().sort((a, b) => a - b)[v.length >> 1]

let compileOne, runOne, bindings
if (engine === 'cel-js') {
  const {Environment} = await import('@marcbachmann/cel-js')
  const typeName = {
    'int': 'int', 'double': 'double', 'string': 'string', 'bool': 'bool', 'list(int)': 'list<int>',
    'map(string, int)': 'map<string, int>', 'timestamp': 'google.protobuf.Timestamp',
  }
  const env = new Environment().registerVariable('now', 'google.protobuf.Timestamp')
  bindings = {now: new Date(act.now)}
  for (const [name, {type, value}] of Object.entries(act.vars)) {
    env.registerVariable(name, typeName[type])
    bindings[name] = toCelJs(type, value)
  }
  compileOne = (e) => { const f = env.parse(e); f.check(); return f }
  runOne = (f) => f(bindings)
} else if (engine === 'bufbuild') {
  const {celEnv, parse, plan} = await import('@bufbuild/cel')
  const {timestampFromDate} = await import('@bufbuild/protobuf/wkt')
  const env = celEnv()
  bindings = {now: timestampFromDate(new Date(act.now))}
  for (const [name, {type, value}] of Object.entries(act.vars)) bindings[name] = toBufbuild(type, value, timestampFromDate)
  compileOne = (e) => plan(env, parse(e))
  runOne = (f) => f(bindings)
} else {
  console.error(`unknown engine ${engine}: cel-js or bufbuild`)
  process.exit(2)
}

function toCelJs (type, v) {
  if (type === 'int') return BigInt(v)
  if (type === 'list(int)') return v.map(BigInt)
  if (type === 'map(string, int)') return new Map(Object.entries(v).map(([k, x]) => [k, BigInt(x)]))
  if (type === 'timestamp') return new Date(v)
  return v
}
function toBufbuild (type, v, ts) {
  if (type === 'int') return BigInt(v)
  if (type === 'list(int)') return v.map(BigInt)
  if (type === 'map(string, int)') return new Map(Object.entries(v).map(([k, x]) => [k, BigInt(x)]))
  if (type === 'timestamp') return ts(new Date(v))
  return v
}

// Compile.
const rss0 = process.memoryUsage().rss
let t0 = cpuUs()
const compiled = exprs.map(compileOne)
const compileUs = cpuUs() - t0
const memPerGate = (process.memoryUsage().rss - rss0) / exprs.length

// Evaluate every gate, repeatedly.
const verdicts = new Uint8Array(compiled.length)
let errors = 0
const passes = []
const start = cpuUs()
while (passes.length < 3 || cpuUs() - start < budgetUs) {
  t0 = cpuUs()
  for (let k = 0; k < compiled.length; k++) verdicts[k] = runOne(compiled[k]) === true ? 1 : 0
  passes.push(cpuUs() - t0)
  if (passes.length >= 20000) break
}
let trueGates = 0
for (let k = 0; k < compiled.length; k++) {
  const r = runOne(compiled[k])
  if (r === true) trueGates++
  else if (r !== false) errors++
}
if (errors) console.error(`${engine}: ${errors} gates did not yield a bool, e.g. ${exprs[verdicts.indexOf(0)]}`)
const evalUs = median(passes)
const G = compiled.length
console.error(`${engine}: ${G} gates; compile ${(compileUs / 1e3).toFixed(1)} ms, evaluate all ${(evalUs / 1e3).toFixed(3)} ms (${passes.length} passes), ${trueGates} true`)
console.log(`RESULT engine=${engine} gates=${G} ns_per_gate=${(evalUs * 1e3 / G).toFixed(2)} eval_ms=${(evalUs / 1e3).toFixed(4)} ` +
  `evals=${passes.length} compile_us_per_gate=${(compileUs / G).toFixed(4)} mem_bytes_per_gate=${memPerGate.toFixed(0)} ` +
  `true_gates=${trueGates} errors=${errors}`)
