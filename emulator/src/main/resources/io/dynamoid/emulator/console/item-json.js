// Items as text, in DynamoDB JSON ({"n": {"N": "1"}}) or plain JSON ({"n": 1}), converted both ways.
// Numbers never pass through a JavaScript number: DynamoDB keeps 38 digits, a double only about 16, so the
// plain form writes the digits as they are and reads them back from the source text.

/** A number in plain JSON, kept as the text of its digits. */
class NumberText {
  constructor(text) {
    this.text = text;
  }
}

/** Parses item text in DynamoDB JSON into an item (attribute name -> attribute value). */
export function parseDynamoJson(text) {
  const item = JSON.parse(text);
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    throw new SyntaxError('An item is a JSON object of attribute names to values like {"S": "text"}');
  }
  return item;
}

/** Parses item text in plain JSON into an item in DynamoDB's form. */
export function parsePlainJson(text) {
  const value = JSON.parse(text, (key, parsed, context) => {
    if (typeof parsed !== 'number') return parsed;
    if (!context || typeof context.source !== 'string') {
      throw new SyntaxError('This browser cannot read numbers without rounding them: use DynamoDB JSON');
    }
    return new NumberText(context.source);
  });
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof NumberText) {
    throw new SyntaxError('An item is a JSON object of attribute names to values');
  }
  return Object.fromEntries(Object.entries(value).map(([name, v]) => [name, toAttributeValue(v)]));
}

function toAttributeValue(value) {
  if (value instanceof NumberText) return { N: value.text };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'boolean') return { BOOL: value };
  if (value === null) return { NULL: true };
  if (Array.isArray(value)) return { L: value.map(toAttributeValue) };
  return { M: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toAttributeValue(v)])) };
}

/** Whether plain JSON loses something of this item: sets become lists and binary becomes base64 text. */
export function plainLosesTypes(item) {
  const loses = (av) => {
    const [type, v] = Object.entries(av)[0] ?? [];
    if (['SS', 'NS', 'BS', 'B'].includes(type)) return true;
    if (type === 'M') return Object.values(v).some(loses);
    if (type === 'L') return v.some(loses);
    return false;
  };
  return Object.values(item).some(loses);
}

/** The item as DynamoDB JSON text, indented. */
export function formatDynamoJson(item) {
  return JSON.stringify(item, null, 2);
}

/** The item as plain JSON text, indented, numbers written with all their digits. */
export function formatPlainJson(item) {
  return write(Object.fromEntries(Object.entries(item).map(([k, v]) => [k, toPlain(v)])), '');
}

function toPlain(av) {
  const [type, v] = Object.entries(av)[0];
  switch (type) {
    case 'N': return new NumberText(v);
    case 'NS': return v.map((n) => new NumberText(n));
    case 'NULL': return null;
    case 'M': return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toPlain(x)]));
    case 'L': return v.map(toPlain);
    default: return v; // S, B (base64 text), BOOL, SS, BS
  }
}

function write(value, indent) {
  if (value instanceof NumberText) return value.text;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + write(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner)}`).join(',\n')}\n${indent}}`;
}

/** A short one-line rendering of an attribute value for a table cell. */
export function summarize(av) {
  if (!av) return '';
  const [type, v] = Object.entries(av)[0] ?? [];
  switch (type) {
    case 'S': case 'N': return v;
    case 'BOOL': return String(v);
    case 'NULL': return 'null';
    case 'B': return `<binary ${v.length} chars base64>`;
    default: {
      const text = write(toPlain(av), '').replace(/\s*\n\s*/g, ' ');
      return text.length > 80 ? `${text.slice(0, 79)}…` : text;
    }
  }
}
