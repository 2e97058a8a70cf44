/**
 * Work done in the background every so often, by every instance that runs it: once when started,
 * then every `everyMs`; a run asked for while the last one still runs does nothing. A run that fails
 * is handed to `onError` (which logs it) and counts as nothing done: it never throws.
 */
export class PeriodicWork {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    /** One run; answers how much it did. */
    private readonly work: () => Promise<number>,
    private readonly settings: { enabled: boolean; everyMs: number },
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Runs now and on the schedule, if enabled; starting it again does nothing. */
  start(): void {
    if (!this.settings.enabled || this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.settings.everyMs);
    this.timer.unref();
    void this.tick();
  }

  /** Stops the schedule and waits for the run under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One run, whether or not the schedule is started; 0 while the last one still runs. Answers how much it did. */
  async tick(): Promise<number> {
    if (this.running) return 0;
    this.running = (async () => this.work())()
      .catch((error: unknown) => {
        this.onError(error);
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
