// Smithy `@pattern` values as JavaScript regexes. Smithy's reference validator compiles them with
// java.util.regex.Pattern and applies them with Matcher.find() (not anchored), and this model relies on it: it uses
// the inline `(?s)` flag, which ECMAScript does not have. Where the Java dialect means something else than the same
// text in JavaScript, the construct is rewritten; a Java construct not handled here throws instead of matching
// something else quietly.

/** Java's `.` outside DOTALL: anything but its line terminators (JavaScript's `.` would accept U+0085). */
const JAVA_DOT = '[^\\n\\r\\u0085\\u2028\\u2029]';
const DOT_ALL = '[\\s\\S]';
/** Java's `$` outside MULTILINE: the end of input, or before a line terminator that ends it (never inside \r\n). */
const JAVA_END = '(?=(?:\\r\\n|(?<!\\r)\\n|[\\r\\u0085\\u2028\\u2029])?$)';
/**
 * Escapes that mean the same in both dialects: ASCII \d and \w, general categories such as \p{L} (not POSIX names
 * like \p{Alpha}, which differ), \uXXXX, escaped punctuation.
 */
const SAME_ESCAPE = /^\\(?:[dDwWtnrf]|[pP]\{[A-Z][a-z]?\}|u[0-9A-Fa-f]{4}|[-\\.^$|?*+()[\]{}/])/;

const compiled = new Map<string, RegExp>();

/** The JavaScript RegExp that accepts exactly what java.util.regex `find()` accepts for `pattern`. */
export function compileJavaPattern(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (!regex) {
    regex = new RegExp(translate(pattern), 'u'); // 'u': code points, as Java matches supplementary characters
    compiled.set(pattern, regex);
  }
  return regex;
}

function translate(pattern: string): string {
  const unsupported = (what: string, at: number) => new Error(`Unsupported Java regex construct ${what} at ${at} in ${pattern}`);
  // Inline flags last until the end of the group they are in: one DOTALL state per open group.
  const dotAll: boolean[] = [false];
  let out = '';
  let afterQuantifier = false;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    const quantified: boolean = afterQuantifier;
    afterQuantifier = false;
    if (c === '\\') {
      const escape = SAME_ESCAPE.exec(pattern.slice(i))?.[0];
      if (!escape) throw unsupported(pattern.slice(i, i + 2), i);
      out += escape === '\\-' ? '-' : escape; // JavaScript's 'u' mode allows \- only in a class
      i += escape.length;
    } else if (c === '[') {
      const end = classEnd(pattern, i, unsupported);
      out += pattern.slice(i, end + 1);
      i = end + 1;
    } else if (c === '(') {
      const flags = /^\(\?(-?s)\)/.exec(pattern.slice(i));
      if (flags) {
        dotAll[dotAll.length - 1] = flags[1] === 's';
        i += flags[0].length;
        continue;
      }
      const opener = /^\((?:\?(?::|=|!|<=|<!|<[A-Za-z][A-Za-z0-9]*>))?/.exec(pattern.slice(i))![0];
      if (pattern[i + 1] === '?' && opener === '(') throw unsupported(pattern.slice(i, i + 3), i);
      dotAll.push(dotAll[dotAll.length - 1]);
      out += opener;
      i += opener.length;
    } else if (c === ')') {
      if (dotAll.length === 1) throw unsupported('unbalanced )', i);
      dotAll.pop();
      out += c;
      i += 1;
    } else if (c === '.') {
      out += dotAll[dotAll.length - 1] ? DOT_ALL : JAVA_DOT;
      i += 1;
    } else if (c === '$') {
      out += JAVA_END;
      i += 1;
    } else if (c === '*' || c === '+' || c === '?' || c === '{') {
      if (quantified && c === '+') throw unsupported('possessive quantifier', i);
      const quantifier = c === '{' ? /^\{\d+(?:,\d*)?\}/.exec(pattern.slice(i))?.[0] : c;
      if (!quantifier) throw unsupported('{', i);
      out += quantifier;
      i += quantifier.length;
      // A '?' right after a quantifier makes it lazy (same in both dialects); a '+' would make it possessive.
      afterQuantifier = !(quantified && c === '?');
    } else {
      out += c === ']' || c === '}' ? `\\${c}` : c; // literal in Java, a syntax error in JavaScript's 'u' mode
      i += 1;
    }
  }
  if (dotAll.length !== 1) throw unsupported('unclosed (', pattern.length);
  return out;
}

/** The index of the `]` closing the class opened at `start`. Java's class union/intersection are refused. */
function classEnd(pattern: string, start: number, unsupported: (what: string, at: number) => Error): number {
  let i = start + (pattern[start + 1] === '^' ? 2 : 1);
  if (pattern[i] === ']') throw unsupported('[] (a literal ] first in a class)', i);
  for (; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === ']') return i;
    if (c === '[' || (c === '&' && pattern[i + 1] === '&')) throw unsupported(`${c} in a character class`, i);
    if (c === '\\') {
      const escape = SAME_ESCAPE.exec(pattern.slice(i))?.[0];
      if (!escape) throw unsupported(pattern.slice(i, i + 2), i);
      i += escape.length - 1;
    }
  }
  throw unsupported('unclosed [', start);
}
