// One job's log: masks secrets as `***`, turns workflow commands (::group::, ::error, ::add-mask::)
// into the runner's `##[…]` log markers, and collects annotations. Written to <out>/logs/<job>.log.

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
}

export class JobLog {
  readonly lines: string[] = [];
  readonly annotations: Annotation[] = [];

  constructor(private readonly masks: Set<string>) {}

  addMask(value: string): void {
    for (const line of value.split('\n')) if (line.trim() !== '') this.masks.add(line);
  }

  mask(text: string): string {
    let out = text;
    for (const secret of [...this.masks].sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
    return out;
  }

  info(line: string): void {
    this.lines.push(this.mask(line));
  }

  error(message: string): void {
    this.annotations.push({ level: 'error', message: this.mask(message) });
    this.info(`##[error]${message}`);
  }

  /** A line a step printed: workflow commands are interpreted, everything else logged as is. */
  output(line: string): void {
    const command = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (command === null) return this.info(line);
    const [, name, , message = ''] = command;
    switch (name) {
      case 'group':
        return this.info(`##[group]${message}`);
      case 'endgroup':
        return this.info('##[endgroup]');
      case 'add-mask':
        this.addMask(message);
        return this.info('##[add-mask]***');
      case 'error':
      case 'warning':
      case 'notice':
        this.annotations.push({ level: name, message: this.mask(message) });
        return this.info(`##[${name}]${message}`);
      case 'debug':
        return this.info(`##[debug]${message}`);
      default:
        return this.info(line);
    }
  }

  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
