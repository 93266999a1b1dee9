import { AppError } from './app-error';

/**
 * At most `concurrency` tasks at once and at most `maxWaiting` waiting their turn (in order); one more
 * is refused at once with 503 `unavailable` instead of queueing without bound.
 */
export class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
    private readonly busyMessage: string,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running++;
    else if (this.waiting.length < this.maxWaiting) await new Promise<void>((go) => this.waiting.push(go));
    else throw new AppError('unavailable', this.busyMessage);
    try {
      return await task();
    } finally {
      // The slot passes to the next in line, or is freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
