/**
 * A strict XML reader for tests: sax in strict mode (already installed, a dependency of Prismatic's CLI)
 * throws on anything not well-formed; the result is a small element tree.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sax = require("sax") as { parser: (strict: boolean, opts?: object) => any };

export interface El {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: El[];
}

/** Parses strictly (throws on anything not well-formed) into a small element tree; returns the root element. */
export const parseXml = (xml: string): El => {
  const parser = sax.parser(true, { xmlns: false });
  const root: El = { name: "#document", attributes: {}, text: "", children: [] };
  const stack: El[] = [root];
  parser.onerror = (e: Error) => {
    throw e;
  };
  parser.onopentag = (node: { name: string; attributes: Record<string, string> }) => {
    const el: El = { name: node.name, attributes: node.attributes, text: "", children: [] };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  };
  parser.ontext = (t: string) => {
    stack[stack.length - 1].text += t;
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.write(xml).close();
  if (root.children.length !== 1) throw new Error(`expected one root element, found ${root.children.length}`);
  return root.children[0];
};

/** Every element under (and including) `el` that matches. */
export const elements = (el: El, pred: (e: El) => boolean): El[] => [
  ...(pred(el) ? [el] : []),
  ...el.children.flatMap((c) => elements(c, pred)),
];
