/**
 * Runs tasks one at a time in arrival order: Kamailio's single ctl handler process (and its single
 * JSON-RPC FIFO process) serve requests strictly one after another, even across sockets.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
