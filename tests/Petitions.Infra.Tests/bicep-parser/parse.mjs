// Parses Bicep files with the tree-sitter Bicep grammar and prints one JSON document:
//   { "files": [ { "path", "errors": [ { "kind", "line", "column", "text" } ], "tree": Node } ] }
// Node = { "type", "field"?, "start", "end", "children"? } for named nodes only; start/end are
// UTF-16 offsets into the file's text (the same units as a .NET string), so the caller slices
// the source itself. Syntax errors are the grammar's ERROR and MISSING nodes. No type checking:
// this is what we can do without the Bicep compiler (see docs/deploy.md for the full validation).
// Usage: node parse.mjs <file.bicep>...
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Parser, Language } from 'web-tree-sitter';

const require = createRequire(import.meta.url);

function toNode(cursorNode, field) {
  const node = { type: cursorNode.type, start: cursorNode.startIndex, end: cursorNode.endIndex };
  if (field) node.field = field;
  const children = [];
  for (let i = 0; i < cursorNode.childCount; i++) {
    const child = cursorNode.child(i);
    if (child.isNamed || child.isMissing) {
      children.push(toNode(child, cursorNode.fieldNameForChild(i)));
    } else if (child.type === 'existing') {
      node.existing = true;
    }
  }
  if (children.length > 0) node.children = children;
  return node;
}

function collectErrors(node, errors) {
  if (node.isError || node.isMissing) {
    errors.push({
      kind: node.isMissing ? 'MISSING' : 'ERROR',
      line: node.startPosition.row + 1,
      column: node.startPosition.column + 1,
      text: node.isMissing ? `missing ${node.type}` : node.text.slice(0, 120),
    });
  }
  if (!node.hasError && !node.isMissing) return;
  for (let i = 0; i < node.childCount; i++) collectErrors(node.child(i), errors);
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node parse.mjs <file.bicep>...');
  process.exit(2);
}

await Parser.init();
const language = await Language.load(require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm'));
const parser = new Parser();
parser.setLanguage(language);

const result = { files: [] };
for (const path of files) {
  const text = await readFile(path, 'utf8');
  const tree = parser.parse(text);
  const errors = [];
  collectErrors(tree.rootNode, errors);
  result.files.push({ path, errors, tree: toNode(tree.rootNode, null) });
  tree.delete();
}

process.stdout.write(JSON.stringify(result));
