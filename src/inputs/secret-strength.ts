// How hard a secret is to guess, estimated the way a guesser would attack it: a stretch that repeats earlier text,
// a run of neighbours (`abcd`, `4321`, `qwerty`) or a word-like stretch of letters costs a few bits, not a few bits
// per character. A random value (openssl rand) loses almost nothing; `passwordpassword…` or `aaaa…` loses nearly
// everything. Pure; the floor is in base/policy.ts.

const KEYBOARD_ROWS = ['`1234567890-=', 'qwertyuiop[]\\', "asdfghjkl;'", 'zxcvbnm,./'];
/** What guessing a word-like stretch costs: a pick from a large list of words (2^16), whatever its length. */
const WORD_BITS = 16;
const MIN_REPEAT = 4;
const MIN_RUN = 3;
const MIN_WORD = 4;

export interface Strength {
  length: number;
  /** Kinds of character present: lower, upper, digits, others. */
  classes: number;
  /** Estimated bits a guesser must spend. */
  bits: number;
}

export function strengthOf(secret: string): Strength {
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];
  const sizes = [26, 26, 10, 33];
  const present = kinds.map((kind) => kind.test(secret));
  const alphabet = sizes.reduce((sum, size, i) => sum + (present[i] ? size : 0), 0);
  const perChar = Math.log2(Math.max(alphabet, 2));
  let bits = 0;
  for (let i = 0; i < secret.length;) {
    const repeat = repeatAt(secret, i);
    const run = runAt(secret, i);
    const word = wordAt(secret, i);
    const stretch = Math.max(repeat, run, word);
    if (stretch === 0) {
      bits += perChar;
      i += 1;
    } else if (stretch === repeat) {
      bits += Math.log2(i + 1) + Math.log2(repeat); // where it starts, how long
      i += repeat;
    } else if (stretch === run) {
      bits += perChar + Math.log2(run) + 1; // its first character, length, direction
      i += run;
    } else {
      bits += WORD_BITS;
      i += word;
    }
  }
  return { length: secret.length, classes: present.filter(Boolean).length, bits: Math.floor(bits) };
}

/** The longest stretch at `i` (at least MIN_REPEAT) that appeared before it; 0 when none. */
function repeatAt(text: string, i: number): number {
  let best = 0;
  for (let from = 0; from < i; from++) {
    let length = 0;
    while (i + length < text.length && text[from + length] === text[i + length]) length++;
    best = Math.max(best, length);
  }
  // One character over and over (`aaaa`): a repeat of the one before it, from the second on.
  let same = 1;
  while (i + same < text.length && text[i + same] === text[i]) same++;
  const runOfOne = same >= MIN_REPEAT ? same : 0;
  return Math.max(best >= MIN_REPEAT ? best : 0, runOfOne);
}

/** The longest run of neighbours at `i`: code points a step apart (`abc`, `321`) or keys along a row (`qwe`). */
function runAt(text: string, i: number): number {
  const neighbours = (a: string, b: string) => {
    const step = b.toLowerCase().charCodeAt(0) - a.toLowerCase().charCodeAt(0);
    if (step === 1 || step === -1) return true;
    return KEYBOARD_ROWS.some((row) => {
      const at = row.indexOf(a.toLowerCase());
      return at >= 0 && (row[at + 1] === b.toLowerCase() || row[at - 1] === b.toLowerCase());
    });
  };
  let length = 1;
  while (i + length < text.length && neighbours(text[i + length - 1]!, text[i + length]!)) length++;
  return length >= MIN_RUN ? length : 0;
}

/** A word-like stretch at `i`: at least MIN_WORD letters of one case, or a capital and lower case after it. */
function wordAt(text: string, i: number): number {
  const match = /^(?:[a-z]+|[A-Z][a-z]+|[A-Z]+)/.exec(text.slice(i));
  const length = match?.[0].length ?? 0;
  return length >= MIN_WORD ? length : 0;
}
