/**
 * Webpack loader for @prismatic-io/spectral's dist/serverTypes/convertComponent.js: four cold-start costs
 * that grow with the size of a component (a one-action component does not notice them; ours, 340+
 * actions with ~13 inputs each, paid ~20 ms and ~15 ms of every cold start for them, plus garbage).
 *
 * 1. Keyed maps (actions, triggers, data sources, each action's input cleaners) are built with
 *    `entries.reduce((acc, [k, v]) => Object.assign(Object.assign({}, acc), { [k]: f(v) }), {})`: one full
 *    copy of the accumulator per entry, i.e. quadratic work. Rewritten to fill the fresh `{}` in place —
 *    same keys, same order, same values, one object instead of N.
 * 2. `convertInput` drops four keys from every input with lodash `omit`, a general deep-path routine,
 *    on an object `__rest` has just made (own enumerable keys only). Replaced by `omitKeys` below: the
 *    same copy lodash makes here (enumerable string keys then enumerable symbols, `__proto__` as an own
 *    key), minus the named keys.
 *
 * 3. `convertOutputSchema` turns each action's output schema into its JSON text as the component loads,
 *    though an execution never reads it (Prismatic reads it when the component is published). Replaced
 *    by the same object whose `schema` text is made on first read (an enumerable getter that then
 *    becomes a plain property in the same place): 330+ schemas no longer cost every cold start.
 *
 * 4. `convertComponent` converts every action and data source as the component loads, though an
 *    execution runs one. Replaced by the same keyed records whose values are converted on first read
 *    (an enumerable getter per key, in the same order, that then becomes a plain property in the same
 *    place; it reads the action or data source only then, so those made on first read —
 *    src/actions/index.ts, src/dataSources/index.ts — stay unmade too).
 *
 * Output is unchanged: the component's converted definition (every action, input, trigger and data
 * source) dumps byte-for-byte the same with and without this loader. Each rewrite is checked: if
 * Spectral's source no longer has exactly what is expected (an upgrade changed it), the build fails
 * here instead of shipping a half-patched file; then check the file and update or drop this loader.
 */
const ACCUMULATION =
  /\.reduce\(\((\w+), \[(\w+), (\w+)\]\) => \(Object\.assign\(Object\.assign\(\{\}, \1\), \{ \[\2\]: ((?:(?! \}\)\), \{\}\)).)+) \}\)\), \{\}\)/g;
/** Accumulations in convertComponent.js of Spectral 10.31.1 (input cleaners ×7, actions, triggers, data sources). */
const EXPECTED_ACCUMULATIONS = 10;

const OMIT_CALL = 'return Object.assign(Object.assign(Object.assign({}, (0, omit_1.default)(rest, [\n        "onPremControlled",';
const OMIT_IMPORT = 'const omit_1 = __importDefault(require("lodash/omit"));\n';
const OMIT_KEYS = `const omitKeys = (source, keys) => {
    const result = {};
    for (const key in source) {
        if (keys.includes(key)) continue;
        if (key === "__proto__") Object.defineProperty(result, key, { configurable: true, enumerable: true, writable: true, value: source[key] });
        else result[key] = source[key];
    }
    for (let from = source; from; from = Object.getPrototypeOf(from)) {
        for (const symbol of Object.getOwnPropertySymbols(from)) {
            if (Object.prototype.propertyIsEnumerable.call(from, symbol)) result[symbol] = source[symbol];
        }
    }
    return result;
};
`;

const OUTPUT_SCHEMA_CALL = 'return { type: "actionOutput", schema: JSON.stringify(outputSchema.schema) };';

const once = (source, search, replacement, what, file) => {
  const at = source.indexOf(search);
  if (at < 0 || source.indexOf(search, at + 1) >= 0) {
    throw new Error(
      `spectralColdStart: expected exactly one ${what} in ${file}. Spectral changed: update scripts/webpack/spectralColdStart.js.`,
    );
  }
  return source.slice(0, at) + replacement + source.slice(at + search.length);
};

const ACTIONS_CALL =
  "const convertedActions = Object.entries(actions).reduce((result, [actionKey, action]) => ((result[actionKey] = (0, exports.convertAction)(actionKey, action, hooks)), result), {});";
const LAZY_ACTIONS_CALL =
  "const convertedActions = Object.keys(actions).reduce((result, actionKey) => lazyValue(result, actionKey, () => (0, exports.convertAction)(actionKey, actions[actionKey], hooks)), {});";
const DATA_SOURCES_CALL =
  "const convertedDataSources = Object.entries(dataSources).reduce((result, [dataSourceKey, dataSource]) => ((result[dataSourceKey] = convertDataSource(dataSourceKey, dataSource, hooks)), result), {});";
const LAZY_DATA_SOURCES_CALL =
  "const convertedDataSources = Object.keys(dataSources).reduce((result, dataSourceKey) => lazyValue(result, dataSourceKey, () => convertDataSource(dataSourceKey, dataSources[dataSourceKey], hooks)), {});";
const LAZY_VALUE = `const lazyValue = (target, key, make) => {
    let made = false;
    let value;
    Object.defineProperty(target, key, {
        configurable: true,
        enumerable: true,
        get() {
            if (!made) {
                value = make();
                made = true;
            }
            Object.defineProperty(this, key, { configurable: true, enumerable: true, writable: true, value });
            return value;
        },
    });
    return target;
};
`;

module.exports = function spectralColdStart(source) {
  let count = 0;
  let out = source.replace(ACCUMULATION, (_m, acc, key, value, expr) => {
    count += 1;
    return `.reduce((${acc}, [${key}, ${value}]) => ((${acc}[${key}] = ${expr}), ${acc}), {})`;
  });
  if (count !== EXPECTED_ACCUMULATIONS) {
    throw new Error(
      `spectralColdStart: expected ${EXPECTED_ACCUMULATIONS} keyed accumulations in ${this.resourcePath}, found ${count}. ` +
        "Spectral changed: update scripts/webpack/spectralColdStart.js.",
    );
  }
  out = once(out, OMIT_IMPORT, OMIT_IMPORT + OMIT_KEYS, "lodash/omit import", this.resourcePath);
  out = once(
    out,
    OMIT_CALL,
    OMIT_CALL.replace("(0, omit_1.default)(rest, [", "omitKeys(rest, ["),
    "omit call in convertInput",
    this.resourcePath,
  );
  out = once(
    out,
    OUTPUT_SCHEMA_CALL,
    'return lazyValue({ type: "actionOutput" }, "schema", () => JSON.stringify(outputSchema.schema));',
    "actionOutput conversion in convertOutputSchema",
    this.resourcePath,
  );
  out = once(out, OMIT_IMPORT, OMIT_IMPORT + LAZY_VALUE, "lodash/omit import (for lazyValue)", this.resourcePath);
  out = once(out, ACTIONS_CALL, LAZY_ACTIONS_CALL, "action conversion in convertComponent", this.resourcePath);
  out = once(out, DATA_SOURCES_CALL, LAZY_DATA_SOURCES_CALL, "data source conversion in convertComponent", this.resourcePath);
  return out;
};
