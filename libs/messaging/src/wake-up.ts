/**
 * The pause of a polling loop that a notification (Postgres NOTIFY) ends early. A notification
 * that arrives while the loop is busy is kept, so the next pause ends at once: the row that was
 * committed during the last round is picked up without waiting out a poll interval.
 */
export class WakeUp {
  private endPause?: () => void;
  private pending = false;

  notify(): void {
    if (this.endPause) this.endPause();
    else this.pending = true;
  }

  pause(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const end = () => {
        clearTimeout(timer);
        this.endPause = undefined;
        resolve();
      };
      const timer = setTimeout(end, ms);
      this.endPause = end;
    });
  }
}
