/**
 * dependency-cruiser options for test/structure/imports.test.ts: type-only imports are read too (a type
 * import ties two folders as much as a value import does). No rules here: the test computes them.
 */
module.exports = { options: { tsPreCompilationDeps: true } };
