// Runs the site's search worker (overrides/assets/javascripts/search/worker.js) in Node, as the browser
// would, for the agreement test and the relevance benchmark:
//   node run_worker.js WORKER_JS SEARCH_INDEX_JSON < queries.json > results.json
// queries.json is a list of strings; the output is { load_ms, results: [{ query, ms, items }] }, where
// items is what the worker posts back (pages in order, each a list of entries).
"use strict"
const fs = require("fs")
const vm = require("vm")
const [workerPath, indexPath] = process.argv.slice(2)
const context = { console }
context.self = context
vm.createContext(context)
vm.runInContext(fs.readFileSync(workerPath, "utf8"), context, { filename: workerPath })
const queries = JSON.parse(fs.readFileSync(0, "utf8"))
const started = process.hrtime.bigint()
const index = JSON.parse(fs.readFileSync(indexPath, "utf8"))
context.siteSearchHandler({ type: 0, data: { config: index.config, docs: index.docs, options: {} } })
const loadMs = Number(process.hrtime.bigint() - started) / 1e6
const results = queries.map(query => {
  const t = process.hrtime.bigint()
  const answer = context.siteSearchHandler({ type: 2, data: query })
  return { query, ms: Number(process.hrtime.bigint() - t) / 1e6, items: answer.data.items }
})
process.stdout.write(JSON.stringify({ load_ms: loadMs, results }))
