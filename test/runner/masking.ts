// What the runner does to a step's output before it reaches the log: `::add-mask::` registers a secret (each line
// of a multi-line value separately), and every later occurrence is shown as ***. Nothing is masked retroactively.
// The runner trims a line before it looks for `::`, and after `::stop-commands::TOKEN` reads no command until
// `::TOKEN::`: a forged stop turns every later `::add-mask::` into plain text.
export class Masker {
  private readonly secrets = new Set<string>();
  private stopToken: string | undefined;

  /** Turns one raw output line into what the log shows (undefined: the line is a command the runner consumes). */
  line(raw: string, debug: boolean): string | undefined {
    if (this.stopToken !== undefined) {
      if (raw.trim() === `::${this.stopToken}::`) {
        this.stopToken = undefined;
        return undefined;
      }
      return this.mask(raw);
    }
    const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(raw.trim());
    const data = command ? unescapeData(command[2]!) : '';
    if (command?.[1] === 'stop-commands') {
      this.stopToken = data;
      return undefined;
    }
    if (command?.[1] === 'add-mask') {
      for (const part of data.split(/\r?\n/)) if (part.trim()) this.secrets.add(part);
      return undefined;
    }
    let shown = raw;
    if (command?.[1] === 'debug') {
      if (!debug) return undefined;
      shown = `##[debug]${data}`;
    } else if (command && ['error', 'warning', 'notice'].includes(command[1]!)) {
      shown = `##[${command[1]}]${data}`;
    }
    return this.mask(shown);
  }

  mask(text: string): string {
    let out = text;
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
    return out;
  }

  get masked(): ReadonlySet<string> {
    return this.secrets;
  }
}

/** Workflow-command data is escaped by the toolkit: %25 → %, %0D → CR, %0A → LF. */
export function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
