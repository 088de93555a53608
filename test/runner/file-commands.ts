// The runner's parser for GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV: `name=value` or a heredoc
// `name<<DELIM` … `DELIM`. A malformed file fails the step, whatever the exit code.
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line === '') continue;
    const eq = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (eq > 0 && (heredoc < 0 || eq < heredoc)) {
      values[line.slice(0, eq)] = line.slice(eq + 1);
      continue;
    }
    if (heredoc <= 0) throw new Error(`Invalid format '${line}'`);
    const name = line.slice(0, heredoc);
    const delimiter = line.slice(heredoc + 2);
    if (delimiter === '') throw new Error(`Invalid value. Delimiter missing in '${line}'`);
    const body: string[] = [];
    for (i++; ; i++) {
      if (i >= lines.length) throw new Error(`Invalid value. Matching delimiter not found '${delimiter}'`);
      const next = lines[i]!.replace(/\r$/, '');
      if (next === delimiter) break;
      body.push(next);
    }
    values[name] = body.join('\n');
  }
  return values;
}
