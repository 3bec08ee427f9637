/**
 * Runs tasks one at a time in arrival order: Kamailio's single ctl handler process (and its single
 * JSON-RPC FIFO process) serve requests strictly one after another, even across sockets.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  /** Tasks started through the queue whose result has not settled yet. */
  private pending = 0;

  run<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.track(result);
    return result;
  }

  /**
   * Like run(), but when nothing is queued or running the task runs at once, and a result that is
   * not a promise comes back as is: no promise and no microtask for a synchronous request on an
   * idle queue (the common case). A promise result holds the queue until it settles, as with run().
   */
  runNow<T>(task: () => T | Promise<T>): T | Promise<T> {
    if (this.pending > 0) return this.run(task);
    let value: T | Promise<T>;
    try {
      value = task();
    } catch (error) {
      value = Promise.reject(error as Error);
    }
    if (!isThenable(value)) return value;
    const result = Promise.resolve(value);
    this.track(result);
    return result;
  }

  private track(result: Promise<unknown>): void {
    this.pending++;
    const done = () => {
      this.pending--;
    };
    this.tail = result.then(done, done);
  }
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T> | null)?.then === 'function';
}
