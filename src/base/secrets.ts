// The one place that calls setSecret. Every secret value passes through `add` before it is used anywhere else,
// so the runner masks it in every later log line, and `redact` can scrub it from text we build ourselves
// (error excerpts) even where no runner is watching.
export class Secrets {
  private readonly values = new Set<string>();

  constructor(private readonly setSecret: (value: string) => void) {}

  add(value: string): string {
    if (value !== '' && !this.values.has(value)) {
      this.values.add(value);
      this.setSecret(value);
    }
    return value;
  }

  redact(text: string): string {
    let out = text;
    for (const value of this.values) {
      for (const form of [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]) {
        out = out.split(form).join('***');
      }
    }
    return out;
  }
}
