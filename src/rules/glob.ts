// Globs on key names: `*` matches any run of characters, `?` one, everything else is literal, against the whole
// name. Matched without backtracking (a regular expression of many stars backtracks exponentially): the pattern's
// literal pieces are found left to right, each at its first place, which is the match if there is one. The work is
// bounded by the name's length times the pattern's.
export function globMatches(glob: string, name: string): boolean {
  const pieces = glob.split('*');
  const first = pieces[0]!;
  if (pieces.length === 1) return name.length === first.length && matchesAt(first, name, 0);
  const last = pieces[pieces.length - 1]!;
  if (name.length < first.length + last.length) return false;
  if (!matchesAt(first, name, 0) || !matchesAt(last, name, name.length - last.length)) return false;
  let from = first.length;
  const end = name.length - last.length;
  for (const piece of pieces.slice(1, -1)) {
    const at = findFrom(piece, name, from, end);
    if (at < 0) return false;
    from = at + piece.length;
  }
  return true;
}

/** `piece` (with `?` for any character) at position `at` of `name`. */
function matchesAt(piece: string, name: string, at: number): boolean {
  for (let i = 0; i < piece.length; i++) {
    if (piece[i] !== '?' && piece[i] !== name[at + i]) return false;
  }
  return true;
}

/** The first position from `from` where `piece` fits entirely before `end`, or -1. */
function findFrom(piece: string, name: string, from: number, end: number): number {
  for (let at = from; at + piece.length <= end; at++) if (matchesAt(piece, name, at)) return at;
  return -1;
}
