/**
 * The syntax of Weka's ARFF format: `@relation`, `@attribute NAME TYPE` (numeric, real,
 * integer, string, date, or a nominal list `{a, 'b c'}`), `@data`, then one comma-separated
 * row a line. Names and values may be quoted with ' or " (backslash escapes inside); an
 * unquoted ? is a missing value; % starts a comment line. Sparse rows ({0 x, 3 y}) and
 * relational attributes are not supported and say so.
 *
 * @example
 *   splitArffValues("'<0',6,?,radio/tv", 40); // ['<0', '6', null, 'radio/tv']
 *   parseArffAttribute("@attribute purpose {'new car', other}", 4);
 *   // { name: 'purpose', kind: 'categorical', nominal: ['new car', 'other'] }
 */
import { ScoreError } from '../score-error.js';

/**
 * An attribute declared in an ARFF header.
 *
 * @example
 *   const a: ArffAttribute = parseArffAttribute('@attribute age numeric', 3);
 */
export interface ArffAttribute {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
  /** The declared values of a nominal attribute; null for others. */
  readonly nominal: readonly string[] | null;
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r' };

/** Reads a quoted token starting at text[start] (a quote); returns its value and the index after it. */
function quoted(text: string, start: number, line: number): { value: string; end: number } {
  const quote = text[start]!;
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      const next = text[++i]!;
      value += ESCAPES[next] ?? next;
    } else if (c === quote) return { value, end: i + 1 };
    else value += c;
  }
  throw new ScoreError(`line ${line}: unterminated quoted value`);
}

/**
 * Splits a data row (or a nominal list's inside) into values; null for an unquoted ?.
 *
 * @example
 *   splitArffValues('"a, b", 2', 9); // ['a, b', '2']
 */
export function splitArffValues(text: string, line: number): (string | null)[] {
  const values: (string | null)[] = [];
  let i = 0;
  for (;;) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    let value: string | null;
    if (text[i] === "'" || text[i] === '"') {
      const token = quoted(text, i, line);
      value = token.value;
      i = token.end;
      while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
      if (i < text.length && text[i] !== ',') throw new ScoreError(`line ${line}: text after a quoted value`);
    } else {
      const comma = text.indexOf(',', i);
      const end = comma < 0 ? text.length : comma;
      const raw = text.slice(i, end).trim();
      value = raw === '?' ? null : raw;
      i = end;
    }
    values.push(value);
    if (i >= text.length) return values;
    i++; // the comma
  }
}

/**
 * Parses an `@attribute` line.
 *
 * @example
 *   parseArffAttribute('@attribute duration numeric', 3); // { name: 'duration', kind: 'numeric', nominal: null }
 */
export function parseArffAttribute(text: string, line: number): ArffAttribute {
  const rest = text.trim().slice('@attribute'.length);
  if (!/^\s/.test(rest)) throw new ScoreError(`line ${line}: expected '@attribute NAME TYPE'`);
  const body = rest.trim();
  let name: string;
  let typeText: string;
  if (body.startsWith("'") || body.startsWith('"')) {
    const token = quoted(body, 0, line);
    name = token.value;
    typeText = body.slice(token.end).trim();
  } else {
    const match = /^(\S+?)(?=\s|\{)(.*)$/s.exec(body);
    if (!match) throw new ScoreError(`line ${line}: attribute without a type`);
    name = match[1]!;
    typeText = match[2]!.trim();
  }
  if (name === '') throw new ScoreError(`line ${line}: attribute without a name`);
  if (typeText.startsWith('{')) {
    const close = typeText.lastIndexOf('}');
    if (close < 0) throw new ScoreError(`line ${line}: nominal attribute '${name}' without a closing }`);
    const inside = typeText.slice(1, close);
    const nominal = inside.trim() === '' ? [] : splitArffValues(inside, line).map((v) => v ?? '?');
    return { name, kind: 'categorical', nominal };
  }
  const type = typeText.split(/\s/)[0]!.toLowerCase();
  if (type === 'numeric' || type === 'real' || type === 'integer')
    return { name, kind: 'numeric', nominal: null };
  if (type === 'string' || type === 'date') return { name, kind: 'categorical', nominal: null };
  throw new ScoreError(`line ${line}: attribute '${name}' has type '${type}', which is not supported`);
}
